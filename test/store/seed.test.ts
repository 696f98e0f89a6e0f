// Seeding the compiled corpus into IndexedDB: first load, repeat load, and an update that must keep
// everything the user chose or added.
import { describe, it, expect } from 'vitest';
import { seedCorpus } from '../../lib/store/seed';
import { addUserSource, listSources, updateSource } from '../../lib/store/sources';
import { SCHEMA_VERSION } from '../../lib/store/schema';
import { corpusCopy, dumpDb, nextCorpus, openFresh, ON_TOPIC_TEXT, readerFor } from './helpers';

describe('seedCorpus', () => {
  it('fills sources, articles and statements with the compiled counts and records the corpus version', async () => {
    const db = await openFresh();
    const corpus = corpusCopy();
    expect(db.version).toBe(SCHEMA_VERSION);
    expect(await db.get('meta', 'corpusVersion')).toBeUndefined();

    const r = await seedCorpus(db, corpus);
    expect(r).toEqual({ seeded: true, version: corpus.version, sources: corpus.sources.length, statements: corpus.statements.length });
    expect(await db.count('sources')).toBe(corpus.sources.length);
    expect(await db.count('articles')).toBe(corpus.articles.length);
    expect(await db.count('statements')).toBe(corpus.statements.length);
    expect(await db.get('meta', 'corpusVersion')).toBe(corpus.version);
    expect(typeof (await db.get('meta', 'seededAt'))).toBe('number');

    // Every bundled record: enabled, no custom name, origin bundled, the outlet metadata as shipped.
    for (const meta of corpus.sources) {
      const rec = await db.get('sources', meta.id);
      expect(rec).toMatchObject({ ...meta, origin: 'bundled', enabled: true, customName: null });
    }
    // Statements are stored verbatim.
    const s0 = corpus.statements[0]!;
    expect(await db.get('statements', s0.id)).toEqual(s0);
    db.close();
  });

  it('is a no-op when the database already holds this corpus version', async () => {
    const db = await openFresh();
    const corpus = corpusCopy();
    await seedCorpus(db, corpus);
    // A user choice made in between must not be undone by the second seed.
    await updateSource(db, { id: 'post-truth', enabled: false });
    const before = await dumpDb(db);

    const r = await seedCorpus(db, corpus);
    expect(r.seeded).toBe(false);
    expect(r.version).toBe(corpus.version);
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  it('re-seeds a new corpus version: bundled statements replaced, the user’s flags, names and sources kept', async () => {
    const db = await openFresh();
    const first = corpusCopy();
    await seedCorpus(db, first);

    // The user's data: a disabled outlet, a custom name, a user-added source with its text.
    await updateSource(db, { id: 'post-truth', enabled: false });
    await updateSource(db, { id: 'unattributed-wire', name: 'Reuters (my guess)' });
    const added = await addUserSource(
      db,
      { name: 'My notes', url: 'https://notes.example.org/riyadh', title: null, text: ON_TOPIC_TEXT },
      readerFor(first.signature),
      1_800_000_000_000,
    );
    expect(added.statements).toBeGreaterThan(0);
    const userId = added.source.id;
    const userBefore = {
      source: await db.get('sources', userId),
      articles: await db.getAllFromIndex('articles', 'source', userId),
      statements: await db.getAllFromIndex('statements', 'source', userId),
      docs: await db.getAllFromIndex('userDocs', 'source', userId),
    };
    expect(userBefore.articles.length).toBeGreaterThan(0);
    expect(userBefore.docs).toHaveLength(1);
    const listBefore = await listSources(db);

    const { corpus: next, droppedStatement, renamed } = nextCorpus();
    expect(await db.get('statements', droppedStatement)).toBeDefined();
    const r = await seedCorpus(db, next);
    expect(r.seeded).toBe(true);
    expect(r.version).toBe(next.version);
    expect(await db.get('meta', 'corpusVersion')).toBe(next.version);

    // Bundled statements are exactly the new corpus's.
    expect(await db.get('statements', droppedStatement)).toBeUndefined();
    const all = await db.getAll('statements');
    const bundledIds = new Set(next.sources.map((s) => s.id));
    const bundledStatements = all
      .filter((s) => bundledIds.has(s.source))
      .map((s) => s.id)
      .sort();
    expect(bundledStatements).toEqual(next.statements.map((s) => s.id).sort());
    expect(all.length).toBe(next.statements.length + userBefore.statements.length);
    expect(await db.count('articles')).toBe(next.articles.length + userBefore.articles.length);

    // The outlet the corpus renamed shows its new name (the user never renamed it).
    expect((await db.get('sources', renamed.id))!.name).toBe(renamed.name);
    // The user's choices on bundled outlets survive.
    expect((await db.get('sources', 'post-truth'))!.enabled).toBe(false);
    expect((await db.get('sources', 'unattributed-wire'))!.customName).toBe('Reuters (my guess)');
    // The user's source, with its articles, statements and text, is untouched.
    expect(await db.get('sources', userId)).toEqual(userBefore.source);
    expect(await db.getAllFromIndex('articles', 'source', userId)).toEqual(userBefore.articles);
    expect(await db.getAllFromIndex('statements', 'source', userId)).toEqual(userBefore.statements);
    expect(await db.getAllFromIndex('userDocs', 'source', userId)).toEqual(userBefore.docs);
    // The BM25 snapshot describes the old statements: it must be gone.
    expect(await db.count('postings')).toBe(0);

    // And the list the options page shows keeps order and choices.
    const listAfter = await listSources(db);
    expect(listAfter.sources.map((s) => s.id)).toEqual(listBefore.sources.map((s) => s.id));
    expect(listAfter.sources.find((s) => s.id === 'unattributed-wire')!.name).toBe('Reuters (my guess)');
    expect(listAfter.sources.find((s) => s.id === renamed.id)!.name).toBe(renamed.name);
    expect(listAfter.sources.find((s) => s.id === 'arab-news')!.statements).toBe(
      listBefore.sources.find((s) => s.id === 'arab-news')!.statements - 1,
    );
    db.close();
  });

  it('drops a bundled outlet a new corpus no longer ships, with its articles and statements', async () => {
    const db = await openFresh();
    await seedCorpus(db, corpusCopy());
    const next = corpusCopy();
    next.version += '-without-post-truth';
    next.sources = next.sources.filter((s) => s.id !== 'post-truth');
    next.articles = next.articles.filter((a) => a.source !== 'post-truth');
    next.statements = next.statements.filter((s) => s.source !== 'post-truth');
    await seedCorpus(db, next);
    expect(await db.get('sources', 'post-truth')).toBeUndefined();
    expect(await db.getAllFromIndex('articles', 'source', 'post-truth')).toEqual([]);
    expect(await db.getAllFromIndex('statements', 'source', 'post-truth')).toEqual([]);
    expect(await db.count('statements')).toBe(next.statements.length);
    db.close();
  });
});
