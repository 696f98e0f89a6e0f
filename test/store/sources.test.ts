// Sources and settings in the store: listing, enable/disable, rename, user texts, removal,
// export/import (with malformed files), reset, settings validation.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { seedCorpus } from '../../lib/store/seed';
import { addUserSource, listSources, rebuildUserSources, removeSource, resetToBundled, updateSource } from '../../lib/store/sources';
import { exportSources, importSources } from '../../lib/store/transfer';
import { getSettings, setSettings, siteCovers } from '../../lib/store/settings';
import { MAX_TEXT_CHARS, hasUnreadable } from '../../lib/core/user-input';
import { parseExportFile, EXPORT_FORMAT } from '../../lib/store/export-format';
import { DEFAULT_SETTINGS } from '../../lib/core/sources';
import { UserError } from '../../lib/core/errors';
import type { Db } from '../../lib/store/schema';
import { corpusCopy, dumpDb, openFresh, ON_TOPIC_TEXT, OFF_TOPIC_TEXT, readerFor } from './helpers';

const corpus = corpusCopy();
const sig = readerFor(corpus.signature);
const T1 = 1_800_000_000_000;

async function seeded(): Promise<Db> {
  const db = await openFresh();
  await seedCorpus(db, corpus);
  return db;
}

/** Runs `fn`, expecting a UserError; returns it. */
async function userError(fn: () => Promise<unknown> | unknown): Promise<UserError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return e as UserError;
  }
  throw new Error('expected a UserError, nothing was thrown');
}

/**
 * Dump of the stores that hold the user's sources (postings and meta left out). Bundled records'
 * addedAt is the seeding time of that database, so it is left out too.
 */
async function sourcesDump(db: Db) {
  const d = await dumpDb(db);
  const sources = d.sources!.map(([k, v]) => {
    const rec = v as { origin: string; addedAt?: number };
    if (rec.origin !== 'bundled') return [k, v];
    const { addedAt: _seededAt, ...rest } = rec;
    return [k, rest];
  });
  return { sources, articles: d.articles, statements: d.statements, userDocs: d.userDocs };
}

describe('listSources', () => {
  it('lists bundled outlets in sources.json order, then user sources by the time they were added, with counts', async () => {
    const db = await seeded();
    // Added out of order: the later one first.
    const later = await addUserSource(db, { name: 'Later notes', text: OFF_TOPIC_TEXT }, sig, T1 + 5000);
    const earlier = await addUserSource(db, { name: 'Earlier notes', text: ON_TOPIC_TEXT }, sig, T1);
    const { sources, articles } = await listSources(db);
    expect(sources.map((s) => s.id)).toEqual([...corpus.sources.map((s) => s.id), earlier.source.id, later.source.id]);

    for (const meta of corpus.sources) {
      const v = sources.find((s) => s.id === meta.id)!;
      expect(v.origin).toBe('bundled');
      expect(v.enabled).toBe(true);
      expect(v.name).toBe(meta.name);
      expect(v.articles, meta.id).toBe(corpus.articles.filter((a) => a.source === meta.id).length);
      expect(v.statements, meta.id).toBe(corpus.statements.filter((s) => s.source === meta.id).length);
    }
    // Asharq's file carries an off-topic second article: listed, with no statements.
    const asharq = articles.filter((a) => a.source === 'asharq-al-awsat');
    expect(asharq.map((a) => a.topic)).toEqual([true, false]);
    expect(asharq[1]!.statements).toBe(0);

    const e = sources.find((s) => s.id === earlier.source.id)!;
    expect(e).toMatchObject({ origin: 'user', name: 'Earlier notes', articles: 1, statements: earlier.statements });
    expect(articles.length).toBe(corpus.articles.length + 2);
    db.close();
  });
});

describe('updateSource', () => {
  it('enables and disables a source and drops the BM25 snapshot', async () => {
    const db = await seeded();
    await db.put('postings', { key: 'current', statementIds: [], index: corpus.index, builtAt: 1 });
    const off = await updateSource(db, { id: 'moscow-times', enabled: false });
    expect(off.enabled).toBe(false);
    expect((await db.get('sources', 'moscow-times'))!.enabled).toBe(false);
    expect(await db.count('postings')).toBe(0);
    expect((await listSources(db)).sources.find((s) => s.id === 'moscow-times')!.enabled).toBe(false);
    await updateSource(db, { id: 'moscow-times', enabled: true });
    expect((await db.get('sources', 'moscow-times'))!.enabled).toBe(true);
    db.close();
  });

  it('renames a bundled outlet through customName; an empty name restores the shipped one', async () => {
    const db = await seeded();
    const v = await updateSource(db, { id: 'unattributed-wire', name: '  Reuters  ' });
    expect(v.name).toBe('Reuters');
    // Naming the unattributed outlet attributes it.
    expect(v.attributed).toBe(true);
    const rec = (await db.get('sources', 'unattributed-wire'))!;
    expect(rec.customName).toBe('Reuters');
    expect(rec.name).toBe('Unattributed report');
    expect((await listSources(db)).sources.find((s) => s.id === 'unattributed-wire')!.name).toBe('Reuters');

    const long = await updateSource(db, { id: 'unattributed-wire', name: 'x'.repeat(500) });
    expect(long.name).toHaveLength(120);

    const back = await updateSource(db, { id: 'unattributed-wire', name: '   ' });
    expect(back.name).toBe('Unattributed report');
    expect(back.attributed).toBe(false);
    expect((await db.get('sources', 'unattributed-wire'))!.customName).toBeNull();
    db.close();
  });

  it('renames a user source itself and refuses an empty name for it', async () => {
    const db = await seeded();
    const { source } = await addUserSource(db, { name: 'Notes', text: ON_TOPIC_TEXT }, sig, T1);
    const v = await updateSource(db, { id: source.id, name: 'My Riyadh notes' });
    expect(v.name).toBe('My Riyadh notes');
    expect((await db.get('sources', source.id))!).toMatchObject({ name: 'My Riyadh notes', customName: null });

    const before = await dumpDb(db);
    const e = await userError(() => updateSource(db, { id: source.id, name: '  ' }));
    expect(e.code).toBe('bad-name');
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  it('rejects an unknown id with not-found', async () => {
    const db = await seeded();
    const e = await userError(() => updateSource(db, { id: 'no-such-outlet', enabled: false }));
    expect(e.code).toBe('not-found');
    expect(e.message).toContain('no-such-outlet');
    db.close();
  });

  // The reply of source:update goes straight to the options page; it should describe the source
  // as listSources does, counts included (it currently always reports 0 articles, 0 statements).
  it('returns the same view of the source as listSources, counts included', async () => {
    const db = await seeded();
    const v = await updateSource(db, { id: 'arab-news', enabled: false });
    const listed = (await listSources(db)).sources.find((s) => s.id === 'arab-news')!;
    expect(v).toEqual(listed);
    db.close();
  });
});

describe('addUserSource', () => {
  it('parses the text into articles and statements, with a topic verdict, and keeps the text', async () => {
    const db = await seeded();
    const r = await addUserSource(
      db,
      { name: '  Field notes ', url: 'https://notes.example.org/riyadh/1', title: null, text: ON_TOPIC_TEXT },
      sig,
      T1,
    );
    expect(r.source).toMatchObject({
      name: 'Field notes',
      origin: 'user',
      enabled: true,
      site: 'notes.example.org',
      url: 'https://notes.example.org/riyadh/1',
      articles: 1,
    });
    expect(r.source.id).toMatch(/^user-[0-9a-f]{10}$/);
    expect(r.statements).toBeGreaterThan(2);
    expect(r.source.statements).toBe(r.statements);

    const articles = await db.getAllFromIndex('articles', 'source', r.source.id);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.topic).toBe(true);
    expect(articles[0]!.topicScore).toBeGreaterThan(0);
    expect(articles[0]!.topicReason).toBeTruthy();
    expect(articles[0]!.url).toBe('https://notes.example.org/riyadh/1');
    const statements = await db.getAllFromIndex('statements', 'source', r.source.id);
    expect(statements).toHaveLength(r.statements);
    expect(statements.every((s) => s.article === articles[0]!.id)).toBe(true);
    expect(statements.some((s) => s.entities.includes('lavrov'))).toBe(true);
    const docs = await db.getAllFromIndex('userDocs', 'source', r.source.id);
    expect(docs).toEqual([
      {
        id: `${r.source.id}/1`,
        source: r.source.id,
        title: null,
        url: 'https://notes.example.org/riyadh/1',
        text: ON_TOPIC_TEXT,
        addedAt: T1,
      },
    ]);

    const off = await addUserSource(db, { name: 'Soup', text: OFF_TOPIC_TEXT }, sig, T1 + 1);
    const offArticles = await db.getAllFromIndex('articles', 'source', off.source.id);
    expect(offArticles.map((a) => a.topic)).toEqual([false]);
    db.close();
  });

  it('rejects a missing name, empty text and text that is too long, writing nothing', async () => {
    const db = await seeded();
    const before = await dumpDb(db);
    for (const name of ['', '   ', undefined as unknown as string]) {
      const e = await userError(() => addUserSource(db, { name, text: ON_TOPIC_TEXT }, sig, T1));
      expect(e.code).toBe('bad-name');
    }
    for (const text of ['', ' \n\t ']) {
      const e = await userError(() => addUserSource(db, { name: 'Notes', text }, sig, T1));
      expect(e.code).toBe('bad-input');
      expect(e.message).toMatch(/empty/);
    }
    const notText = await userError(() => addUserSource(db, { name: 'Notes', text: 42 as unknown as string }, sig, T1));
    expect(notText.code).toBe('bad-input');
    const huge = await userError(() =>
      addUserSource(db, { name: 'Notes', text: 'Lavrov met Rubio in Riyadh. '.repeat(Math.ceil((MAX_TEXT_CHARS + 10) / 28)) }, sig, T1),
    );
    expect(huge.code).toBe('too-large');
    expect(huge.message).toMatch(/500,000/);
    expect(await dumpDb(db)).toEqual(before);

    // Exactly at the limit is accepted.
    const atLimit = 'Lavrov met Rubio in Riyadh on Tuesday. '.repeat(20_000).slice(0, MAX_TEXT_CHARS);
    expect(atLimit.length).toBe(MAX_TEXT_CHARS);
    const ok = await addUserSource(db, { name: 'Long', text: atLimit }, sig, T1);
    expect(ok.source.origin).toBe('user');
    db.close();
  });
});

describe('removeSource', () => {
  it('removes a user source with its articles, statements and text', async () => {
    const db = await seeded();
    const before = await dumpDb(db);
    const { source } = await addUserSource(db, { name: 'Notes', text: ON_TOPIC_TEXT }, sig, T1);
    expect(await db.count('userDocs')).toBe(1);
    expect(await removeSource(db, source.id)).toBe(true);
    expect(await db.get('sources', source.id)).toBeUndefined();
    expect(await db.getAllFromIndex('articles', 'source', source.id)).toEqual([]);
    expect(await db.getAllFromIndex('statements', 'source', source.id)).toEqual([]);
    expect(await db.getAllFromIndex('userDocs', 'source', source.id)).toEqual([]);
    expect(await dumpDb(db)).toEqual(before);
    expect(await removeSource(db, source.id)).toBe(false);
    db.close();
  });

  it('refuses to remove a bundled source', async () => {
    const db = await seeded();
    const before = await dumpDb(db);
    const e = await userError(() => removeSource(db, 'arab-news'));
    expect(e.code).toBe('bundled');
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });
});

describe('export and import', () => {
  async function withUserData(): Promise<{ db: Db; ids: string[] }> {
    const db = await seeded();
    await updateSource(db, { id: 'post-truth', enabled: false });
    await updateSource(db, { id: 'unattributed-wire', name: 'Reuters' });
    const a = await addUserSource(
      db,
      { name: 'Notes', url: 'https://notes.example.org/a', title: 'My title', text: ON_TOPIC_TEXT },
      sig,
      T1,
    );
    const b = await addUserSource(db, { name: 'Soup', text: OFF_TOPIC_TEXT }, sig, T1 + 10);
    await updateSource(db, { id: b.source.id, enabled: false });
    return { db, ids: [a.source.id, b.source.id] };
  }

  it('round-trips user sources and bundled choices into a fresh database', async () => {
    const { db, ids } = await withUserData();
    const json = await exportSources(db, new Date('2025-03-01T00:00:00Z'));
    const file = JSON.parse(json);
    expect(file).toMatchObject({ format: EXPORT_FORMAT, version: 1, exportedAt: '2025-03-01T00:00:00.000Z' });
    expect(file.user.map((u: { id: string }) => u.id).sort()).toEqual([...ids].sort());

    const fresh = await seeded();
    const r = await importSources(fresh, json, sig);
    expect(r).toEqual({ added: 2, updated: corpus.sources.length });
    expect(await sourcesDump(fresh)).toEqual(await sourcesDump(db));
    expect(await listSources(fresh)).toEqual(await listSources(db));

    // Importing the same file again replaces, never duplicates.
    const again = await importSources(fresh, json, sig);
    expect(again).toEqual({ added: 0, updated: corpus.sources.length + 2 });
    expect(await sourcesDump(fresh)).toEqual(await sourcesDump(db));
    db.close();
    fresh.close();
  });

  const valid = () => ({
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: '2025-03-01T00:00:00.000Z',
    bundled: [{ id: 'arab-news', enabled: false, name: 'AN' }],
    user: [
      {
        id: 'user-aaaaaaaaaa',
        name: 'Notes',
        url: null,
        enabled: true,
        addedAt: T1,
        documents: [{ title: null, url: null, text: ON_TOPIC_TEXT }],
      },
    ],
  });
  const withUser = (patch: Record<string, unknown>) => {
    const f = valid();
    Object.assign(f.user[0]!, patch);
    return JSON.stringify(f);
  };
  const withDoc = (doc: unknown) => withUser({ documents: [doc] });

  const malformed: [string, () => string, RegExp][] = [
    ['not JSON', () => '{"format": "riyadh-cross-ref/sources", ', /not valid JSON/],
    ['a JSON list', () => '[1, 2, 3]', /not a Riyadh Cross-Ref export/],
    ['JSON null', () => 'null', /not a Riyadh Cross-Ref export/],
    ['wrong format', () => JSON.stringify({ ...valid(), format: 'someone-else/sources' }), /"format" is not "riyadh-cross-ref\/sources"/],
    ['wrong version', () => JSON.stringify({ ...valid(), version: 2 }), /version 2 is not one this extension reads/],
    [
      'missing version',
      () => {
        const f: Record<string, unknown> = valid();
        delete f.version;
        return JSON.stringify(f);
      },
      /version undefined/,
    ],
    ['bundled not a list', () => JSON.stringify({ ...valid(), bundled: { id: 'arab-news' } }), /"bundled" and "user" must be lists/],
    [
      'bundled entry without enabled',
      () => JSON.stringify({ ...valid(), bundled: [{ id: 'arab-news' }] }),
      /bundled entry 1 needs an "id" and "enabled"/,
    ],
    [
      'bundled entry null',
      () => JSON.stringify({ ...valid(), bundled: [{ id: 'arab-news', enabled: true }, null] }),
      /bundled entry 2 needs/,
    ],
    [
      'bundled name not text',
      () => JSON.stringify({ ...valid(), bundled: [{ id: 'arab-news', enabled: true, name: 7 }] }),
      /bundled entry 1 has a "name" that is not text/,
    ],
    ['user id without the user- prefix', () => withUser({ id: 'arab-news' }), /user source 1 has no valid "id"/],
    ['user id with odd characters', () => withUser({ id: 'user-<script>' }), /user source 1 has no valid "id"/],
    ['user without name', () => withUser({ name: '  ' }), /user source 1 has no "name"/],
    ['user without documents', () => withUser({ documents: [] }), /user source 1 has no "documents"/],
    ['document not an object', () => withDoc('text'), /document 1 of user source 1 is not an object/],
    ['document with empty text', () => withDoc({ title: null, url: null, text: '   ' }), /document 1 of user source 1: text is empty/],
    ['document without text', () => withDoc({ title: 'x' }), /document 1 of user source 1: text must be text/],
    [
      'document too long',
      () => withDoc({ text: 'a'.repeat(MAX_TEXT_CHARS + 1) }),
      /document 1 of user source 1: text is longer than 500,000 characters/,
    ],
    [
      'too many sources',
      () => JSON.stringify({ ...valid(), bundled: Array.from({ length: 501 }, (_, i) => ({ id: `b${i}`, enabled: true })) }),
      /more than 500 sources/,
    ],
    ['10 MB of junk', () => 'q'.repeat(10 * 1024 * 1024), /not valid JSON/],
    [
      'a javascript: source url',
      () => withUser({ url: 'javascript:alert(document.domain)' }),
      /user source 1 has a "url" that is not an http\(s\) link/,
    ],
    [
      'a data: document url',
      () => withDoc({ title: null, url: 'data:text/html,<script>alert(1)</script>', text: 'Lavrov and Rubio met in Riyadh.' }),
      /document 1 of user source 1 has a "url" that is not an http\(s\) link/,
    ],
    ['a url that is not text', () => withUser({ url: 42 }), /user source 1 has a "url" that is not an http\(s\) link/],
    [
      'a valid first user source, a broken second',
      () => {
        const f = valid();
        f.user.push({ ...f.user[0]!, id: 'user-bbbbbbbbbb', documents: [{ title: null, url: null, text: '' }] });
        return JSON.stringify(f);
      },
      /document 1 of user source 2: text is empty/,
    ],
  ];

  it('accepts the valid template the malformed cases are built from', async () => {
    const db = await seeded();
    expect(await importSources(db, JSON.stringify(valid()), sig)).toEqual({ added: 1, updated: 1 });
    expect((await db.get('sources', 'arab-news'))!).toMatchObject({ enabled: false, customName: 'AN' });
    expect((await db.getAllFromIndex('statements', 'source', 'user-aaaaaaaaaa')).length).toBeGreaterThan(0);
    db.close();
  });

  it.each(malformed)('rejects %s with bad-import and leaves the database exactly as it was', async (_label, make, message) => {
    const { db } = await withUserData();
    const before = await dumpDb(db);
    const e = await userError(() => importSources(db, make(), sig));
    expect(e.code).toBe('bad-import');
    expect(e.message).toMatch(/^This file can’t be imported: /);
    expect(e.message).toMatch(message);
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  // A few hundred generated malformed files: a valid export with one field broken in one of the ways a
  // hand-edited or hostile file breaks it. Each is refused, names what is wrong, and changes nothing.
  it('refuses 300 generated malformed files, each with a reason, the store byte-for-byte unchanged', async () => {
    const { db } = await withUserData();
    const before = await dumpDb(db);
    const bads: unknown[] = [
      null,
      42,
      -1,
      true,
      '',
      ' ',
      [],
      {},
      'x'.repeat(200_000),
      'javascript:alert(1)',
      'data:,x',
      '\u0000\u0007',
      '\ud800',
      'Lavrov \u0000 met',
      // A file's bytes that are not UTF-8, decoded as the options page reads a file (File.text()).
      new TextDecoder().decode(new Uint8Array([0x4c, 0x61, 0xff, 0xfe, 0x76, 0x72, 0x6f, 0x76])),
      { a: { b: { c: [[[[]]]] } } },
    ];
    const mutate = fc.tuple(
      fc.constantFrom(
        'format',
        'version',
        'bundled',
        'user',
        'bundled.id',
        'bundled.enabled',
        'bundled.name',
        'user.id',
        'user.name',
        'user.url',
        'user.documents',
        'doc',
        'doc.text',
        'doc.url',
        'dup.user',
        'dup.bundled',
      ),
      fc.constantFrom(...bads),
    );
    await fc.assert(
      fc.asyncProperty(mutate, async ([where, value]) => {
        const f = valid() as Record<string, unknown> & ReturnType<typeof valid>;
        const u = f.user[0] as Record<string, unknown>;
        const d = f.user[0]!.documents[0] as Record<string, unknown>;
        const b = f.bundled[0] as Record<string, unknown>;
        if (where === 'format' || where === 'version' || where === 'bundled' || where === 'user') {
          // A missing list (null) reads as an empty one: still a valid file.
          if ((where === 'bundled' || where === 'user') && (Array.isArray(value) || value === null)) return;
          (f as Record<string, unknown>)[where] = value;
        } else if (where.startsWith('bundled.')) {
          // Still valid: any text as a name or an id (an unknown id is ignored), a boolean switch.
          if (
            (where === 'bundled.name' && (value === null || (typeof value === 'string' && !hasUnreadable(value)))) ||
            (where === 'bundled.id' && typeof value === 'string') ||
            (where === 'bundled.enabled' && typeof value === 'boolean')
          )
            return;
          b[where.slice(8)] = value;
        } else if (where.startsWith('user.')) {
          if (
            (where === 'user.url' && value === null) ||
            (where === 'user.name' && typeof value === 'string' && value.trim() && !hasUnreadable(value))
          )
            return;
          u[where.slice(5)] = value;
        } else if (where === 'doc') {
          if (typeof value === 'object' && value !== null && !Array.isArray(value)) return;
          f.user[0]!.documents[0] = value as never;
        } else if (where.startsWith('doc.')) {
          d[where.slice(4)] = value;
          if (where === 'doc.url' && value === null) return;
          if (where === 'doc.text' && typeof value === 'string' && value.trim() && value.length <= MAX_TEXT_CHARS && !hasUnreadable(value))
            return;
        } else if (where === 'dup.user') f.user.push({ ...f.user[0]! });
        else if (where === 'dup.bundled') f.bundled.push({ ...f.bundled[0]! });
        const e = await userError(() => importSources(db, JSON.stringify(f), sig));
        expect(e.code).toBe('bad-import');
        expect(e.message).toMatch(/^This file can’t be imported: .*("|entry|source|document|lists|version)/);
        expect(await dumpDb(db)).toEqual(before);
      }),
      { seed: 20261204, numRuns: 300 },
    );
    db.close();
  }, 120_000);

  it('rejects input that is not a string at all', () => {
    let err: unknown;
    try {
      parseExportFile(undefined as unknown as string);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).code).toBe('bad-import');
  });

  // Rename trims, caps at 120 characters and turns an empty name into "no custom name";
  // import writes the file's bundled name as it is.
  it('applies the rename rules to bundled names it imports (trim, empty → none, at most 120 characters)', async () => {
    const db = await seeded();
    const file = {
      ...valid(),
      user: [],
      bundled: [
        { id: 'unattributed-wire', enabled: true, name: '   ' },
        { id: 'arab-news', enabled: true, name: '  Arab News daily  ' },
        { id: 'moscow-times', enabled: true, name: 'm'.repeat(300) },
      ],
    };
    await importSources(db, JSON.stringify(file), sig);
    expect((await db.get('sources', 'unattributed-wire'))!.customName).toBeNull();
    expect((await listSources(db)).sources.find((s) => s.id === 'unattributed-wire')!.attributed).toBe(false);
    expect((await db.get('sources', 'arab-news'))!.customName).toBe('Arab News daily');
    expect((await db.get('sources', 'moscow-times'))!.customName!.length).toBeLessThanOrEqual(120);
    db.close();
  });
});

describe('resetToBundled', () => {
  it('removes user sources and restores bundled flags and names', async () => {
    const db = await seeded();
    const pristine = await sourcesDump(db);
    await updateSource(db, { id: 'post-truth', enabled: false });
    await updateSource(db, { id: 'unattributed-wire', name: 'Reuters' });
    const { source } = await addUserSource(db, { name: 'Notes', text: ON_TOPIC_TEXT }, sig, T1);

    expect(await resetToBundled(db, corpus)).toBe(corpus.sources.length);
    expect(await db.get('sources', source.id)).toBeUndefined();
    expect(await db.count('userDocs')).toBe(0);
    expect((await db.get('sources', 'post-truth'))!.enabled).toBe(true);
    expect((await db.get('sources', 'unattributed-wire'))!.customName).toBeNull();
    expect(await sourcesDump(db)).toEqual(pristine);
    expect(await db.get('meta', 'corpusVersion')).toBe(corpus.version);
    db.close();
  });
});

describe('settings', () => {
  it('starts from the defaults', async () => {
    const db = await seeded();
    expect(await getSettings(db)).toEqual(DEFAULT_SETTINGS);
    db.close();
  });

  it('stores valid changes and rejects an unknown detection mode without writing', async () => {
    const db = await seeded();
    expect(await setSettings(db, { detection: 'on-demand', markers: false })).toEqual({
      ...DEFAULT_SETTINGS,
      detection: 'on-demand',
      markers: false,
    });
    expect(await getSettings(db)).toMatchObject({ detection: 'on-demand', markers: false });
    const e = await userError(() => setSettings(db, { detection: 'always' as never }));
    expect(e.code).toBe('bad-setting');
    const e2 = await userError(() => setSettings(db, { sites: 'www.reuters.com' as never }));
    expect(e2.code).toBe('bad-setting');
    expect(await getSettings(db)).toMatchObject({ detection: 'on-demand', markers: false });
    db.close();
  });

  it('normalises sites to lower-case host names without duplicates; localhost and IP addresses work; blank lines are nothing', async () => {
    const db = await seeded();
    const s = await setSettings(db, {
      detection: 'sites',
      sites: [
        ' https://WWW.Reuters.com/world/europe/ ',
        'bbc.co.uk',
        'BBC.co.uk',
        'http://apnews.com',
        '',
        '  ',
        'localhost',
        'http://127.0.0.1:8080/demo',
        '*.arabnews.com',
      ],
    });
    expect(s.sites).toEqual(['www.reuters.com', 'bbc.co.uk', 'apnews.com', 'localhost', '127.0.0.1', 'arabnews.com']);
    expect((await getSettings(db)).sites).toEqual(s.sites);
    db.close();
  });

  it('refuses entries that are not sites, naming each, and changes nothing', async () => {
    const db = await seeded();
    await setSettings(db, { detection: 'sites', sites: ['apnews.com'] });
    const e = await userError(() =>
      setSettings(db, { detection: 'auto', sites: ['bbc.com', 'not a host', 'javascript:alert(1)', 'http//x'] }),
    );
    expect(e.code).toBe('bad-site');
    expect(e.message).toMatch(/“not a host”/);
    expect(e.message).toMatch(/“http\/\/x”/);
    expect(e.message).not.toMatch(/“bbc\.com”/);
    expect(e.message).toMatch(/nothing was changed/);
    expect(await getSettings(db)).toMatchObject({ detection: 'sites', sites: ['apnews.com'] });
    const many = await userError(() => setSettings(db, { sites: Array.from({ length: 201 }, (_, i) => `s${i}.example.org`) }));
    expect(many.message).toMatch(/At most 200 sites/);
    db.close();
  });

  it('an entry covers its subdomains, not other sites that end the same way', () => {
    expect(siteCovers(['arabnews.com'], 'www.arabnews.com')).toBe(true);
    expect(siteCovers(['arabnews.com'], 'arabnews.com')).toBe(true);
    expect(siteCovers(['arabnews.com'], 'fakearabnews.com')).toBe(false);
    expect(siteCovers(['www.arabnews.com'], 'arabnews.com')).toBe(false);
    expect(siteCovers(['127.0.0.1'], '127.0.0.1')).toBe(true);
    expect(siteCovers(['0.0.1'], '127.0.0.1')).toBe(false);
    expect(siteCovers(['localhost'], 'localhost')).toBe(true);
    expect(siteCovers([], 'arabnews.com')).toBe(false);
  });

  // A pasted address with a query or fragment but no path ("https://apnews.com?ref=home") keeps
  // the query after normalisation, fails the host-name pattern and is silently dropped.
  it('keeps the host of an address pasted with a query or fragment', async () => {
    const db = await seeded();
    const s = await setSettings(db, { sites: ['https://apnews.com?ref=home', 'https://www.bbc.com#top'] });
    expect(s.sites).toEqual(['apnews.com', 'www.bbc.com']);
    db.close();
  });
});

describe('user sources re-read when the engine changes', () => {
  it("rebuilds a user source's statements from its stored text under a new corpus version, once, and leaves bundled records alone", async () => {
    const db = await seeded();
    const { source } = await addUserSource(db, { name: 'Notes', text: ON_TOPIC_TEXT }, sig, T1);
    const fresh = await db.getAllFromIndex('statements', 'source', source.id);
    expect(fresh.length).toBeGreaterThan(0);
    // Simulate statements derived by an older analyzer: stale terms and claim keys.
    const tx = db.transaction('statements', 'readwrite');
    for (const s of fresh) await tx.store.put({ ...s, terms: ['stale'], claims: ['stale-claim'] });
    await tx.done;
    const bundledBefore = await db.getAllFromIndex('statements', 'source', 'arab-news');
    expect(await rebuildUserSources(db, sig, 'v-old')).toBe(1);
    const rebuilt = await db.getAllFromIndex('statements', 'source', source.id);
    expect(rebuilt.map((s) => s.text)).toEqual(fresh.map((s) => s.text));
    expect(rebuilt.map((s) => s.terms)).toEqual(fresh.map((s) => s.terms));
    expect(rebuilt.some((s) => s.terms.includes('stale'))).toBe(false);
    expect(await db.getAllFromIndex('statements', 'source', 'arab-news')).toEqual(bundledBefore);
    // Same version again: nothing to do.
    expect(await rebuildUserSources(db, sig, 'v-old')).toBe(0);
    expect(await rebuildUserSources(db, sig, 'v-new')).toBe(1);
    db.close();
  });
});
