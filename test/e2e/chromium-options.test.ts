// The options page in Chromium with the built extension: every outlet and article listed, enable /
// disable and rename take effect on the next check, pasted text becomes a source, export → import
// round-trips, a malformed import file is refused with a clear message and changes nothing, and
// reset returns to the bundled corpus.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, screenshot, tabIdOf, waitFor, badgeText, type ChromiumSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { loadCompiled } from '../../tools/corpus-files';

let s: ChromiumSession;
let server: DemoServer;
let options: Page;
const dir = mkdtempSync(join(tmpdir(), 'rxr-options-'));

async function reply<T>(page: Page, type: string, data: unknown): Promise<T> {
  const r = (await page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const)) as {
    ok: boolean;
    data: T;
    error?: { message: string };
  };
  if (!r.ok) throw new Error(r.error?.message);
  return r.data;
}

beforeAll(async () => {
  server = await startDemoServer();
  s = await launchChromium();
  options = await s.context.newPage();
  await options.goto(`chrome-extension://${s.extensionId}/options.html`);
  await options.waitForSelector('[data-state="ready"]');
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

describe('Chromium: options page', () => {
  it('lists every bundled outlet with its articles, the off-topic one marked', async () => {
    const corpus = loadCompiled();
    expect(await options.locator('li.source').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')))).toEqual(
      corpus.sources.map((x) => x.id),
    );
    expect(await options.locator('[data-article]').count()).toBe(corpus.articles.length);
    expect(await options.locator('[data-article].off-topic').count()).toBe(corpus.articles.filter((a) => !a.topic).length);
    await expect(options.locator('[data-source="unattributed-wire"]').textContent()).resolves.toMatch(/Unattributed report/);
  });

  it('disabling an outlet removes its statements from the next check; renaming shows the new name', async () => {
    const page = await s.context.newPage();
    const url = `${server.url}/corpus/arab-news.html`;
    await page.goto(url);
    const tabId = await tabIdOf(s.worker, url);
    await waitFor(async () => /^\d+$/.test(await badgeText(s.worker, tabId)), 'badge');
    const sourcesIn = async () => {
      await reply(options, 'tab:check', { tabId, force: false });
      const done = await waitFor(async () => {
        const st = await reply<{ state: string; report?: { paragraphs: { matches: { sourceId: string; source: string }[] }[] } }>(
          options,
          'tab:get',
          { tabId },
        );
        return st.state === 'results' ? st : null;
      }, 'results');
      return done.report!.paragraphs.flatMap((p) => p.matches);
    };
    expect((await sourcesIn()).some((m) => m.sourceId === 'post-truth')).toBe(true);
    await options.locator('[data-source="post-truth"] input[type="checkbox"]').uncheck();
    await waitFor(
      async () =>
        (await reply<{ sources: { id: string; enabled: boolean }[] }>(options, 'sources:list', {})).sources.find(
          (x) => x.id === 'post-truth',
        )?.enabled === false,
      'disabled',
    );
    expect((await sourcesIn()).some((m) => m.sourceId === 'post-truth')).toBe(false);
    await options.locator('[data-source="post-truth"] input[type="checkbox"]').check();

    await options.locator('[data-source="unattributed-wire"] button', { hasText: 'Rename' }).click();
    await options.locator('[data-source="unattributed-wire"] form.rename input').fill('Wire Service X');
    await options.locator('[data-source="unattributed-wire"] form.rename button[type="submit"]').click();
    await waitFor(
      async () => ((await options.locator('[data-source="unattributed-wire"] h3').textContent()) ?? '').includes('Wire Service X'),
      'renamed',
    );
    expect((await sourcesIn()).filter((m) => m.sourceId === 'unattributed-wire').every((m) => m.source === 'Wire Service X')).toBe(true);
    await page.close();
  });

  it('adds pasted text as a source, exports, refuses a malformed import without change, imports, resets', async () => {
    await options.locator('form.add input').first().fill('My Notes');
    await options
      .locator('form.add textarea')
      .fill(
        'Rubio and Lavrov met in Riyadh on Tuesday.\n\nThe meeting at Diriyah Palace lasted about four and a half hours, officials said, and no date was set for a Trump–Putin summit.',
      );
    await options.locator('form.add button[type="submit"]').click();
    await waitFor(async () => (await options.locator('li.source').count()) === 6, 'a sixth source');
    const added = await reply<{ sources: { id: string; name: string; origin: string; statements: number }[] }>(options, 'sources:list', {});
    const mine = added.sources.find((x) => x.origin === 'user')!;
    expect(mine.name).toBe('My Notes');
    expect(mine.statements).toBeGreaterThan(0);

    const { json } = await reply<{ json: string }>(options, 'sources:export', {});
    const file = join(dir, 'export.json');
    writeFileSync(file, json);
    expect(JSON.parse(readFileSync(file, 'utf8')).user[0].name).toBe('My Notes');

    const before = await reply<unknown>(options, 'sources:list', {});
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"something-else","version":1}');
    await options.locator('.io input[type="file"]').setInputFiles(bad);
    await options.waitForSelector('[role="alert"]');
    expect(await options.locator('[role="alert"]').textContent()).toMatch(/can’t be imported/);
    expect(await reply<unknown>(options, 'sources:list', {})).toEqual(before);
    await screenshot(options, 'options-import-error');

    options.once('dialog', (d) => void d.accept());
    await options.locator('button', { hasText: 'Reset to the bundled corpus' }).click();
    await waitFor(async () => (await options.locator('li.source').count()) === 5, 'reset to five');
    expect((await reply<{ sources: { name: string }[] }>(options, 'sources:list', {})).sources.map((x) => x.name)).toContain(
      'Unattributed report',
    );

    await options.locator('.io input[type="file"]').setInputFiles(file);
    await waitFor(async () => (await options.locator('li.source').count()) === 6, 'imported back');
    const after = await reply<{ sources: { name: string }[] }>(options, 'sources:list', {});
    expect(after.sources.map((x) => x.name)).toContain('My Notes');
    expect(after.sources.map((x) => x.name)).toContain('Wire Service X');
    await screenshot(options, 'options');
  });

  it('settings: in on-demand mode a loaded coverage page is not checked; back in automatic mode it is; no content script is ever registered', async () => {
    const open = async (path: string) => {
      const page = await s.context.newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      return { page, tabId: await tabIdOf(s.worker, page.url()) };
    };
    expect(await s.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await options.locator('input[name="detection"][value="on-demand"]').check();
    await waitFor(
      async () => (await reply<{ detection: string }>(options, 'settings:get', {})).detection === 'on-demand',
      'on-demand saved',
    );
    const quiet = await open('/corpus/moscow-times.html?mode=on-demand');
    // Long enough for the probe (idle after load) and the whole check, which take well under a second here.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await badgeText(s.worker, quiet.tabId)).toBe('');
    await options.locator('input[name="detection"][value="auto"]').check();
    await waitFor(async () => (await reply<{ detection: string }>(options, 'settings:get', {})).detection === 'auto', 'auto saved');
    const checked = await open('/corpus/moscow-times.html?mode=auto');
    await waitFor(async () => /^\d+$/.test(await badgeText(s.worker, checked.tabId)), 'badge in automatic mode');
    expect(await s.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await quiet.page.close();
    await checked.page.close();
  });
});
