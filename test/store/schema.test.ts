// The v1 → v2 migration, run on a version-1 database built by hand with raw IndexedDB exactly as
// version 1 of the extension laid it out (see the version history at the top of lib/store/schema.ts).
import { describe, it, expect, vi } from 'vitest';
import { openDB } from 'idb';
import { isDbClosed, openXrefDb, SCHEMA_VERSION } from '../../lib/store/schema';
import { seedCorpus } from '../../lib/store/seed';
import { exportSources, importSources } from '../../lib/store/transfer';
import { addUserSource, listSources, rebuildUserSources } from '../../lib/store/sources';
import { parseUserText } from '../../lib/corpus/user-text';
import type { Statement } from '../../lib/core/corpus';
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

/** What the matcher reads from a statement: everything but the ids that name its source and article. */
function matchView(statements: Statement[]): unknown[] {
  return statements
    .map(({ id: _id, source: _source, article: _article, ...rest }) => rest)
    .sort((a, b) => a.paragraph - b.paragraph || a.sentence - b.sentence || (a.text < b.text ? -1 : 1));
}

describe('upgrade path kept: user sources and settings from the previous version', () => {
  // v1 wrote its user statements with the reader of its day: no claim keys (added later) and terms
  // that a later stemmer no longer produces. After the upgrade and the rebuild the background runs on
  // every start (ensureSeeded → rebuildUserSources), they must be exactly what the same text gives
  // when added fresh today.
  it('finds every user source and setting, and the user statements match as freshly added ones do', async () => {
    const name = freshName('v1-rebuild');
    const content = v1Content();
    content.statements = content.statements.map((st) =>
      st.source === V1_USER_ID ? ({ ...st, claims: undefined, terms: ['stale-term'] } as typeof st) : st,
    );
    await createV1(name, content);
    const corpus = corpusCopy();
    const db = await openXrefDb(name);
    await seedCorpus(db, corpus);
    expect(await rebuildUserSources(db, readerFor(corpus.signature), corpus.version)).toBe(1);

    // Every source and setting is still there.
    const { sources } = await listSources(db);
    expect(sources.map((s) => s.id).sort()).toEqual(content.sources.map((s) => s.id).sort());
    const user = sources.find((s) => s.id === V1_USER_ID)!;
    expect(user).toMatchObject({ name: 'My notes', origin: 'user', enabled: false });
    expect(await db.get('settings', 'settings')).toEqual({
      detection: 'sites',
      sites: ['www.reuters.com'],
      markers: false,
      showRelated: true,
    });

    // The same text added fresh in a new database.
    const fresh = await openXrefDb(freshName('v1-rebuild-fresh'));
    await seedCorpus(fresh, corpus);
    const added = await addUserSource(fresh, { name: 'My notes', text: ON_TOPIC_TEXT }, readerFor(corpus.signature), 1_700_000_000_000);
    const freshStatements = await fresh.getAllFromIndex('statements', 'source', added.source.id);
    const migrated = await db.getAllFromIndex('statements', 'source', V1_USER_ID);
    expect(freshStatements.length).toBeGreaterThan(3);
    expect(freshStatements.some((st) => (st.claims ?? []).length > 0)).toBe(true);
    expect(migrated.every((st) => !st.terms.includes('stale-term'))).toBe(true);
    expect(matchView(migrated)).toEqual(matchView(freshStatements));
    db.close();
    fresh.close();
  });
});

describe('a schema upgrade while another context holds the database open', () => {
  it('a connection open at the current version closes itself, so an upgrade to the next version is not blocked', async () => {
    const name = freshName('versionchange');
    const held = await openXrefDb(name);
    expect(held.version).toBe(SCHEMA_VERSION);
    expect(isDbClosed(held)).toBe(false);
    const blocked = vi.fn();
    const next = await Promise.race([
      openDB(name, SCHEMA_VERSION + 1, { blocked }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('upgrade stuck behind the open connection')), 3000)),
    ]);
    expect(next.version).toBe(SCHEMA_VERSION + 1);
    expect(blocked).not.toHaveBeenCalled();
    expect(isDbClosed(held)).toBe(true);
    // The old connection is really closed: it starts no more transactions.
    expect(() => held.transaction('sources', 'readonly')).toThrow();
    // The data is all still there for the new version.
    expect(await next.count('sources')).toBe(0);
    next.close();
  });

  it('when an older connection does not close, the waiting upgrade says so (logged) and goes on once it closes', async () => {
    const name = freshName('blocked');
    const open = indexedDB.open(name, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('meta');
      db.createObjectStore('sources', { keyPath: 'id' });
      db.createObjectStore('articles', { keyPath: 'id' }).createIndex('source', 'source');
      db.createObjectStore('statements', { keyPath: 'id' }).createIndex('source', 'source');
      db.createObjectStore('settings');
    };
    const old = await req(open); // v1-era code: no versionchange handler
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      let done = false;
      const upgrading = openXrefDb(name).then((db) => ((done = true), db));
      await waitUntil(() => warn.mock.calls.length > 0);
      expect(String(warn.mock.calls[0]![0])).toMatch(/upgrade to version 2 waits for an older open page or worker \(version 1\)/);
      expect(done).toBe(false);
      old.close();
      const db = await upgrading;
      expect(db.version).toBe(SCHEMA_VERSION);
      db.close();
    } finally {
      warn.mockRestore();
    }
  });
});

async function waitUntil(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
