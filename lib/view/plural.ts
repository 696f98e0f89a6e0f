// Counts in plain words: the message key for one or for many, with the number to put in it
// ("1 statement", "2 statements"). English has two forms; the keys live in public/_locales.

export type Countable = 'article' | 'statement' | 'source' | 'outlet' | 'site';

const KEYS: Record<Countable, [one: string, many: string]> = {
  article: ['countArticleOne', 'countArticles'],
  statement: ['countStatementOne', 'countStatements'],
  source: ['countSourceOne', 'countSources'],
  outlet: ['countOutletOne', 'countOutlets'],
  site: ['countSiteOne', 'countSites'],
};

/** The i18n key and substitutions for `n` of a thing. */
export function countMessage(n: number, what: Countable): [key: string, substitutions: string[]] {
  const [one, many] = KEYS[what];
  return [n === 1 ? one : many, [String(n)]];
}
