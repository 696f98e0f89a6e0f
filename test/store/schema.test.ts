// The v1 → v2 migration, run on a version-1 database built by hand with raw IndexedDB exactly as
// version 1 of the extension laid it out (see the version history at the top of lib/store/schema.ts).
import { describe, it, expect } from 'vitest';
import { openXrefDb, SCHEMA_VERSION } from '../../lib/store/schema';
import { seedCorpus } from '../../lib/store/seed';
import { exportSources, importSources } from '../../lib/store/transfer';
import { listSources } from '../../lib/store/sources';
import { parseUserText } from '../../lib/corpus/user-text';
import { corpusCopy, freshName, dumpDb, ON_TOPIC_TEXT, readerFor } from './helpers';

const V1_USER_ID = 'user-0123456789';

function req<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function txDone(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

interface V1Content {
  sources: Record<string, unknown>[];
  articles: { id: string; source: string }[];
  statements: { id: string; source: string }[];
  settings: Record<string, unknown> | null;
  corpusVersion: string;
}

/** The v1 content: bundled outlets as v1 stored them (no origin/enabled/customName/addedAt), one user source. */
function v1Content(withSettings = true): V1Content {
  const corpus = corpusCopy();
  const user = parseUserText(`${V1_USER_ID}-1`, { title: null, text: ON_TOPIC_TEXT }, corpus.signature);
  return {
    sources: [
      ...corpus.sources.map((s) => ({ ...s })),
      {
        id: V1_USER_ID,
        name: 'My notes',
        site: 'notes.example.org',
        url: 'https://notes.example.org/riyadh',
        published: null,
        language: 'en',
        note: 'Added by you',
        attributed: true,
        origin: 'user',
        addedAt: 1_700_000_000_000,
      },
    ],
    articles: [...corpus.articles, ...user.articles.map((a) => ({ ...a, source: V1_USER_ID }))],
    statements: [...corpus.statements, ...user.statements.map((s) => ({ ...s, source: V1_USER_ID }))],
    settings: withSettings
      ? { detection: 'sites', sites: ['www.reuters.com'], markers: false, showRelated: true, disabled: ['post-truth', V1_USER_ID] }
      : null,
    corpusVersion: corpus.version,
  };
}

/** Creates and fills a version-1 database with raw IndexedDB, then closes it. */
async function createV1(name: string, content: V1Content): Promise<void> {
  const open = indexedDB.open(name, 1);
  open.onupgradeneeded = () => {
    const db = open.result;
    db.createObjectStore('meta');
    db.createObjectStore('sources', { keyPath: 'id' });
    db.createObjectStore('articles', { keyPath: 'id' }).createIndex('source', 'source');
    db.createObjectStore('statements', { keyPath: 'id' }).createIndex('source', 'source');
    db.createObjectStore('settings');
  };
  const db = await req(open);
  const tx = db.transaction(['meta', 'sources', 'articles', 'statements', 'settings'], 'readwrite');
  for (const s of content.sources) tx.objectStore('sources').put(s);
  for (const a of content.articles) tx.objectStore('articles').put(a);
  for (const s of content.statements) tx.objectStore('statements').put(s);
  if (content.settings) tx.objectStore('settings').put(content.settings, 'settings');
  tx.objectStore('meta').put(content.corpusVersion, 'corpusVersion');
  await txDone(tx);
  expect(db.version).toBe(1);
  db.close();
}

describe('schema migration v1 → v2', () => {
  it('moves the disabled list onto the source records and keeps statements, articles and other settings', async () => {
    const name = freshName('v1');
    const content = v1Content();
    await createV1(name, content);

    const db = await openXrefDb(name);
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(2);
    expect([...db.objectStoreNames].sort()).toEqual(['articles', 'meta', 'postings', 'settings', 'sources', 'statements', 'userDocs']);
    const tx = db.transaction(['userDocs', 'postings'], 'readonly');
    expect([...tx.objectStore('userDocs').indexNames]).toEqual(['source']);
    expect(tx.objectStore('postings').keyPath).toBe('key');
    await tx.done;

    const sources = await db.getAll('sources');
    expect(sources).toHaveLength(content.sources.length);
    for (const s of sources) {
      const disabled = s.id === 'post-truth' || s.id === V1_USER_ID;
      expect(s.enabled, s.id).toBe(!disabled);
      expect(s.customName, s.id).toBeNull();
      expect(s.origin, s.id).toBe(s.id === V1_USER_ID ? 'user' : 'bundled');
      expect(typeof s.addedAt, s.id).toBe('number');
    }
    // Everything the v1 record had is still there.
    const user = sources.find((s) => s.id === V1_USER_ID)!;
    expect(user).toMatchObject(content.sources.find((s) => s.id === V1_USER_ID)!);
    expect(user.addedAt).toBe(1_700_000_000_000);

    // Statements and articles are untouched, byte for byte.
    const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(byId(await db.getAll('statements'))).toEqual(byId(content.statements));
    expect(byId(await db.getAll('articles'))).toEqual(byId(content.articles));
    expect(await db.get('meta', 'corpusVersion')).toBe(content.corpusVersion);

    // Settings lost only `disabled`.
    const { disabled: _gone, ...rest } = content.settings!;
    expect(await db.get('settings', 'settings')).toEqual(rest);
    // The v1 user source's article text is rebuilt as a userDoc so it can be exported and re-parsed.
    expect(await db.count('userDocs')).toBe(1);
    expect(await db.count('postings')).toBe(0);
    db.close();

    // Opening again at v2 runs no migration and changes nothing.
    const again = await openXrefDb(name);
    const dump = await dumpDb(again);
    again.close();
    const third = await openXrefDb(name);
    expect(await dumpDb(third)).toEqual(dump);
    third.close();
  });

  it('migrates a v1 database that never stored settings: every source enabled, no settings record invented', async () => {
    const name = freshName('v1-nosettings');
    const content = v1Content(false);
    await createV1(name, content);
    const db = await openXrefDb(name);
    expect((await db.getAll('sources')).every((s) => s.enabled && s.customName === null)).toBe(true);
    expect(await db.get('settings', 'settings')).toBeUndefined();
    db.close();
  });

  // v1 records carry no addedAt; the migration gives every bundled outlet addedAt 0, and
  // listSources then falls back to sorting them by id (alphabetically) instead of sources.json order.
  it('keeps bundled outlets in corpus/sources.json order after the migration (and a re-seed)', async () => {
    const name = freshName('v1-order');
    const content = v1Content();
    await createV1(name, content);
    const db = await openXrefDb(name);
    const corpus = corpusCopy();
    const expected = [...corpus.sources.map((s) => s.id), V1_USER_ID];

    const sameVersion = await seedCorpus(db, corpus);
    expect(sameVersion.seeded).toBe(false);
    expect((await listSources(db)).sources.map((s) => s.id)).toEqual(expected);

    corpus.version += '-next';
    await seedCorpus(db, corpus);
    expect((await listSources(db)).sources.map((s) => s.id)).toEqual(expected);
    db.close();
  });

  // A v1 user source has articles and statements but no userDocs (the store is new in v2). Its text
  // must not be lost: an export of the migrated database must be importable elsewhere.
  it('a user source migrated from v1 survives export → import into a fresh database', async () => {
    const name = freshName('v1-export');
    await createV1(name, v1Content());
    const db = await openXrefDb(name);
    const json = await exportSources(db);
    const file = JSON.parse(json) as { user: { id: string; documents: unknown[] }[] };
    expect(file.user.map((u) => u.id)).toEqual([V1_USER_ID]);
    expect(file.user[0]!.documents.length).toBeGreaterThan(0);

    const corpus = corpusCopy();
    const fresh = await openXrefDb(freshName('v1-export-target'));
    await seedCorpus(fresh, corpus);
    await importSources(fresh, json, readerFor(corpus.signature));
    expect(await fresh.get('sources', V1_USER_ID)).toBeDefined();
    expect((await fresh.getAllFromIndex('statements', 'source', V1_USER_ID)).length).toBeGreaterThan(0);
    db.close();
    fresh.close();
  });
});
