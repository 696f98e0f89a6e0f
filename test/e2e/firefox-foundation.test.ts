// The built Firefox extension (MV2) in Debian's Firefox ESR: the background answers a typed
// message with the seeded corpus, the gate runs on a local coverage page, popup and options render.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, firefoxExtensionPage, waitFor, SHOTS, type FirefoxSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { loadCompiled } from '../../tools/corpus-files';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

let ff: FirefoxSession;
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
  ff = await launchFirefox();
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

describe('Firefox ESR: foundation', () => {
  it('background answers ping with the seeded corpus', async () => {
    const page = await firefoxExtensionPage(ff, '/options.html');
    const corpus = await waitFor(async () => {
      const r = (await page.evaluate(() =>
        (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({ type: 'ping', data: {} }),
      )) as { ok: boolean; data: { corpus: { version: string | null; statements: number } } };
      return r.ok && r.data.corpus.version ? r.data.corpus : null;
    }, 'seeded corpus in Firefox');
    expect(corpus.version).toBe(loadCompiled().version);
    expect(corpus.statements).toBe(loadCompiled().statements.length);
    await page.waitForSelector('[data-state="ready"]');
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'firefox-options.png') as `${string}.png`, fullPage: true });
  });

  it('gate, extraction and matching run on a coverage page; the popup shows the results', async () => {
    const page = await ff.browser.newPage();
    const url = `${server.url}/corpus/arab-news.html`;
    await page.goto(url);
    const popup = await firefoxExtensionPage(ff, '/options.html');
    const tabId = await waitFor(
      async () =>
        popup.evaluate(async (u) => {
          const api = (globalThis as unknown as { browser: typeof chrome }).browser;
          return (await api.tabs.query({})).find((t) => t.url === u)?.id ?? 0;
        }, url),
      'tab id',
    );
    const badge = await waitFor(async () => {
      const text = (await popup.evaluate(
        (id) =>
          (
            globalThis as unknown as { browser: { browserAction: { getBadgeText(d: { tabId: number }): Promise<string> } } }
          ).browser.browserAction.getBadgeText({ tabId: id }),
        tabId,
      )) as string;
      return /^\d+$/.test(text) ? text : '';
    }, 'numeric badge in Firefox');
    expect(Number(badge)).toBeGreaterThan(0);
    await firefoxExtensionPage(ff, `/popup.html?tab=${tabId}`);
    await popup.waitForSelector('[data-state="results"]', { timeout: 15_000 });
    const groups = await popup.$$('[data-paragraph]');
    expect(groups.length).toBeGreaterThan(0);
    await popup.screenshot({ path: join(SHOTS, 'firefox-popup.png') as `${string}.png`, fullPage: true });
    await page.close();
  });
});
