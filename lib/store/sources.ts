// Queries and changes on sources: list, enable/disable, rename, add a user text, remove, export,
// import and reset. Each change runs in one transaction (through `inTransaction`, which aborts on any
// error): it happens whole or not at all. Reset is two such steps, each whole.
import { deleteSourceRecords, type Db, type UserDoc } from './schema';
import type { ArticleView, NewSource, SourceEdit, SourceRecord, SourceView, Settings } from '../core/sources';
import { DEFAULT_SETTINGS } from '../core/sources';
import type { Article, Statement } from '../core/corpus';
import type { CompiledCorpus } from '../corpus/compile';
import type { EventSignature } from '../core/signature';
import { parseDocument } from '../corpus/parse';
import { buildStatements } from '../corpus/statements';
import { contentHash } from '../corpus/compile';
import { scoreCoverage } from '../gate/coverage';
import { safeHttpUrl } from '../core/safe-url';
import { seedCorpus } from './seed';
import { UserError } from '../core/errors';

/**
 * Runs `body` in `tx`; any error aborts the transaction (so nothing queued before it commits) and is
 * rethrown once the abort has settled.
 */
export async function inTransaction<T, Tx extends { abort(): void; done: Promise<void> }>(
  tx: Tx,
  body: (tx: Tx) => Promise<T>,
): Promise<T> {
  let result: T;
  try {
    result = await body(tx);
  } catch (err) {
    try {
      tx.abort();
    } catch {
      /* already finished or aborted */
    }
    await tx.done.catch(() => undefined);
    throw err;
  }
  await tx.done;
  return result;
}

/** A display name a user typed: trimmed, at most 120 characters, null when empty. */
export function cleanName(name: unknown): string | null {
  return typeof name === 'string' ? name.trim().slice(0, 120) || null : null;
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
  const tx = db.transaction(['sources', 'articles', 'statements'], 'readonly');
  const [sources, articles, statements] = await Promise.all([
    tx.objectStore('sources').getAll(),
    tx.objectStore('articles').getAll(),
    tx.objectStore('statements').getAllKeys(),
  ]);
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

export const MAX_TEXT_CHARS = 500_000;

/** Parses a user's text into articles and statements (plain-text rules, same as the bundled corpus). */
export function parseUserText(
  sourceId: string,
  doc: { title?: string | null; text: string },
  signature: EventSignature,
): { articles: Article[]; statements: Statement[] } {
  const text = doc.title ? `${doc.title}\n\n${doc.text}` : doc.text;
  const articles = parseDocument(text, sourceId);
  for (const a of articles) {
    const v = scoreCoverage(signature, { title: a.title ?? '', url: '', text: a.paragraphs.map((p) => p.text).join('\n') });
    a.topic = v.isCoverage;
    a.topicScore = v.score;
    a.topicReason = v.reason;
  }
  return { articles, statements: articles.flatMap(buildStatements) };
}

function checkText(text: unknown, what: string): string {
  if (typeof text !== 'string') throw new UserError('bad-input', `${what} must be text.`);
  if (text.length > MAX_TEXT_CHARS)
    throw new UserError('too-large', `${what} is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters; add a shorter excerpt.`);
  if (!text.trim()) throw new UserError('bad-input', `${what} is empty.`);
  return text;
}

/** What a user document was read into, written under its source (inside the caller's transaction); returns the statements written. */
async function putDerived(
  tx: {
    objectStore(name: 'articles'): { put(value: Article): Promise<unknown> };
    objectStore(name: 'statements'): { put(value: Statement): Promise<unknown> };
  },
  sourceId: string,
  url: string | null,
  parsed: { articles: Article[]; statements: Statement[] },
): Promise<number> {
  for (const a of parsed.articles) await tx.objectStore('articles').put({ ...a, source: sourceId, url });
  for (const st of parsed.statements) await tx.objectStore('statements').put({ ...st, source: sourceId });
  return parsed.statements.length;
}

async function putUserSource(
  db: Db,
  record: SourceRecord,
  docs: Omit<UserDoc, 'id' | 'source'>[],
  signature: EventSignature,
): Promise<number> {
  const parsed = docs.map((d, i) => ({ doc: d, ...parseUserText(`${record.id}-${i + 1}`, d, signature) }));
  const tx = db.transaction(['sources', 'articles', 'statements', 'userDocs', 'postings'], 'readwrite');
  return inTransaction(tx, async () => {
    await tx.objectStore('sources').put(record);
    let count = 0;
    for (const [i, p] of parsed.entries()) {
      await tx.objectStore('userDocs').put({ ...p.doc, id: `${record.id}/${i + 1}`, source: record.id });
      count += await putDerived(tx, record.id, p.doc.url, p);
    }
    await tx.objectStore('postings').clear();
    return count;
  });
}

/**
 * Re-derives every user source's articles and statements from its stored text when they were derived
 * under another compiled corpus (`version`: it changes whenever stemming, claim reading or the corpus
 * compiler changes what statements hold). Returns how many sources were rebuilt. Each source is
 * rebuilt in one transaction: a failure leaves it as it was, and the next wake tries again.
 */
export async function rebuildUserSources(db: Db, signature: EventSignature, version: string): Promise<number> {
  if ((await db.get('meta', 'userDerivedFrom')) === version) return 0;
  const users = (await db.getAll('sources')).filter((x) => x.origin === 'user');
  const docs = await db.getAll('userDocs');
  let rebuilt = 0;
  for (const src of users) {
    const mine = docs.filter((d) => d.source === src.id).sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    if (!mine.length) continue;
    const parsed = mine.map((d, i) => ({ doc: d, ...parseUserText(`${src.id}-${i + 1}`, d, signature) }));
    const tx = db.transaction(['articles', 'statements', 'postings'], 'readwrite');
    await inTransaction(tx, async () => {
      await deleteSourceRecords(tx, ['articles', 'statements'], src.id);
      for (const p of parsed) await putDerived(tx, src.id, p.doc.url, p);
      await tx.objectStore('postings').clear();
    });
    rebuilt++;
  }
  await db.put('meta', version, 'userDerivedFrom');
  return rebuilt;
}

/** Adds pasted text (or a page's text) as a new user source. */
export async function addUserSource(
  db: Db,
  input: NewSource,
  signature: EventSignature,
  now = Date.now(),
): Promise<{ source: SourceView; statements: number }> {
  const name = typeof input.name === 'string' ? input.name.trim().slice(0, 120) : '';
  if (!name) throw new UserError('bad-name', 'Give the source a name (the outlet or author).');
  const text = checkText(input.text, 'The text');
  const id = `user-${contentHash(`${name}\n${now}\n${text.slice(0, 2000)}`).slice(0, 10)}`;
  // Only an http(s) page address is kept (a file:, data: or javascript: URL is dropped, never linked).
  const url = safeHttpUrl(input.url);
  const record: SourceRecord = {
    id,
    name,
    site: url ? safeHost(url) : null,
    url,
    published: null,
    language: 'en',
    note: 'Added by you',
    attributed: true,
    origin: 'user',
    enabled: true,
    customName: null,
    addedAt: now,
  };
  const statements = await putUserSource(db, record, [{ title: input.title ?? null, url, text, addedAt: now }], signature);
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

export const EXPORT_FORMAT = 'riyadh-cross-ref/sources';

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  bundled: { id: string; enabled: boolean; name: string | null }[];
  user: {
    id: string;
    name: string;
    url: string | null;
    enabled: boolean;
    addedAt: number;
    documents: { title: string | null; url: string | null; text: string }[];
  }[];
}

/** Everything the user chose or added, as JSON that `importSources` reads back. */
export async function exportSources(db: Db, now = new Date()): Promise<string> {
  const tx = db.transaction(['sources', 'userDocs'], 'readonly');
  const sources = await tx.objectStore('sources').getAll();
  const docs = await tx.objectStore('userDocs').getAll();
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    bundled: sources.filter((s) => s.origin === 'bundled').map((s) => ({ id: s.id, enabled: s.enabled, name: s.customName })),
    user: sources
      .filter((s) => s.origin === 'user')
      .map((s) => ({
        id: s.id,
        name: s.name,
        url: s.url,
        enabled: s.enabled,
        addedAt: s.addedAt,
        documents: docs.filter((d) => d.source === s.id).map((d) => ({ title: d.title, url: d.url, text: d.text })),
      })),
  };
  return JSON.stringify(file, null, 2);
}

const MAX_IMPORT_SOURCES = 500;

/** Validates an export file completely before anything is written; throws `bad-import` with the first problem. */
export function parseExportFile(json: string): ExportFile {
  const bad = (why: string): never => {
    throw new UserError('bad-import', `This file can’t be imported: ${why}.`);
  };
  if (typeof json !== 'string' || json.length > 50_000_000) bad('it is not a text file of a sensible size');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return bad('it is not valid JSON');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return bad('it is not a Riyadh Cross-Ref export');
  const f = data as Record<string, unknown>;
  if (f.format !== EXPORT_FORMAT) bad(`its "format" is not "${EXPORT_FORMAT}"`);
  if (f.version !== 1) bad(`its version ${JSON.stringify(f.version)} is not one this extension reads`);
  const bundled = f.bundled ?? [];
  const user = f.user ?? [];
  if (!Array.isArray(bundled) || !Array.isArray(user)) return bad('"bundled" and "user" must be lists');
  if (bundled.length + user.length > MAX_IMPORT_SOURCES) bad(`it lists more than ${MAX_IMPORT_SOURCES} sources`);
  const out: ExportFile = { format: EXPORT_FORMAT, version: 1, exportedAt: String(f.exportedAt ?? ''), bundled: [], user: [] };
  bundled.forEach((b: unknown, i) => {
    const r = b as Record<string, unknown>;
    if (typeof r !== 'object' || r === null || typeof r.id !== 'string' || typeof r.enabled !== 'boolean')
      bad(`bundled entry ${i + 1} needs an "id" and "enabled"`);
    if (r.name !== null && r.name !== undefined && typeof r.name !== 'string') bad(`bundled entry ${i + 1} has a "name" that is not text`);
    if (out.bundled.some((x) => x.id === r.id)) bad(`bundled entry ${i + 1} repeats the "id" ${JSON.stringify(String(r.id).slice(0, 40))}`);
    out.bundled.push({ id: r.id as string, enabled: r.enabled as boolean, name: cleanName(r.name) });
  });
  user.forEach((u: unknown, i) => {
    const r = u as Record<string, unknown>;
    if (typeof r !== 'object' || r === null || typeof r.id !== 'string' || !/^user-[\w-]{1,40}$/.test(r.id))
      bad(`user source ${i + 1} has no valid "id"`);
    if (out.user.some((x) => x.id === r.id)) bad(`user source ${i + 1} repeats the "id" ${JSON.stringify(r.id)}`);
    if (typeof r.name !== 'string' || !r.name.trim()) bad(`user source ${i + 1} has no "name"`);
    if (!Array.isArray(r.documents) || r.documents.length === 0) bad(`user source ${i + 1} has no "documents"`);
    const docs = (r.documents as unknown[]).map((d, k) => {
      const doc = d as Record<string, unknown>;
      if (typeof doc !== 'object' || doc === null) return bad(`document ${k + 1} of user source ${i + 1} is not an object`);
      try {
        checkText(doc.text, 'text');
      } catch (e) {
        return bad(`document ${k + 1} of user source ${i + 1}: ${(e as Error).message}`);
      }
      if (doc.url !== null && doc.url !== undefined && !safeHttpUrl(doc.url))
        bad(`document ${k + 1} of user source ${i + 1} has a "url" that is not an http(s) link`);
      return { title: typeof doc.title === 'string' ? doc.title : null, url: safeHttpUrl(doc.url), text: doc.text as string };
    });
    if (r.url !== null && r.url !== undefined && !safeHttpUrl(r.url)) bad(`user source ${i + 1} has a "url" that is not an http(s) link`);
    out.user.push({
      id: r.id as string,
      name: (r.name as string).trim().slice(0, 120),
      url: safeHttpUrl(r.url),
      enabled: r.enabled !== false,
      addedAt: typeof r.addedAt === 'number' ? r.addedAt : Date.now(),
      documents: docs,
    });
  });
  return out;
}

/** Applies an export file: bundled choices by id, user sources added or replaced. */
export async function importSources(db: Db, json: string, signature: EventSignature): Promise<{ added: number; updated: number }> {
  const file = parseExportFile(json);
  let added = 0;
  let updated = 0;
  const existing = new Map((await db.getAll('sources')).map((s) => [s.id, s]));
  // Parse every user document first: a failure leaves the database untouched.
  const prepared = file.user.map((u) => ({
    u,
    docs: u.documents.map((d, i) => ({ d, ...parseUserText(`${u.id}-${i + 1}`, d, signature) })),
  }));
  const tx = db.transaction(['sources', 'articles', 'statements', 'userDocs', 'postings'], 'readwrite');
  return inTransaction(tx, async () => {
    for (const b of file.bundled) {
      const s = await tx.objectStore('sources').get(b.id);
      if (!s || s.origin !== 'bundled') continue;
      s.enabled = b.enabled;
      s.customName = b.name;
      await tx.objectStore('sources').put(s);
      updated++;
    }
    for (const { u, docs } of prepared) {
      const prev = existing.get(u.id);
      if (prev && prev.origin !== 'user') continue;
      await deleteSourceRecords(tx, ['articles', 'statements', 'userDocs'], u.id);
      await tx.objectStore('sources').put({
        id: u.id,
        name: u.name,
        site: u.url ? safeHost(u.url) : null,
        url: u.url,
        published: null,
        language: 'en',
        note: 'Added by you',
        attributed: true,
        origin: 'user',
        enabled: u.enabled,
        customName: null,
        addedAt: u.addedAt,
      });
      for (const [i, p] of docs.entries()) {
        await tx
          .objectStore('userDocs')
          .put({ id: `${u.id}/${i + 1}`, source: u.id, title: p.d.title, url: p.d.url, text: p.d.text, addedAt: u.addedAt });
        await putDerived(tx, u.id, p.d.url, p);
      }
      if (prev) updated++;
      else added++;
    }
    await tx.objectStore('postings').clear();
    return { added, updated };
  });
}

/** Back to the bundled corpus only: user sources removed, bundled sources enabled and named as shipped. */
export async function resetToBundled(db: Db, corpus: CompiledCorpus): Promise<number> {
  const users = (await db.getAll('sources')).filter((s) => s.origin === 'user');
  for (const u of users) await removeSource(db, u.id);
  await seedCorpus(db, corpus, { force: true, resetUserChoices: true });
  return corpus.sources.length;
}

export const MAX_SITES = 200;

/** Does a site entry cover this page's host? An entry covers its subdomains (arabnews.com → www.arabnews.com). */
export function siteCovers(sites: readonly string[], hostname: string): boolean {
  const h = hostname.toLowerCase();
  return sites.some((s) => h === s || (!/^\d/.test(s) && s !== 'localhost' && h.endsWith(`.${s}`)));
}

/** The host name of a site the user typed ("https://www.bbc.com#top" → "www.bbc.com"), or null. */
export function hostOf(input: unknown): string | null {
  const text = String(input ?? '')
    .trim()
    .toLowerCase();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(text) ? text : `https://${text}`).hostname.replace(/^\*\./, '');
    if (host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
    return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) && !host.includes('..') ? host : null;
  } catch {
    return null;
  }
}

export async function getSettings(db: Db): Promise<Settings> {
  const s = await db.get('settings', 'settings');
  return { ...DEFAULT_SETTINGS, ...(s ?? {}) };
}

/** Merges a change into the settings after checking each field; returns the stored settings. */
export async function setSettings(db: Db, change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings(db)) };
  if (change.detection !== undefined) {
    if (!['auto', 'sites', 'on-demand'].includes(change.detection)) throw new UserError('bad-setting', 'Unknown detection mode.');
    next.detection = change.detection;
  }
  if (change.sites !== undefined) {
    if (!Array.isArray(change.sites)) throw new UserError('bad-setting', 'Sites must be a list of host names.');
    // Blank entries are nothing; anything else that is not a site is refused by name, never dropped.
    const entries = change.sites.map((x) => String(x ?? '').trim()).filter(Boolean);
    const refused = entries.filter((x) => hostOf(x) === null);
    if (refused.length) {
      throw new UserError(
        'bad-site',
        `Not a site: ${refused
          .slice(0, 5)
          .map((x) => `“${x.slice(0, 60)}”`)
          .join(
            ', ',
          )}${refused.length > 5 ? ` and ${refused.length - 5} more` : ''}. Write a host name such as arabnews.com (it covers www.arabnews.com too), localhost or an IP address; nothing was changed.`,
      );
    }
    if (entries.length > MAX_SITES) throw new UserError('bad-site', `At most ${MAX_SITES} sites; nothing was changed.`);
    next.sites = [...new Set(entries.map((x) => hostOf(x)!))];
  }
  if (change.markers !== undefined) next.markers = !!change.markers;
  if (change.showRelated !== undefined) next.showRelated = !!change.showRelated;
  await db.put('settings', next, 'settings');
  return next;
}
