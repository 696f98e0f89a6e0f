// The content side and the popup in Debian's Firefox ESR with the built MV2 extension: on a coverage
// page the badge becomes a number (in the conflict colour when the page contradicts other outlets),
// the page gets text-only markers in an open shadow root, and the popup shows the results; on near
// misses and an ordinary page nothing happens.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { launchFirefox, firefoxExtensionPage, waitFor, SHOTS, type FirefoxSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { firefoxTabIdOf, firefoxTabState, waitForSeeded, type FirefoxApi } from './firefox-helpers';

let ff: FirefoxSession;
let server: DemoServer;
let ext: Page;

beforeAll(async () => {
  server = await startDemoServer();
  ff = await launchFirefox();
  ext = await firefoxExtensionPage(ff, '/options.html');
  await waitForSeeded(ext);
});
afterAll(async () => {
  await ff?.close();
  await server?.close();
});

const tabIdOf = (url: string) => firefoxTabIdOf(ext, url);
const badge = (tabId: number) =>
  ext.evaluate((id) => (globalThis as unknown as { browser: FirefoxApi }).browser.browserAction.getBadgeText({ tabId: id }), tabId);
const badgeColour = (tabId: number) =>
  ext.evaluate(
    (id) => (globalThis as unknown as { browser: FirefoxApi }).browser.browserAction.getBadgeBackgroundColor({ tabId: id }),
    tabId,
  );
const storedState = async (tabId: number) => (await firefoxTabState(ext, tabId))?.state ?? null;
const markers = (page: Page) =>
  page.evaluate(() => {
    const hosts = document.querySelectorAll('rxr-markers');
    const root = hosts[0]?.shadowRoot ?? null;
    return {
      hosts: hosts.length,
      shadowOpen: !!root,
      buttons: root
        ? Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-paragraph]')).map((b) => ({
            paragraph: b.dataset.paragraph ?? null,
            stance: b.dataset.stance ?? null,
            tabIndex: b.tabIndex,
            html: b.innerHTML,
          }))
        : [],
    };
  });

describe('Firefox ESR: content script on real pages', () => {
  it('badge, markers and popup results on a coverage page with a contradiction', async () => {
    const page = await ff.browser.newPage();
    const url = `${server.url}/test-pages/cov-04.html`;
    await page.goto(url);
    const tabId = await tabIdOf(url);
    const text = await waitFor(
      async () => {
        const b = await badge(tabId);
        return /^\d+$/.test(b) ? b : '';
      },
      'numeric badge in Firefox',
      30_000,
    );
    expect(Number(text)).toBeGreaterThan(0);
    expect(await badgeColour(tabId)).toEqual([185, 28, 28, 255]);
    const m = await waitFor(async () => {
      const x = await markers(page);
      return x.buttons.length ? x : null;
    }, 'markers in Firefox');
    expect(m.hosts).toBe(1);
    expect(m.shadowOpen).toBe(true);
    expect(m.buttons.length).toBe(Number(text));
    expect(m.buttons.some((b) => b.stance === 'conflicts')).toBe(true);
    for (const b of m.buttons) {
      expect(b.tabIndex).toBe(-1);
      expect(b.html).toMatch(/^<span>(?:✓|!)<\/span>$/);
    }
    expect(await storedState(tabId)).toBe('results');
    // A real mouse click on a marker opens its panel (checked after the popup, so a failure here does not hide the rest).
    const first = m.buttons[0]!.paragraph!;
    const handle = await page.$(`rxr-markers >>> button[data-paragraph="${first}"]`);
    expect(handle).not.toBeNull();
    await handle!.click();
    await new Promise((r) => setTimeout(r, 200));
    const clicked = await page.evaluate(
      (p) => !!document.querySelector('rxr-markers')?.shadowRoot?.querySelector(`.p[data-paragraph="${p}"]`),
      first,
    );
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, 'firefox-content-cov-04.png') as `${string}.png`, fullPage: true });

    const popup = await firefoxExtensionPage(ff, `/popup.html?tab=${tabId}`);
    await popup.waitForSelector('main[data-state="results"] li.group', { timeout: 15_000 });
    const groups = await popup.$$eval('li.group[data-paragraph]', (els) => els.map((e) => e.getAttribute('data-paragraph')));
    expect(groups.length).toBeGreaterThan(0);
    // The popup's groups are the paragraphs the page marks.
    expect(new Set(groups)).toEqual(new Set(m.buttons.map((b) => b.paragraph)));
    const items = await popup.$$eval('li.match', (els) =>
      els.map((e) => ({ stance: e.getAttribute('data-stance'), source: e.getAttribute('data-source') })),
    );
    expect(items.some((i) => i.stance === 'conflicts')).toBe(true);
    for (const i of items) expect(i.source).toMatch(/^[a-z0-9-]+$/);
    await popup.screenshot({ path: join(SHOTS, 'firefox-content-popup.png') as `${string}.png`, fullPage: true });
    // Back to the options page for the next test's requests.
    ext = await firefoxExtensionPage(ff, '/options.html');
    await page.close();
    expect(clicked, 'clicking a marker opens its panel').toBe(true);
  });

  it('nothing on near-miss pages or a plain page', async () => {
    const paths = [...server.pages.filter((p) => p.kind === 'near-miss').map((p) => p.path), '/plain.html'];
    expect(paths.length).toBeGreaterThanOrEqual(10);
    const opened: { path: string; page: Page; tabId: number }[] = [];
    for (const path of paths) {
      const page = await ff.browser.newPage();
      const url = `${server.url}${path}`;
      await page.goto(url, { waitUntil: 'load' });
      opened.push({ path, page, tabId: await tabIdOf(url) });
    }
    // A coverage page opened in the same batch: proof the gate was running meanwhile.
    const control = await ff.browser.newPage();
    const controlUrl = `${server.url}/corpus/moscow-times.html`;
    await control.goto(controlUrl, { waitUntil: 'load' });
    const controlTab = await tabIdOf(controlUrl);
    await new Promise((r) => setTimeout(r, 2000));
    await waitFor(async () => /^\d+$/.test(await badge(controlTab)), 'numeric badge on the control page', 20_000);
    await control.close();
    const seen = [];
    for (const o of opened)
      seen.push({ path: o.path, badge: await badge(o.tabId), hosts: (await markers(o.page)).hosts, state: await storedState(o.tabId) });
    expect(seen).toEqual(paths.map((path) => ({ path, badge: '', hosts: 0, state: expect.not.stringMatching(/^results$/) })));
    for (const o of opened) await o.page.close();
  });
});
