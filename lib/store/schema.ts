// The extension's IndexedDB: typed stores, the schema version and the migrations between versions.
// Opened only from the extension's own pages and worker (never from a content script, whose
// IndexedDB would belong to the web page's origin).
//
// Version history
//   1  sources, articles, statements, settings (disabled sources listed in settings.disabled), meta
//   2  enabled flag and custom name on each source record; user texts kept in `userDocs` so their
//      statements can be rebuilt by a newer parser; BM25 postings snapshot in `postings`
import { openDB, type DBSchema, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import type { Article, Statement } from '../core/corpus';
import type { Bm25Index } from '../text/bm25';
import type { Settings, SourceRecord } from '../core/sources';

export const DB_NAME = 'riyadh-cross-ref';
export const SCHEMA_VERSION = 2;

/** A text the user added as a source, kept verbatim so it can be re-parsed after an update. */
export interface UserDoc {
  id: string;
  source: string;
  title: string | null;
  url: string | null;
  text: string;
  addedAt: number;
}

/** The BM25 index over the enabled statements, saved so a restarted worker need not rebuild it. */
export interface PostingsSnapshot {
  key: 'current';
  /** Statement ids in index order (document n of the index is statementIds[n]). */
  statementIds: string[];
  index: Bm25Index;
  builtAt: number;
}

export interface XrefDB extends DBSchema {
  meta: { key: string; value: unknown };
  sources: { key: string; value: SourceRecord };
  articles: { key: string; value: Article; indexes: { source: string } };
  statements: { key: string; value: Statement; indexes: { source: string } };
  settings: { key: string; value: Settings };
  userDocs: { key: string; value: UserDoc; indexes: { source: string } };
  postings: { key: string; value: PostingsSnapshot };
}

export type Db = IDBPDatabase<XrefDB>;
type UpgradeTx = IDBPTransaction<XrefDB, StoreNames<XrefDB>[], 'versionchange'>;

/** Connections closed by a newer version's upgrade (or by the browser); their owners open a new one. */
const closedDbs = new WeakSet<object>();

/** True once `db` closed itself for a newer schema version (or the browser closed it): open it again. */
export function isDbClosed(db: Db): boolean {
  return closedDbs.has(db);
}

/**
 * Opens (creating or migrating) the database. Node tests get fake-indexeddb through the global
 * `indexedDB`. Every connection closes itself when another context asks for a newer version (an
 * updated extension's page or worker while this one still runs), so the upgrade is never stuck
 * behind it; its owner sees `isDbClosed` and opens again.
 */
export async function openXrefDb(name = DB_NAME): Promise<Db> {
  let conn: Db | null = null;
  let closeEarly = false;
  const close = () => {
    if (!conn) return void (closeEarly = true);
    closedDbs.add(conn);
    conn.close();
  };
  conn = await openDB<XrefDB>(name, SCHEMA_VERSION, {
    async upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) createV1(db as unknown as IDBPDatabase<unknown>);
      if (oldVersion < 2) await migrateV1toV2(db, tx);
    },
    blocking: close,
    terminated: () => conn && closedDbs.add(conn),
    blocked(current, wanted) {
      // Another connection at version `current` did not close (a version from before this handler):
      // the upgrade waits until it does, i.e. until that page or worker goes away.
      console.warn(
        `Riyadh Cross-Ref: the database upgrade to version ${wanted} waits for an older open page or worker (version ${current}) to close.`,
      );
    },
  });
  if (closeEarly) close();
  return conn;
}

function createV1(db: IDBPDatabase<unknown>): void {
  db.createObjectStore('meta');
  db.createObjectStore('sources', { keyPath: 'id' });
  db.createObjectStore('articles', { keyPath: 'id' }).createIndex('source', 'source');
  db.createObjectStore('statements', { keyPath: 'id' }).createIndex('source', 'source');
  db.createObjectStore('settings');
}

/** v1 → v2: move the disabled list onto source records, give every source a custom-name slot, add stores. */
async function migrateV1toV2(db: IDBPDatabase<XrefDB>, tx: UpgradeTx): Promise<void> {
  db.createObjectStore('userDocs', { keyPath: 'id' }).createIndex('source', 'source');
  db.createObjectStore('postings', { keyPath: 'key' });
  const settingsStore = tx.objectStore('settings');
  const old = (await settingsStore.get('settings')) as (Settings & { disabled?: string[] }) | undefined;
  const disabled = new Set(old?.disabled ?? []);
  const sources = tx.objectStore('sources');
  for (let cursor = await sources.openCursor(); cursor; cursor = await cursor.continue()) {
    const v = cursor.value as SourceRecord & { origin?: string; enabled?: boolean; customName?: string | null };
    await cursor.update({
      ...v,
      origin: v.origin === 'user' ? 'user' : 'bundled',
      enabled: v.enabled ?? !disabled.has(v.id),
      customName: v.customName ?? null,
      addedAt: v.addedAt ?? 0,
    });
  }
  if (old) {
    const { disabled: _dropped, ...rest } = old;
    await settingsStore.put(rest as Settings, 'settings');
  }
  // v1 kept only the parsed articles of a user's source; rebuild its text so it can be exported and re-parsed.
  const articles = tx.objectStore('articles');
  const docs = tx.objectStore('userDocs');
  for (let cursor = await sources.openCursor(); cursor; cursor = await cursor.continue()) {
    const src = cursor.value;
    if (src.origin !== 'user') continue;
    const own = await articles.index('source').getAll(src.id);
    for (const [i, a] of own.entries()) {
      const text = a.paragraphs.map((p) => p.text).join('\n\n');
      if (text.trim())
        await docs.put({ id: `${src.id}/${i + 1}`, source: src.id, title: a.title, url: a.url, text, addedAt: src.addedAt ?? 0 });
    }
  }
}

/** The stores whose records belong to one source (indexed by `source`). */
export type SourceOwnedStore = 'articles' | 'statements' | 'userDocs';

interface CursorLike {
  delete(): Promise<void>;
  continue(): Promise<CursorLike | null>;
}

/** Deletes every record of `sourceId` from the given stores, inside the caller's transaction. */
export async function deleteSourceRecords<S extends SourceOwnedStore>(
  tx: { objectStore(name: NoInfer<S>): { index(name: 'source'): { openCursor(key: string): Promise<unknown> } } },
  stores: readonly S[],
  sourceId: string,
): Promise<void> {
  for (const store of stores) {
    const index = tx.objectStore(store).index('source');
    for (let c = (await index.openCursor(sourceId)) as CursorLike | null; c; c = await c.continue()) await c.delete();
  }
}
