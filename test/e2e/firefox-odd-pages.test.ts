// The odd pages (test/e2e/odd-pages.ts) in Debian's Firefox ESR with the built MV2 extension:
// results where due (a 5 MB paragraph, a body rewritten every 100 ms, a page that throws, a
// windows-1252 page read as Firefox decodes it), no failure on a page with no text or a frameset,
// silence on an unrelated page, and every page still answering its own scripts. (Task lengths are
// measured in Chromium, test/e2e/chromium-odd-pages.test.ts: this harness has no trace of them.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { launchFirefox, firefoxExtensionPage, waitFor, type FirefoxSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { ODD_ROUTES } from './odd-pages';
import { firefoxTabIdOf, firefoxTabState, waitForSeeded } from './firefox-helpers';

let ff: FirefoxSession;
let server: DemoServer;
let ext: Page;

beforeAll(async () => {
  server = await startDemoServer(0, ODD_ROUTES);
  ff = await launchFirefox();
  ext = await firefoxExtensionPage(ff, '/options.html');
  await waitForSeeded(ext);
}, 90_000);
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const tabIdOf = (url: string) => firefoxTabIdOf(ext, url);
const stored = (tabId: number) => firefoxTabState(ext, tabId);

async function open(path: string): Promise<{ page: Page; tabId: number }> {
  const page = await ff.browser.newPage();
  const url = `${server.url}${path}`;
  await page.goto(url);
  return { page, tabId: await tabIdOf(url) };
}

async function responsiveMs(page: Page): Promise<number> {
  const t0 = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - t0;
}

describe('odd pages (Firefox ESR)', () => {
  it.each(['/odd/huge', '/odd/rewriting', '/odd/throwing'])(
    '%s: results, and the page answers',
    async (path) => {
      const { page, tabId } = await open(path);
      const st = await waitFor(
        async () => {
          const s = await stored(tabId);
          return s?.state === 'results' ? s : null;
        },
        `results on ${path}`,
        40_000,
      );
      expect(st.report!.paragraphs.length).toBeGreaterThan(0);
      expect(await responsiveMs(page)).toBeLessThan(1000);
      await page.close();
    },
    90_000,
  );

  it('a windows-1252 page: read as Firefox decodes it, quotes and accents intact', async () => {
    const { page, tabId } = await open('/odd/legacy');
    const st = await waitFor(
      async () => {
        const s = await stored(tabId);
        return s?.state === 'results' ? s : null;
      },
      'results on the windows-1252 page',
      40_000,
    );
    const text = st.report!.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('“positive, upbeat and constructive”');
    expect(text).toContain('détente');
    expect(text).not.toContain('\uFFFD');
    await page.close();
  }, 90_000);

  it('no text, a frameset, an unrelated page: nothing listed, nothing fails', async () => {
    for (const path of ['/odd/empty', '/odd/frameset', '/odd/garden']) {
      const { page, tabId } = await open(path);
      await new Promise((r) => setTimeout(r, 3000));
      const st = await stored(tabId);
      expect(st?.state ?? 'idle', path).not.toBe('error');
      expect(
        (st?.report?.paragraphs ?? []).flatMap((p) => p.matches),
        path,
      ).toEqual([]);
      expect(await responsiveMs(page)).toBeLessThan(1000);
      await page.close();
    }
  }, 90_000);
});
