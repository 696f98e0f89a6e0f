// Storage faults in Chromium's own IndexedDB (not fake-indexeddb): from the extension's service
// worker, IDBObjectStore.prototype.put is made to throw a QuotaExceededError DOMException at its
// n-th call, then an import or a reset is sent from an extension page. The reply must be the
// `storage-full` error with a plain message, and the sources, their export and every record of the
// database must be exactly what they were before (nothing partial). The prototype is restored after
// each case, and the same request then succeeds, which shows it would have written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Worker } from 'playwright-core';
import { launchChromium, type ChromiumSession } from './harness';
import { extensionPage, request } from './e2e-helpers';
import { DB_NAME } from '../../lib/store/schema';
import { ON_TOPIC_TEXT } from '../store/helpers';

let s: ChromiumSession;
let ext: Page;

beforeAll(async () => {
  s = await launchChromium();
  ext = await extensionPage(s);
});
afterAll(async () => {
  await s?.close();
});

type Reply = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
type Listed = { sources: { id: string; name: string; origin: string; enabled: boolean; statements: number }[] };

async function send(type: string, data: unknown): Promise<Reply> {
  return (await ext.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const)) as Reply;
}

/** From the worker: the `failAt`-th IDBObjectStore.put from now on throws a QuotaExceededError. */
async function injectQuotaFault(worker: Worker, failAt: number): Promise<void> {
  await worker.evaluate((n) => {
    const g = globalThis as unknown as { rxrPut?: { original: IDBObjectStore['put']; calls: number; failed: boolean } };
    const proto = IDBObjectStore.prototype;
    const state = { original: proto.put, calls: 0, failed: false };
    g.rxrPut = state;
    proto.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
      state.calls++;
      if (state.calls === n) {
        state.failed = true;
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return state.original.apply(this, args);
    };
  }, failAt);
}

/** Restores the prototype; returns how many puts were seen and whether the fault fired. */
async function restorePut(worker: Worker): Promise<{ calls: number; failed: boolean }> {
  return worker.evaluate(() => {
    const g = globalThis as unknown as { rxrPut?: { original: IDBObjectStore['put']; calls: number; failed: boolean } };
    if (!g.rxrPut) return { calls: 0, failed: false };
    IDBObjectStore.prototype.put = g.rxrPut.original;
    const { calls, failed } = g.rxrPut;
    delete g.rxrPut;
    return { calls, failed };
  });
}

/** Every store of the extension's database: its keys and a SHA-256 of its records, read in the worker. */
async function dbDigest(worker: Worker): Promise<Record<string, { count: number; sha: string }>> {
  return worker.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const out: Record<string, { count: number; sha: string }> = {};
    try {
      for (const store of [...db.objectStoreNames].sort()) {
        const tx = db.transaction(store, 'readonly');
        const all = await new Promise<[IDBValidKey[], unknown[]]>((resolve, reject) => {
          const keys = tx.objectStore(store).getAllKeys();
          const values = tx.objectStore(store).getAll();
          tx.oncomplete = () => resolve([keys.result, values.result]);
          tx.onerror = () => reject(tx.error);
        });
        const bytes = new TextEncoder().encode(JSON.stringify(all));
        const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
        out[store] = { count: all[0].length, sha: Array.from(hash, (b) => b.toString(16).padStart(2, '0')).join('') };
      }
    } finally {
      db.close();
    }
    return out;
  }, DB_NAME);
}

/** What the user can see and take away: the listed sources, the export (without its date), and every record. */
async function snapshot() {
  const list = await request<Listed>(ext, 'sources:list', {});
  const { json } = await request<{ json: string }>(ext, 'sources:export', {});
  const { exportedAt: _date, ...file } = JSON.parse(json) as { exportedAt: string };
  return { list, file, db: await dbDigest(s.worker) };
}

function expectStorageFull(reply: Reply): void {
  expect(reply.ok).toBe(false);
  if (reply.ok) return;
  expect(reply.error.code).toBe('storage-full');
  // Plain words for a person: no exception names, stack or code.
  expect(reply.error.message).toMatch(/no room left/);
  expect(reply.error.message).not.toMatch(/DOMException|QuotaExceeded|Error|at \w+ \(|\n/);
}

// Not here yet: the same for `sources:reset`. It fails today: resetToBundled (lib/store/sources.ts)
// removes each user source in its own transaction before seedCorpus (lib/store/seed.ts) runs its own,
// and seedCorpus does not abort its transaction when a write throws, so a fault there leaves the
// user's sources deleted and the bundled articles and statements gone (measured: 0 of 143 statements).
describe('Chromium: storage faults roll back whole', () => {
  it('an import whose transaction fails part-way (quota) changes nothing; without the fault it imports', async () => {
    // State before: one user source and a renamed outlet.
    await request(ext, 'source:add', { name: 'Kept notes', text: ON_TOPIC_TEXT });
    await request(ext, 'source:update', { id: 'unattributed-wire', name: 'Wire Kept' });
    // The file to import: two more user sources, exported, then removed again.
    const extra = [
      await request<{ source: { id: string } }>(ext, 'source:add', {
        name: 'Imported one',
        text: ON_TOPIC_TEXT.replace('Riyadh', 'Riyadh, Saudi Arabia'),
      }),
      await request<{ source: { id: string } }>(ext, 'source:add', {
        name: 'Imported two',
        text: ON_TOPIC_TEXT.replace('useful', 'very useful'),
      }),
    ];
    const { json } = await request<{ json: string }>(ext, 'sources:export', {});
    for (const x of extra) await request(ext, 'source:remove', { id: x.source.id });

    const before = await snapshot();
    expect(before.list.sources.filter((x) => x.origin === 'user').map((x) => x.name)).toEqual(['Kept notes']);

    for (const failAt of [1, 4, 12]) {
      await injectQuotaFault(s.worker, failAt);
      let reply: Reply;
      try {
        reply = await send('sources:import', { json });
      } finally {
        const seen = await restorePut(s.worker);
        expect(seen.failed, `the fault at put ${failAt} fired`).toBe(true);
      }
      expectStorageFull(reply);
      expect(await snapshot(), `after a fault at put ${failAt}`).toEqual(before);
    }

    // The same file imports once the disk has room: the rollback above was not a no-op.
    const ok = await send('sources:import', { json });
    expect(ok.ok).toBe(true);
    const after = await request<Listed>(ext, 'sources:list', {});
    expect(
      after.sources
        .filter((x) => x.origin === 'user')
        .map((x) => x.name)
        .sort(),
    ).toEqual(['Imported one', 'Imported two', 'Kept notes']);
  });

  it('a reset whose transaction fails part-way (quota) changes nothing; without the fault it resets', async () => {
    const before = await snapshot();
    expect(before.list.sources.some((x) => x.origin === 'user')).toBe(true);
    expect(before.list.sources.find((x) => x.id === 'unattributed-wire')?.name).toBe('Wire Kept');

    for (const failAt of [1, 3]) {
      await injectQuotaFault(s.worker, failAt);
      let reply: Reply;
      try {
        reply = await send('sources:reset', {});
      } finally {
        const seen = await restorePut(s.worker);
        expect(seen.failed, `the fault at put ${failAt} fired`).toBe(true);
      }
      expectStorageFull(reply);
      expect(await snapshot(), `after a fault at put ${failAt}`).toEqual(before);
    }

    expect((await send('sources:reset', {})).ok).toBe(true);
    const after = await request<Listed>(ext, 'sources:list', {});
    expect(after.sources.some((x) => x.origin === 'user')).toBe(false);
    expect(after.sources.find((x) => x.id === 'unattributed-wire')?.name).not.toBe('Wire Kept');
  });
});
