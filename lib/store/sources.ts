// Sources in the store: list, enable/disable, rename, add a user text, remove, rebuild and reset.
// Each change runs in one transaction (`inTransaction`, which aborts on any error): it happens whole
// or not at all. A user source's texts and what they were read into are written by one function,
// `writeUserSource`, whoever writes them (adding, importing, rebuilding after an update). How a text
// is read into articles and statements is not the store's business: callers pass a `ParseUserText`.
import { deleteSourceRecords, type Db, type UserDoc } from './schema';
import { inTransaction } from './transaction';
import { SEED_STORES, seedInTransaction } from './seed';
import type { ArticleView, NewSource, SourceEdit, SourceRecord, SourceView } from '../core/sources';
import type { Article, Statement } from '../core/corpus';
import type { CompiledCorpus } from '../corpus/compile';
import { contentHash } from '../core/hash';
import { safeHttpUrl } from '../core/safe-url';
import { checkText, cleanName } from '../core/user-input';
import { UserError } from '../core/errors';

/** Reads one user text into articles and statements (lib/corpus/user-text.ts with the event signature). */
export type ParseUserText = (
  articleIdBase: string,
  doc: { title?: string | null; text: string },
) => Promise<{ articles: Article[]; statements: Statement[] }>;

/** A user text ready to be written: the text as kept, and what it was read into. */
export interface PreparedDoc {
  doc: UserDoc;
  articles: Article[];
  statements: Statement[];
}

/** Reads a source's texts (document i gets article ids `<source>-<i>`), before any transaction opens. */
export async function prepareDocs(sourceId: string, docs: Omit<UserDoc, 'id' | 'source'>[], parse: ParseUserText): Promise<PreparedDoc[]> {
  const out: PreparedDoc[] = [];
  // One after another: the parser pauses between articles, so a long import never holds the worker.
  for (const [i, d] of docs.entries())
    out.push({ doc: { ...d, id: `${sourceId}/${i + 1}`, source: sourceId }, ...(await parse(`${sourceId}-${i + 1}`, d)) });
  return out;
}

const USER_STORES = ['sources', 'articles', 'statements', 'userDocs', 'postings'] as const;
const openWrite = (db: Db) => db.transaction([...USER_STORES], 'readwrite');

/**
 * The one write path of a user source, inside the caller's transaction: replaces what the source had
 * with `docs` (its texts too, unless `keepTexts`: a rebuild re-reads the stored texts) and, when given,
 * its record; the saved search index is dropped so it is rebuilt. Returns the statements written.
 */
export async function writeUserSource(
  tx: ReturnType<typeof openWrite>,
  sourceId: string,
  docs: PreparedDoc[],
  opts: { record?: SourceRecord; keepTexts?: boolean } = {},
): Promise<number> {
  await deleteSourceRecords(tx, opts.keepTexts ? ['articles', 'statements'] : ['articles', 'statements', 'userDocs'], sourceId);
  if (opts.record) await tx.objectStore('sources').put(opts.record);
  let count = 0;
  for (const p of docs) {
    if (!opts.keepTexts) await tx.objectStore('userDocs').put(p.doc);
    for (const a of p.articles) await tx.objectStore('articles').put({ ...a, source: sourceId, url: p.doc.url });
    for (const st of p.statements) await tx.objectStore('statements').put({ ...st, source: sourceId });
    count += p.statements.length;
  }
  await tx.objectStore('postings').clear();
  return count;
}

/** Opens a transaction over every store a user source lives in. */
export const userSourceTransaction = openWrite;

/** A user source's record as the store keeps it. */
export function userRecord(r: { id: string; name: string; url: string | null; enabled: boolean; addedAt: number }): SourceRecord {
  return {
    id: r.id,
    name: r.name,
    site: r.url ? safeHost(r.url) : null,
    url: r.url,
    published: null,
    language: 'en',
    note: 'Added by you',
    attributed: true,
    origin: 'user',
    enabled: r.enabled,
    customName: null,
    addedAt: r.addedAt,
  };
}

/** The name shown for a source: the user's, else the outlet's. */
export function displayName(s: SourceRecord): string {
  return s.customName?.trim() || s.name;
}

function toView(s: SourceRecord, articles: number, statements: number): SourceView {
  return {
    id: s.id,
    name: displayName(s),
    site: s.site,
    url: s.url,
    published: s.published,
    note: s.note,
    origin: s.origin,
    enabled: s.enabled,
    attributed: s.attributed || !!s.customName,
    articles,
    statements,
  };
}

/** Every source with its article and statement counts, bundled first, then the user's by date. */
export async function listSources(db: Db): Promise<{ sources: SourceView[]; articles: ArticleView[] }> {
  const tx = db.transaction(['sources', 'articles', 'statements', 'settings'], 'readonly');
  const [sources, articles, statements, settings] = await Promise.all([
    tx.objectStore('sources').getAll(),
    tx.objectStore('articles').getAll(),
    tx.objectStore('statements').getAllKeys(),
    tx.objectStore('settings').get('settings'),
  ]);
  const disabled = new Set(settings?.disabledArticles ?? []);
  const perArticle = new Map<string, number>();
  for (const id of statements) {
    const article = String(id).split('#')[0]!;
    perArticle.set(article, (perArticle.get(article) ?? 0) + 1);
  }
  const lead = (a: (typeof articles)[number]) => {
    const text = a.paragraphs.find((p) => p.kind === 'body')?.text ?? '';
    return text.length > 90 ? `${text.slice(0, 90).replace(/\s+\S*$/, '')}…` : text;
  };
  const articleViews: ArticleView[] = articles.map((a) => ({
    id: a.id,
    source: a.source,
    title: a.title,
    lead: lead(a),
    url: a.url,
    topic: a.topic,
    statements: perArticle.get(a.id) ?? 0,
    enabled: !disabled.has(a.id),
  }));
  sources.sort((a, b) => (a.origin === b.origin ? a.addedAt - b.addedAt || a.id.localeCompare(b.id) : a.origin === 'bundled' ? -1 : 1));
  return {
    sources: sources.map((s) => {
      const mine = articleViews.filter((a) => a.source === s.id);
      return toView(
        s,
        mine.length,
        mine.reduce((n, a) => n + a.statements, 0),
      );
    }),
    articles: articleViews,
  };
}

/** Enables/disables or renames a source. An empty name returns a bundled source to its own name. */
export async function updateSource(db: Db, edit: SourceEdit): Promise<SourceView> {
  const tx = db.transaction(['sources', 'articles', 'statements', 'postings'], 'readwrite');
  return inTransaction(tx, async () => {
    const s = await tx.objectStore('sources').get(edit.id);
    if (!s) throw new UserError('not-found', `No source with id “${edit.id}”.`);
    if (edit.enabled !== undefined) s.enabled = edit.enabled;
    if (edit.name !== undefined) {
      const name = cleanName(edit.name);
      if (s.origin === 'user') {
        if (!name) throw new UserError('bad-name', 'A source needs a name.');
        s.name = name;
      } else s.customName = name;
    }
    await tx.objectStore('sources').put(s);
    await tx.objectStore('postings').clear();
    const [articles, statements] = await Promise.all([
      tx.objectStore('articles').index('source').count(s.id),
      tx.objectStore('statements').index('source').count(s.id),
    ]);
    return toView(s, articles, statements);
  });
}

/**
 * Re-derives every user source's articles and statements from its stored text when they were derived
 * under another compiled corpus (`version`: it changes whenever stemming, claim reading or the corpus
 * compiler changes what statements hold). Returns how many sources were rebuilt. Each source is
 * rebuilt in one transaction: a failure leaves it as it was, and the next wake tries again.
 */
export async function rebuildUserSources(db: Db, parse: ParseUserText, version: string): Promise<number> {
  if ((await db.get('meta', 'userDerivedFrom')) === version) return 0;
  const users = (await db.getAll('sources')).filter((x) => x.origin === 'user');
  const docs = await db.getAll('userDocs');
  let rebuilt = 0;
  for (const src of users) {
    const mine = docs.filter((d) => d.source === src.id).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    if (!mine.length) continue;
    const prepared: PreparedDoc[] = [];
    for (const [i, d] of mine.entries()) prepared.push({ doc: d, ...(await parse(`${src.id}-${i + 1}`, d)) });
    const tx = openWrite(db);
    await inTransaction(tx, () => writeUserSource(tx, src.id, prepared, { keepTexts: true }));
    rebuilt++;
  }
  await db.put('meta', version, 'userDerivedFrom');
  return rebuilt;
}

/** Adds pasted text (or a page's text) as a new user source. */
export async function addUserSource(
  db: Db,
  input: NewSource,
  parse: ParseUserText,
  now = Date.now(),
): Promise<{ source: SourceView; statements: number }> {
  const name = cleanName(input.name) ?? '';
  if (!name) throw new UserError('bad-name', 'Give the source a name (the outlet or author).');
  const text = checkText(input.text, 'The text');
  const id = `user-${contentHash(`${name}\n${now}\n${text.slice(0, 2000)}`).slice(0, 10)}`;
  // Only an http(s) page address is kept (a file:, data: or javascript: URL is dropped, never linked).
  const url = safeHttpUrl(input.url);
  const record = userRecord({ id, name, url, enabled: true, addedAt: now });
  const docs = await prepareDocs(id, [{ title: input.title ?? null, url, text, addedAt: now }], parse);
  const tx = openWrite(db);
  const statements = await inTransaction(tx, () => writeUserSource(tx, id, docs, { record }));
  return { source: toView(record, 1, statements), statements };
}

function safeHost(url: string): string | null {
  try {
    return new URL(url).host || null;
  } catch {
    return null;
  }
}

/** Removes a user source with everything derived from it; bundled sources can only be disabled. */
export async function removeSource(db: Db, id: string): Promise<boolean> {
  const tx = db.transaction(['sources', 'articles', 'statements', 'userDocs', 'postings'], 'readwrite');
  return inTransaction(tx, async () => {
    const s = await tx.objectStore('sources').get(id);
    if (!s) return false;
    if (s.origin !== 'user') throw new UserError('bundled', 'Bundled sources cannot be removed; disable it instead.');
    await deleteSourceRecords(tx, ['articles', 'statements', 'userDocs'], id);
    await tx.objectStore('sources').delete(id);
    await tx.objectStore('postings').clear();
    return true;
  });
}

/** Back to the bundled corpus only: user sources removed, bundled sources enabled and named as shipped. */
export async function resetToBundled(db: Db, corpus: CompiledCorpus): Promise<number> {
  // One transaction: a failed write (a full disk) leaves every source, text and choice as it was.
  const tx = db.transaction([...SEED_STORES], 'readwrite');
  await inTransaction(tx, async () => {
    const users = (await tx.objectStore('sources').getAll()).filter((s) => s.origin === 'user');
    for (const u of users) {
      await deleteSourceRecords(tx, ['articles', 'statements', 'userDocs'], u.id);
      await tx.objectStore('sources').delete(u.id);
    }
    await seedInTransaction(tx, corpus, { resetUserChoices: true });
  });
  return corpus.sources.length;
}
