// Loads the compiled corpus into IndexedDB on install and update. Bundled records are replaced;
// what the user added or changed (enabled flags, names, added sources) is never touched.
import type { CompiledCorpus } from '../corpus/compile';
import type { IDBPTransaction } from 'idb';
import { deleteSourceRecords, type Db, type XrefDB } from './schema';
import { inTransaction } from './transaction';
import type { SourceRecord } from '../core/sources';

export interface SeedResult {
  /** False when the database already held this corpus version. */
  seeded: boolean;
  version: string;
  sources: number;
  statements: number;
}

/** Seeds the bundled corpus when its version differs from the stored one (or when `force`). */
export async function seedCorpus(
  db: Db,
  corpus: CompiledCorpus,
  opts: { force?: boolean; resetUserChoices?: boolean } = {},
): Promise<SeedResult> {
  const current = await db.get('meta', 'corpusVersion');
  if (current === corpus.version && !opts.force) {
    // Same corpus: only make sure the bundled outlets keep their order (a migrated v1 database had none).
    const tx = db.transaction('sources', 'readwrite');
    for (const [i, meta] of corpus.sources.entries()) {
      const s = await tx.store.get(meta.id);
      if (s && s.origin === 'bundled' && s.addedAt !== i) await tx.store.put({ ...s, addedAt: i });
    }
    await tx.done;
    return { seeded: false, version: corpus.version, sources: corpus.sources.length, statements: corpus.statements.length };
  }
  const tx = db.transaction([...SEED_STORES], 'readwrite');
  // Whole or not at all: a failed write (a full disk) aborts the transaction and nothing changes.
  await inTransaction(tx, () => seedInTransaction(tx, corpus, opts));
  return { seeded: true, version: corpus.version, sources: corpus.sources.length, statements: corpus.statements.length };
}

/** The stores a seed (and a reset, which also drops the user's texts) writes in one transaction. */
export const SEED_STORES = ['meta', 'sources', 'articles', 'statements', 'postings', 'userDocs'] as const;
export type SeedTx = IDBPTransaction<XrefDB, (typeof SEED_STORES)[number][], 'readwrite'>;

/**
 * Replaces the bundled sources, articles and statements with `corpus`'s inside the caller's
 * transaction (which `inTransaction` aborts on any failure); what the user added is kept.
 */
export async function seedInTransaction(tx: SeedTx, corpus: CompiledCorpus, opts: { resetUserChoices?: boolean } = {}): Promise<void> {
  const sources = tx.objectStore('sources');
  const existing = new Map((await sources.getAll()).map((s) => [s.id, s]));
  const bundledIds = new Set([...existing.values()].filter((s) => s.origin === 'bundled').map((s) => s.id));
  for (const s of corpus.sources) bundledIds.add(s.id);
  // Drop the previous bundled articles and statements, keep the user's.
  for (const id of bundledIds) await deleteSourceRecords(tx, ['articles', 'statements'], id);
  for (const id of bundledIds) {
    if (!corpus.sources.some((s) => s.id === id)) await sources.delete(id);
  }
  const now = Date.now();
  for (const [i, meta] of corpus.sources.entries()) {
    const prev = existing.get(meta.id);
    const keep = prev && prev.origin === 'bundled' && !opts.resetUserChoices;
    const record: SourceRecord = {
      ...meta,
      origin: 'bundled',
      enabled: keep ? prev.enabled : true,
      customName: keep ? prev.customName : null,
      // Bundled outlets are listed in the order of corpus/sources.json (user sources by the time added).
      addedAt: i,
    };
    await sources.put(record);
  }
  const articles = tx.objectStore('articles');
  for (const a of corpus.articles) await articles.put(a);
  const statements = tx.objectStore('statements');
  for (const s of corpus.statements) await statements.put(s);
  await tx.objectStore('postings').clear();
  await tx.objectStore('meta').put(corpus.version, 'corpusVersion');
  await tx.objectStore('meta').put(now, 'seededAt');
}
