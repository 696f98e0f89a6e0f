// The built Chrome extension in Debian's Chromium: the worker answers typed messages, fills
// IndexedDB from the shipped corpus, the gate runs on a local page, the popup and options render.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, tabIdOf, badgeText, screenshot, openPopup, waitFor, type ChromiumSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { loadCompiled } from '../../tools/corpus-files';

let s: ChromiumSession;
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
  s = await launchChromium();
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

describe('Chromium: foundation', () => {
  it('answers a typed ping with the seeded corpus version', async () => {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    const reply = await waitFor(
      () =>
        page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', data: {} })) as Promise<{
          ok: boolean;
          data: { corpus: { version: string | null; statements: number } };
        }>,
      'ping',
    );
    expect(reply.ok).toBe(true);
    await waitFor(
      async () =>
        (
          (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', data: {} }))) as {
            data: { corpus: { version: string | null } };
          }
        ).data.corpus.version,
      'seeded corpus',
    );
    const again = (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ping', data: {} }))) as typeof reply;
    expect(again.data.corpus.version).toBe(loadCompiled().version);
    expect(again.data.corpus.statements).toBe(loadCompiled().statements.length);
    await page.close();
  });

  it('fills IndexedDB from the shipped index, readable from the worker', async () => {
    const counts = await waitFor(
      () =>
        s.worker.evaluate(
          () =>
            new Promise<Record<string, number> | null>((resolve, reject) => {
              const req = indexedDB.open('riyadh-cross-ref');
              req.onerror = () => reject(req.error);
              req.onsuccess = () => {
                const db = req.result;
                const names = ['sources', 'articles', 'statements'];
                if (!names.every((n) => db.objectStoreNames.contains(n))) {
                  db.close();
                  resolve(null);
                  return;
                }
                const tx = db.transaction(names, 'readonly');
                const out: Record<string, number> = {};
                for (const n of names) {
                  const c = tx.objectStore(n).count();
                  c.onsuccess = () => {
                    out[n] = c.result;
                  };
                }
                tx.oncomplete = () => {
                  db.close();
                  resolve(out.statements ? out : null);
                };
              };
            }),
        ),
      'IndexedDB seeded',
    );
    const corpus = loadCompiled();
    expect(counts).toEqual({ sources: corpus.sources.length, articles: corpus.articles.length, statements: corpus.statements.length });
  });

  it('runs the gate on a local coverage page and sets the badge', async () => {
    const page = await s.context.newPage();
    const url = `${server.url}/corpus/moscow-times.html`;
    await page.goto(url);
    const tabId = await tabIdOf(s.worker, url);
    const text = await waitFor(async () => {
      const b = await badgeText(s.worker, tabId);
      return /^\d+$/.test(b) ? b : '';
    }, 'numeric badge');
    expect(Number(text)).toBeGreaterThan(0);
    await screenshot(page, 'chromium-page-with-markers');
    const popup = await openPopup(s, tabId);
    await popup.waitForSelector('[data-state="results"]');
    expect(await popup.locator('[data-paragraph]').count()).toBeGreaterThan(0);
    await screenshot(popup, 'chromium-popup');
    await popup.close();
    await page.close();
  });

  it('renders the options page with every bundled source', async () => {
    const page = await s.context.newPage();
    await page.goto(`chrome-extension://${s.extensionId}/options.html`);
    await page.waitForSelector('[data-state="ready"]');
    const ids = await page.locator('li.source').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
    expect(ids).toEqual(loadCompiled().sources.map((x) => x.id));
    await screenshot(page, 'chromium-options');
    await page.close();
  });
});
