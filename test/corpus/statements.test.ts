// Articles → statements (lib/corpus/statements.ts), checked on the compiled corpus of the five seeds:
// verbatim text, no furniture, captions once, headings excluded, datelines stripped, consistent
// positions, speakers, quotes, figures and cues on a hand-checked sample.
import { describe, it, expect } from 'vitest';
import { compileCorpus } from '../../lib/corpus/compile';
import { buildStatements, statementSource } from '../../lib/corpus/statements';
import { parseDocument } from '../../lib/corpus/parse';
import { comparisonKey } from '../../lib/text/normalize';
import type { Statement } from '../../lib/core/corpus';
import { FILES, allSeeds, seed, sourcesFile, ws } from './seeds';

const corpus = compileCorpus(allSeeds(), sourcesFile());
const fileOf = (sourceId: string) => sourcesFile().sources.find((s) => s.id === sourceId)!.file;

/** The one statement of `article` whose text starts with `prefix`. */
function st(article: string, prefix: string): Statement {
  const hits = corpus.statements.filter((s) => s.article === article && s.text.startsWith(prefix));
  expect(hits.length, `${article}: "${prefix}"`).toBe(1);
  return hits[0]!;
}

describe('statements: which articles contribute', () => {
  it('the five Riyadh articles contribute statements, the Oman article none', () => {
    const byArticle = new Map<string, number>();
    for (const s of corpus.statements) byArticle.set(s.article, (byArticle.get(s.article) ?? 0) + 1);
    expect([...byArticle.keys()].sort()).toEqual(['arab-news:1', 'asharq-al-awsat:1', 'moscow-times:1', 'post-truth:1', 'unattributed-wire:1']);
    expect(byArticle.has('asharq-al-awsat:2')).toBe(false);
    expect(corpus.statements.some((s) => /Oman|Iran/.test(s.text))).toBe(false);
  });

  it('ids are unique, <article>#<n> numbered from 1, and carry the article\'s source', () => {
    const ids = corpus.statements.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of corpus.articles.filter((x) => x.topic)) {
      const own = corpus.statements.filter((s) => s.article === a.id);
      expect(own.map((s) => s.id)).toEqual(own.map((_, i) => `${a.id}#${i + 1}`));
      for (const s of own) expect(s.source).toBe(a.source);
    }
  });
});

describe('statements: verbatim and clean', () => {
  it('every statement text is found verbatim (up to whitespace) in its seed file', () => {
    for (const s of corpus.statements) expect(ws(seed(fileOf(s.source))).includes(ws(s.text)), s.text).toBe(true);
  });

  it('no two statements are the same text', () => {
    const keys = corpus.statements.map((s) => comparisonKey(s.text));
    const dup = keys.filter((k, i) => keys.indexOf(k) !== i);
    expect(dup).toEqual([]);
  });

  it('no statement is page furniture', () => {
    const furniture: RegExp[] = [
      /^TT$/, /\bTT\b/, /newsletter/i, /Privacy Policy/i, /Dear readers/i, /Support The Moscow Times/i,
      /support us/i, /Your support/i, /Not ready to support/i, /Remind me later/i, /refuse to be silenced/i,
      /unprecedented challenges/i, /you're defending/i, /paiment methods/i, /^(Once|Monthly|Annual|Continue)$/,
      /Share this article/i, /Shareable URL/i, /Prev Post/i, /Next Post/i, /Leave a Reply/i, /email address will not be published/i,
      /^Read (more|next)$/i, /contributed reporting/i, /A Message from/i,
      /U\.S\. suspends immigration applications/, /Zelensky faces pressure over elections/,
    ];
    for (const s of corpus.statements) for (const re of furniture) expect(re.test(s.text), `${s.id}: ${s.text}`).toBe(false);
  });

  it('each photo caption is one statement, once, without its credit', () => {
    const diriyah = corpus.statements.filter((s) => s.text.includes('Officials are seen at the talks between the United States and Russia'));
    expect(diriyah.map((s) => s.text)).toEqual(['Officials are seen at the talks between the United States and Russia at the Diriyah Palace in Riyadh on Tuesday.']);
    const mt = corpus.statements.filter((s) => s.text.includes('U.S.-Russian talks in Riyadh, Saudi Arabia'));
    expect(mt.map((s) => s.text)).toEqual(['U.S.-Russian talks in Riyadh, Saudi Arabia.']);
    expect(corpus.statements.some((s) => /\(Reuters\)|Russian Foreign Ministry Press Service/.test(s.text))).toBe(false);
  });

  it('headlines and section headings are not statements', () => {
    const titles = corpus.articles.map((a) => a.title).filter((t): t is string => !!t);
    const headings = corpus.articles.flatMap((a) => a.paragraphs.filter((p) => p.kind === 'heading').map((p) => p.text));
    expect(headings.length).toBe(6);
    for (const h of [...titles, ...headings]) for (const s of corpus.statements) expect(s.text.includes(h), `${s.id} contains "${h}"`).toBe(false);
  });

  it('the dateline "RIYADH:" is not part of Arab News\' first statement', () => {
    const first = corpus.statements.find((s) => s.article === 'arab-news:1')!;
    expect(first.id).toBe('arab-news:1#1');
    expect(first.text).toBe('Top US and Russian diplomats met on Tuesday in Saudi Arabia, aiming to discuss the ongoing conflict in Ukraine and explore ways to restore deteriorating relations between their countries.');
    expect(corpus.statements.some((s) => s.text.includes('RIYADH'))).toBe(false);
  });
});

describe('statements: positions', () => {
  it('paragraph indices point at the paragraph that holds the text, in order, never at a heading', () => {
    for (const a of corpus.articles.filter((x) => x.topic)) {
      const own = corpus.statements.filter((s) => s.article === a.id);
      let last = -1;
      let lastSentence = -1;
      for (const s of own) {
        const p = a.paragraphs[s.paragraph];
        expect(p, s.id).toBeDefined();
        expect(p!.kind).not.toBe('heading');
        expect(p!.text.includes(s.text), `${s.id} in paragraph ${s.paragraph}`).toBe(true);
        expect(s.paragraph).toBeGreaterThanOrEqual(last);
        if (s.paragraph === last) expect(s.sentence).toBe(lastSentence + 1);
        else expect(s.sentence).toBe(0);
        last = s.paragraph;
        lastSentence = s.sentence;
      }
      // Every body and caption paragraph yields at least one statement.
      a.paragraphs.forEach((p, i) => {
        if (p.kind !== 'heading') expect(own.some((s) => s.paragraph === i), `${a.id} paragraph ${i}`).toBe(true);
      });
    }
  });

  it('statements of a paragraph cover its words in order', () => {
    for (const a of corpus.articles.filter((x) => x.topic)) {
      a.paragraphs.forEach((p, i) => {
        if (p.kind !== 'body') return;
        const joined = corpus.statements.filter((s) => s.article === a.id && s.paragraph === i).map((s) => s.text).join(' ');
        const src = statementSource(p.text, 'body', i === a.paragraphs.findIndex((q) => q.kind === 'body'))!;
        expect(ws(joined)).toBe(ws(src));
      });
    }
  });

  it('a short "However, no date has been set." stays with the sentence it completes', () => {
    const s = st('unattributed-wire:1', 'The meeting is seen as laying the groundwork');
    expect(s.text.endsWith('However, no date has been set.')).toBe(true);
    expect(s.cues).toContain('no date has been set');
  });
});

describe('statements: speakers (checked by hand)', () => {
  const cases: [string, string, string | null][] = [
    // Asharq Al-Awsat
    ['asharq-al-awsat:1', '\u201cWe not only listened, but also heard each other,\u201d he said.', 'lavrov'],
    ['asharq-al-awsat:1', 'Lavrov echoed Rubio', 'lavrov'],
    ['asharq-al-awsat:1', '\u201cI have reason to believe that the American side', 'lavrov'],
    ['asharq-al-awsat:1', 'Witkoff said the meeting was', 'witkoff'],
    ['asharq-al-awsat:1', 'Ushakov told Russian television', 'ushakov'],
    ['asharq-al-awsat:1', 'He stressed, however, that the talks marked the beginning', 'rubio'],
    ['asharq-al-awsat:1', 'He said Washington \u201cis not going to predetermine"', 'rubio'],
    ['asharq-al-awsat:1', 'Also present was Saudi Minister of State', null],
    ['asharq-al-awsat:1', 'Officials are seen at the talks', null],
    // Unattributed wire
    ['unattributed-wire:1', '\u201cWe have agreed to take account of each other', 'ushakov'],
    ['unattributed-wire:1', 'Separate teams of US and Russian negotiators', 'ushakov'],
    ['unattributed-wire:1', 'US State Department spokesperson Tammy Bruce', 'bruce'],
    ['unattributed-wire:1', 'However, US negotiator Michael Waltz stressed', 'waltz'],
    ['unattributed-wire:1', '\u201cToday is the first step of a long and difficult journey', 'rubio'],
    ['unattributed-wire:1', 'He stated that ensuring the earliest possible appointment', 'lavrov'],
    ['unattributed-wire:1', 'He reiterated the goal of ending the conflict', 'rubio'],
    ['unattributed-wire:1', 'Russia and the United States agreed on Tuesday', null],
    // The Moscow Times
    ['moscow-times:1', 'However, Dmitriev told CNN that sanctions relief', 'dmitriev'],
    ['moscow-times:1', '\u201cWe have a series of proposals', 'dmitriev'],
    ['moscow-times:1', 'Ushakov told state media', 'ushakov'],
    ['moscow-times:1', 'This week, Lavrov ruled out', 'lavrov'],
    ['moscow-times:1', 'In a social media post, he insisted', 'zelensky'],
    ['moscow-times:1', 'In Beijing, Chinese Foreign Ministry spokesman Guo Jiakun', 'guo'],
    ['moscow-times:1', 'Before the talks, cameras also captured', null],
    // post-truth.eu
    ['post-truth:1', 'According to Lavrov, both sides acknowledged', 'lavrov'],
    ['post-truth:1', 'National Security Adviser Mike Waltz echoed', 'waltz'],
    ['post-truth:1', 'Kirill Dmitriev of the RDIF noted', 'dmitriev'],
    ['post-truth:1', 'He highlighted the economic opportunities', 'dmitriev'],
    ['post-truth:1', 'The meeting, which lasted nearly four and a half hours', null],
    // Russia (a country, not a person) welcomed what Trump acknowledged: no person speaks here.
    ['post-truth:1', 'Significantly, Russia welcomed Trump\u2019s acknowledgment', null],
    // Arab News
    ['arab-news:1', 'According to Kremlin spokesman Dmitry Peskov', 'peskov'],
    ['arab-news:1', 'However, US State Department spokesperson Tammy Bruce highlighted', 'bruce'],
    ['arab-news:1', 'In a statement, Kirill Dmitriev, head of Russia', 'dmitriev'],
    ['arab-news:1', 'The Ukrainian military stated that Russian troops launched 176 drones', null],
    ['arab-news:1', 'Top US and Russian diplomats met on Tuesday', null],
    // "he urged them": he is Trump (the efforts are Trump's), not Zelenskyy who was called.
    ['arab-news:1', 'This meeting follows a recent series of diplomatic efforts by US President Trump', 'trump'],
    // The subject is Macron; Trump and Zelenskyy are inside the "who had spoken to ..." clause.
    ['arab-news:1', 'French President Emmanuel Macron, who had spoken to both Trump and Zelenskyy', 'macron'],
    // "Zelenskyy, in a statement, made it clear that ..." is Zelenskyy's statement.
    ['arab-news:1', 'Ukrainian President Volodymyr Zelenskyy, in a statement, made it clear', 'zelensky'],
  ];
  for (const [article, prefix, speaker] of cases) {
    it(`${article}: "${prefix.slice(0, 60)}" → ${speaker}`, () => {
      expect(st(article, prefix).speaker).toBe(speaker);
    });
  }

  it('"Ushakov and Waltz said no date has been set" is attributed to one of the two', () => {
    expect(['ushakov', 'waltz']).toContain(st('asharq-al-awsat:1', 'After the talks ended, Ushakov and Waltz said').speaker);
  });
});

describe('statements: quotes, figures, cues, entities (sample)', () => {
  it('Dmitriev\'s "not at all" is a quote and a negation cue', () => {
    const s = st('moscow-times:1', 'However, Dmitriev told CNN');
    expect(s.quotes).toEqual(['not at all']);
    expect(s.cues).toEqual(['not at all']);
    expect(s.entities).toEqual(expect.arrayContaining(['dmitriev']));
  });

  it('Tammy Bruce\'s two quotes are extracted', () => {
    expect(st('unattributed-wire:1', 'US State Department spokesperson Tammy Bruce').quotes).toEqual([
      'an important step forward',
      'One phone call followed by one meeting is not sufficient to establish enduring peace.',
    ]);
  });

  it('the mismatched “… predetermine" quote is extracted', () => {
    expect(st('asharq-al-awsat:1', 'He said Washington').quotes).toEqual(['is not going to predetermine']);
  });

  it('post-truth: nearly four and a half hours = 4.5 hours, approximate', () => {
    const f = st('post-truth:1', 'The meeting, which lasted').figures;
    expect(f).toEqual([expect.objectContaining({ kind: 'duration', value: 4.5, unit: 'hour', approx: true })]);
  });

  it('Arab News: 176 drones', () => {
    expect(st('arab-news:1', 'The Ukrainian military stated').figures).toEqual([expect.objectContaining({ kind: 'count', value: 176, unit: 'drone' })]);
  });

  it('Moscow Times: two to three months and two-three months are both 2–3 months', () => {
    for (const prefix of ['Dmitriev said', '\u201cWe have a series of proposals']) {
      expect(st('moscow-times:1', prefix).figures).toEqual([expect.objectContaining({ kind: 'duration', value: 2, max: 3, unit: 'month' })]);
    }
  });

  it('Asharq: Rubio\'s three goals; the "unlikely" summit; Lavrov "ruled out"', () => {
    expect(st('asharq-al-awsat:1', 'In an interview with The Associated Press').figures).toEqual([expect.objectContaining({ kind: 'count', value: 3, unit: 'goal' })]);
    expect(st('asharq-al-awsat:1', 'Ushakov told Russian television').cues).toContain('unlikely');
    expect(st('moscow-times:1', 'This week, Lavrov ruled out').cues).toContain('ruled out');
  });

  it('entities are alias-normalised: Sergey/Sergei Lavrov, Yury/Yuri Ushakov, Mike/Michael Waltz', () => {
    expect(st('unattributed-wire:1', 'A Russian delegation led by Foreign Minister Sergey Lavrov').entities).toEqual(expect.arrayContaining(['lavrov', 'rubio', 'riyadh']));
    expect(st('post-truth:1', 'The Russian delegation, led by Foreign Minister Sergey Lavrov').entities).toEqual(expect.arrayContaining(['lavrov', 'ushakov', 'dmitriev', 'rdif']));
    expect(st('asharq-al-awsat:1', 'Rubio was accompanied by').entities).toEqual(expect.arrayContaining(['rubio', 'waltz', 'witkoff', 'lavrov', 'ushakov']));
    expect(st('moscow-times:1', 'The Washington Post, citing').entities).toContain('washington-post');
    expect(st('moscow-times:1', 'The Washington Post, citing').entities).not.toContain('us');
  });
});

describe('buildStatements / statementSource directly', () => {
  it('statementSource drops headings, caption credits and a first-paragraph dateline only', () => {
    expect(statementSource('Restoring Full Diplomatic Engagement', 'heading', false)).toBeNull();
    expect(statementSource('Workers lay tracks on Friday. (Reuters)', 'caption', false)).toBe('Workers lay tracks on Friday.');
    expect(statementSource('RIYADH: Top diplomats met.', 'body', true)).toBe('Top diplomats met.');
    expect(statementSource('RIYADH: Top diplomats met.', 'body', false)).toBe('RIYADH: Top diplomats met.');
  });

  it('is deterministic and independent of the corpus (same article, same statements)', () => {
    const [a] = parseDocument(seed(FILES.wire), 'unattributed-wire');
    expect(buildStatements(a!)).toEqual(buildStatements(a!));
    expect(buildStatements(a!).map((s) => s.text)).toEqual(corpus.statements.filter((s) => s.article === 'unattributed-wire:1').map((s) => s.text));
  });
});
