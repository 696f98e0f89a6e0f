// Shared helpers of the Firefox ESR browser tests (puppeteer-core): the extension's API as an
// extension page sees it, waiting for the seeded corpus, a tab's id by URL and its stored state.
import type { Page } from 'puppeteer-core';
import { waitFor } from './harness';

export type FirefoxApi = {
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: { getBadgeText(d: { tabId: number }): Promise<string>; getBadgeBackgroundColor(d: { tabId: number }): Promise<number[]> };
  storage: { session?: { get(k: string): Promise<Record<string, unknown>> }; local: { get(k: string): Promise<Record<string, unknown>> } };
  runtime: { sendMessage(m: unknown): Promise<unknown> };
};

/** A tab's state as the background keeps it. */
export type StoredTab = { state: string; report?: { paragraphs: { text: string; matches: unknown[] }[] } };

/** Waits until the background answers `ping` with a seeded corpus. */
export async function waitForSeeded(ext: Page): Promise<void> {
  await waitFor(
    async () => {
      const r = (await ext.evaluate(() =>
        (globalThis as unknown as { browser: FirefoxApi }).browser.runtime.sendMessage({ type: 'ping', data: {} }),
      )) as { ok: boolean; data?: { corpus: { version: string | null } } };
      return r.ok && r.data?.corpus.version;
    },
    'seeded corpus in Firefox',
    30_000,
  );
}

/** The id of the tab showing `url`. */
export function firefoxTabIdOf(ext: Page, url: string): Promise<number> {
  return waitFor(
    () =>
      ext.evaluate(
        async (u) => (await (globalThis as unknown as { browser: FirefoxApi }).browser.tabs.query({})).find((t) => t.url === u)?.id ?? 0,
        url,
      ),
    `tab of ${url}`,
  );
}

/** The tab's state as the background stored it (session storage, else local), or null. */
export function firefoxTabState(ext: Page, tabId: number): Promise<StoredTab | null> {
  return ext.evaluate(async (id) => {
    const api = (globalThis as unknown as { browser: FirefoxApi }).browser;
    const area = api.storage.session ?? api.storage.local;
    return ((await area.get(`tab:${id}`))[`tab:${id}`] as StoredTab | undefined) ?? null;
  }, tabId);
}
