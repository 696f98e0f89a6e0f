// The store's one way to change several records together: a transaction that happens whole or not at all.

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
