// A full disk: a write fails with QuotaExceededError halfway through adding, importing or resetting
// sources, or re-seeding an updated corpus.
// The change must leave nothing behind (one transaction, whole or not at all) and reach the UI as
// the error code 'storage-full'.
import { describe, it, expect, afterEach } from 'vitest';
import { seedCorpus } from '../../lib/store/seed';
import { addUserSource, resetToBundled, updateSource } from '../../lib/store/sources';
import { exportSources, importSources } from '../../lib/store/transfer';
import { toErrorInfo } from '../../lib/core/errors';
import type { Db } from '../../lib/store/schema';
import {
  corpusCopy,
  dumpDb,
  failPutWithQuota,
  nextCorpus,
  openFresh,
  ON_TOPIC_TEXT,
  OFF_TOPIC_TEXT,
  type QuotaMode,
  readerFor,
} from './helpers';

const corpus = corpusCopy();
const sig = readerFor(corpus.signature);
let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

async function seeded(): Promise<Db> {
  const db = await openFresh();
  await seedCorpus(db, corpus);
  return db;
}

async function caught(fn: () => Promise<unknown>): Promise<unknown> {
  try {
    await fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected the write to fail');
}

/** An export file with two user sources and a bundled choice, made on another database. */
async function exportFile(): Promise<string> {
  const other = await seeded();
  await updateSource(other, { id: 'arab-news', enabled: false });
  await addUserSource(other, { name: 'Notes', text: ON_TOPIC_TEXT }, sig, 1_800_000_000_000);
  await addUserSource(other, { name: 'Soup', text: OFF_TOPIC_TEXT }, sig, 1_800_000_000_001);
  const json = await exportSources(other);
  other.close();
  return json;
}

// 'request-error': the put request fails (how browsers report a full disk; the transaction aborts).
// 'throw': put throws synchronously mid-transaction (as a brief/fake may model it, and as real
// IndexedDB does for DataCloneError/DataError): the code must then abort the transaction itself.
describe.each<QuotaMode>(['request-error', 'throw'])('full disk: put fails by %s', (mode) => {
  it('the QuotaExceededError maps to storage-full', () => {
    expect(toErrorInfo(new DOMException('The quota has been exceeded.', 'QuotaExceededError')).code).toBe('storage-full');
    // The transaction's own error, as browsers report it on abort (no message).
    expect(toErrorInfo(new DOMException(undefined, 'QuotaExceededError')).code).toBe('storage-full');
    expect(toErrorInfo(new DOMException('x', 'AbortError')).code).toBe('internal');
  });

  it('addUserSource: nothing partial is written and the error maps to storage-full', async () => {
    const db = await seeded();
    const before = await dumpDb(db);
    // put #1 source, #2 userDoc, #3 article, #4 first statement.
    const patch = failPutWithQuota(4, mode);
    restore = patch.restore;
    const err = await caught(() => addUserSource(db, { name: 'Notes', text: ON_TOPIC_TEXT }, sig, 1_800_000_000_000));
    patch.restore();
    restore = null;
    expect(patch.failed()).toBe(true);
    expect((err as DOMException).name).toBe('QuotaExceededError');
    expect(toErrorInfo(err)).toMatchObject({ code: 'storage-full' });
    // Let the transaction finish (commit or abort) before looking.
    await new Promise((r) => setTimeout(r, 20));
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  it('importSources: nothing partial is written and the error maps to storage-full', async () => {
    const json = await exportFile();
    const db = await seeded();
    await updateSource(db, { id: 'moscow-times', name: 'TMT' });
    const before = await dumpDb(db);
    // 5 bundled source puts, then the first user source (source, doc, article, statements…): fail inside it.
    const patch = failPutWithQuota(9, mode);
    restore = patch.restore;
    const err = await caught(() => importSources(db, json, sig));
    patch.restore();
    restore = null;
    expect(patch.failed()).toBe(true);
    expect((err as DOMException).name).toBe('QuotaExceededError');
    expect(toErrorInfo(err).code).toBe('storage-full');
    await new Promise((r) => setTimeout(r, 20));
    expect(await dumpDb(db)).toEqual(before);
    db.close();
  });

  it.each([1, 20])('re-seeding an updated corpus failing at put %i keeps the previous corpus and the user data', async (failAt) => {
    const db = await seeded();
    await updateSource(db, { id: 'moscow-times', enabled: false });
    await addUserSource(db, { name: 'Notes', text: ON_TOPIC_TEXT }, sig, 1_800_000_000_000);
    const before = await dumpDb(db);
    const next = nextCorpus().corpus;
    const patch = failPutWithQuota(failAt, mode);
    restore = patch.restore;
    const err = await caught(() => seedCorpus(db, next));
    patch.restore();
    restore = null;
    expect(patch.failed()).toBe(true);
    expect(toErrorInfo(err).code).toBe('storage-full');
    await new Promise((r) => setTimeout(r, 20));
    expect(await dumpDb(db)).toEqual(before);
    // The next wake seeds it.
    expect((await seedCorpus(db, next)).seeded).toBe(true);
    expect(await db.get('meta', 'corpusVersion')).toBe(next.version);
    db.close();
  });

  it.each([1, 3, 40])('resetToBundled failing at put %i: the user sources, texts and choices all stay', async (failAt) => {
    const db = await seeded();
    await updateSource(db, { id: 'moscow-times', name: 'TMT' });
    await addUserSource(db, { name: 'Notes', text: ON_TOPIC_TEXT }, sig, 1_800_000_000_000);
    const before = await dumpDb(db);
    const patch = failPutWithQuota(failAt, mode);
    restore = patch.restore;
    const err = await caught(() => resetToBundled(db, corpus));
    patch.restore();
    restore = null;
    expect(patch.failed()).toBe(true);
    expect(toErrorInfo(err).code).toBe('storage-full');
    await new Promise((r) => setTimeout(r, 20));
    expect(await dumpDb(db)).toEqual(before);
    // Without the fault the same reset goes through.
    await resetToBundled(db, corpus);
    expect((await db.getAll('sources')).some((x) => x.origin === 'user')).toBe(false);
    db.close();
  });
});
