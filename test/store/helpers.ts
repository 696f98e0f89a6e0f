// Shared helpers for the store and background tests: fresh fake-indexeddb databases, full dumps,
// copies of the compiled corpus and a few user texts.
import 'fake-indexeddb/auto';
import { wrap } from 'idb';
import { openXrefDb, type Db } from '../../lib/store/schema';
import type { CompiledCorpus } from '../../lib/corpus/compile';
import { loadCompiled } from '../../tools/corpus-files';
import type { EventSignature } from '../../lib/core/signature';
import type { ParseUserText } from '../../lib/store/sources';
import { parseUserText } from '../../lib/corpus/user-text';

let counter = 0;

/** A database name no other test uses. */
export function freshName(prefix = 'xref-test'): string {
  counter++;
  return `${prefix}-${process.pid}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function openFresh(): Promise<Db> {
  return openXrefDb(freshName());
}

/** A deep copy of the compiled corpus, safe to modify. */
export function corpusCopy(): CompiledCorpus {
  return structuredClone(loadCompiled());
}

/**
 * A modified corpus as a later release would ship it: a new version, one statement fewer,
 * one bundled outlet renamed.
 */
export function nextCorpus(): { corpus: CompiledCorpus; droppedStatement: string; renamed: { id: string; name: string } } {
  const corpus = corpusCopy();
  corpus.version = `${corpus.version}-next`;
  const dropped = corpus.statements.find((s) => s.source === 'arab-news')!;
  corpus.statements = corpus.statements.filter((s) => s.id !== dropped.id);
  const src = corpus.sources.find((s) => s.id === 'moscow-times')!;
  src.name = 'The Moscow Times (renamed)';
  return { corpus, droppedStatement: dropped.id, renamed: { id: src.id, name: src.name } };
}

export type Dump = Record<string, [unknown, unknown][]>;

/** Every key and value of every store, stores and keys in order. */
export async function dumpDb(db: Db): Promise<Dump> {
  const out: Dump = {};
  const names = [...db.objectStoreNames].sort() as (typeof db.objectStoreNames)[number][];
  for (const name of names) {
    const tx = db.transaction(name, 'readonly');
    const keys = await tx.store.getAllKeys();
    const values = await tx.store.getAll();
    await tx.done;
    out[name] = keys.map((k, i) => [k, values[i]]);
  }
  return out;
}

/** An on-topic user text, in our own words. */
export const ON_TOPIC_TEXT = [
  'US and Russian delegations meet in Riyadh',
  '',
  'RIYADH: Secretary of State Marco Rubio and Foreign Minister Sergei Lavrov met at Diriyah Palace in Riyadh on 18 February 2025, the first such talks since the invasion of Ukraine.',
  '',
  'The talks lasted about four and a half hours, according to officials on both sides. Mike Waltz and Steve Witkoff joined Rubio, while Yuri Ushakov and Kirill Dmitriev accompanied Lavrov.',
  '',
  'Both sides agreed to restore the staffing of their embassies in Washington and Moscow and to appoint high-level teams to work on ending the war in Ukraine.',
  '',
  'Lavrov said the meeting had been useful, and Rubio said it was a first step toward peace.',
].join('\n');

/** An off-topic user text. */
export const OFF_TOPIC_TEXT = [
  'A slow-cooked lentil soup for winter evenings',
  '',
  'Rinse two cups of red lentils and soften an onion, two carrots and a stick of celery in olive oil for ten minutes.',
  '',
  'Add the lentils, a litre of stock, a pinch of cumin and a bay leaf, then simmer for forty minutes until thick.',
  '',
  'Season with lemon juice and serve with warm flatbread and a spoonful of yoghurt.',
].join('\n');

export type QuotaMode = 'request-error' | 'throw';

/**
 * Makes the `failAt`-th IDBObjectStore.put from now on fail with a QuotaExceededError DOMException.
 * 'request-error': the request fails as browsers report a full disk (error event on the request,
 * which aborts the transaction unless handled). 'throw': put throws synchronously inside the transaction.
 * Returns a restore function and the number of puts seen.
 */
export function failPutWithQuota(
  failAt: number,
  mode: QuotaMode = 'request-error',
): { restore: () => void; calls: () => number; failed: () => boolean } {
  const proto = (globalThis as unknown as { IDBObjectStore: { prototype: Record<string, unknown> } }).IDBObjectStore.prototype;
  const original = proto.put as (...args: unknown[]) => unknown;
  let calls = 0;
  let failed = false;
  const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  proto.put = function (
    this: { transaction: { _execRequestAsync(o: { operation: () => unknown; source: unknown }): unknown } },
    ...args: unknown[]
  ) {
    calls++;
    if (calls === failAt) {
      failed = true;
      if (mode === 'throw') throw quota();
      // The failed request aborts the transaction, so idb's `tx.done` rejects; lib/store never awaits
      // it once a put has rejected, which Node reports as an unhandled rejection (AbortError).
      // Mark it handled here so the run reports assertions, not that (see the report).
      void (wrap(this.transaction as unknown as IDBTransaction) as unknown as { done: Promise<void> }).done.catch(() => {});
      return this.transaction._execRequestAsync({
        operation: () => {
          throw quota();
        },
        source: this,
      });
    }
    return original.apply(this, args);
  };
  return {
    restore: () => {
      proto.put = original;
    },
    calls: () => calls,
    failed: () => failed,
  };
}

/** How the background reads a user's text (lib/corpus/user-text.ts with the corpus's signature), as the store functions take it. */
export function readerFor(signature: EventSignature): ParseUserText {
  return async (id, doc) => parseUserText(id, doc, signature);
}
