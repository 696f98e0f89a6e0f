// Concurrency in Chromium with the built extension: twenty coverage pages opened at once each get
// their own report (the one the pipeline gives that page in Node, tools/page-pipeline.ts); the
// options page open twice, both editing sources at the same time, loses nothing, and each page
// shows the other's changes without a reload (lib/browser/changes.ts events).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, tabIdOf, waitFor, type ChromiumSession } from './harness';
import { extensionPage, request, storedTabState } from './e2e-helpers';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { crossReferenceHtml } from '../../tools/page-pipeline';
import type { XrefReport } from '../../lib/core/report';
import { DB_NAME, SCHEMA_VERSION } from '../../lib/store/schema';

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

/** What must be the same in the browser and in Node: title, outlet, and per paragraph its text and matches. */
function essence(r: XrefReport) {
  return {
    title: r.title,
    isCoverage: r.coverage.isCoverage,
    self: r.self?.sourceId ?? null,
    paragraphs: r.paragraphs.map((p) => ({
      index: p.index,
      text: p.text,
      matches: p.matches.map((m) => `${m.stance} ${m.statementId ?? m.statement}`).sort(),
    })),
  };
}

type Listed = { sources: { id: string; name: string; origin: string; enabled: boolean; statements: number }[] };

const NOTES_A = [
  'Notes from the first window',
  '',
  'Marco Rubio and Sergei Lavrov met at Diriyah Palace in Riyadh on 18 February 2025, with Mike Waltz and Steve Witkoff at the table.',
  '',
  'The talks lasted about four and a half hours and both sides agreed to restore embassy staffing.',
].join('\n');
const NOTES_B = [
  'Notes from the second window',
  '',
  'Yuri Ushakov said after the Riyadh meeting that no date had been set for a summit between Trump and Putin.',
  '',
  'Kirill Dmitriev said the talks at Diriyah Palace had been constructive and that economic ties could be discussed later.',
].join('\n');

async function addText(page: Page, name: string, text: string): Promise<void> {
  await page.locator('form.add input').first().fill(name);
  await page.locator('form.add textarea').fill(text);
  await page.locator('form.add button[type="submit"]').click();
}

describe('Chromium: concurrency', () => {
  it('20 coverage tabs opened at once each reach results with their own page’s report', async () => {
    const candidates = server.pages.filter((p) => p.kind === 'corpus' || p.kind === 'test');
    const chosen: { url: string; expected: XrefReport }[] = [];
    for (const p of candidates) {
      if (chosen.length === 20) break;
      const url = `${server.url}${p.path}`;
      const expected = crossReferenceHtml(p.html(), url);
      if (expected.coverage.isCoverage && expected.paragraphs.some((x) => x.matches.length)) chosen.push({ url, expected });
    }
    expect(chosen).toHaveLength(20);
    expect(chosen.filter((c) => c.expected.self).length).toBeGreaterThanOrEqual(4);

    const started = Date.now();
    const pages = await Promise.all(chosen.map(() => s.context.newPage()));
    await Promise.all(pages.map((page, i) => page.goto(chosen[i]!.url)));
    const tabIds = await Promise.all(chosen.map((c) => tabIdOf(s.worker, c.url)));
    expect(new Set(tabIds).size).toBe(20);

    const states = await Promise.all(
      tabIds.map((id, i) =>
        waitFor(
          async () => {
            const st = await storedTabState(s.worker, id);
            if (st && st.state !== 'results' && st.state !== 'working' && st.state !== 'idle')
              throw new Error(`${chosen[i]!.url}: ${st.state} ${JSON.stringify(st).slice(0, 300)}`);
            return st?.state === 'results' ? (st as unknown as { url: string; report: XrefReport }) : null;
          },
          `results in ${chosen[i]!.url}`,
          60_000,
          250,
        ),
      ),
    );
    console.log(`20 tabs: all results ${Date.now() - started} ms after opening`);

    for (const [i, st] of states.entries()) {
      const { url, expected } = chosen[i]!;
      expect(st.url.split('#')[0], url).toBe(url);
      const got = st.report;
      expect(got.title, url).toBe(expected.title);
      expect(got.paragraphs.length, url).toBe(expected.paragraphs.length);
      // The page's own outlet is never listed against it.
      if (expected.self) {
        expect(got.self?.sourceId, url).toBe(expected.self.sourceId);
        expect(
          got.paragraphs.flatMap((p) => p.matches).some((m) => m.sourceId === expected.self!.sourceId),
          url,
        ).toBe(false);
      }
      expect(essence(got), url).toEqual(essence(expected));
    }
    await Promise.all(pages.map((p) => p.close()));
  });

  it('the options page open twice, both editing sources at once: nothing is lost, each shows the other’s change', async () => {
    const [a, b] = await Promise.all([extensionPage(s), extensionPage(s)]);
    await Promise.all([a.waitForSelector('[data-state="ready"]'), b.waitForSelector('[data-state="ready"]')]);
    const before = await request<Listed>(a, 'sources:list', {});
    expect(before.sources.find((x) => x.id === 'post-truth')?.enabled).toBe(true);
    // A mark in each page's window: gone if the page reloaded.
    for (const page of [a, b]) await page.evaluate(() => ((window as unknown as { rxrMark: number }).rxrMark = 1));

    // Window A renames the unattributed report and adds a text; window B disables an outlet and adds
    // another text: the two series run at the same time.
    await Promise.all([
      (async () => {
        await a.locator('[data-source="unattributed-wire"] button', { hasText: 'Rename' }).click();
        await a.locator('[data-source="unattributed-wire"] form.rename input').fill('Wire From A');
        await a.locator('[data-source="unattributed-wire"] form.rename button[type="submit"]').click();
        await addText(a, 'Notes A', NOTES_A);
      })(),
      (async () => {
        await b.locator('[data-source="post-truth"] input[type="checkbox"]').uncheck();
        await addText(b, 'Notes B', NOTES_B);
      })(),
    ]);

    // The background holds every change.
    const after = await waitFor(async () => {
      const l = await request<Listed>(a, 'sources:list', {});
      return l.sources.filter((x) => x.origin === 'user').length === 2 ? l : null;
    }, 'both added sources listed');
    expect(after.sources.find((x) => x.id === 'unattributed-wire')?.name).toBe('Wire From A');
    expect(after.sources.find((x) => x.id === 'post-truth')?.enabled).toBe(false);
    const users = after.sources.filter((x) => x.origin === 'user');
    expect(users.map((x) => x.name).sort()).toEqual(['Notes A', 'Notes B']);
    for (const u of users) expect(u.statements, u.name).toBeGreaterThan(0);
    expect(after.sources.length).toBe(before.sources.length + 2);
    // Everything else unchanged.
    for (const x of before.sources)
      if (x.id !== 'unattributed-wire' && x.id !== 'post-truth')
        expect(
          after.sources.find((y) => y.id === x.id),
          x.id,
        ).toEqual(x);

    // Each page shows the other's change without a reload (and its own).
    const idOf = (name: string) => users.find((u) => u.name === name)!.id;
    for (const page of [a, b]) {
      await waitFor(
        async () => ((await page.locator('[data-source="unattributed-wire"] h3').textContent()) ?? '').includes('Wire From A'),
        'the rename shown',
      );
      await waitFor(
        async () => !(await page.locator('[data-source="post-truth"] input[type="checkbox"]').isChecked()),
        'the switch off shown',
      );
      await waitFor(async () => (await page.locator(`[data-source="${idOf('Notes A')}"]`).count()) === 1, 'Notes A shown');
      await waitFor(async () => (await page.locator(`[data-source="${idOf('Notes B')}"]`).count()) === 1, 'Notes B shown');
      expect(await page.locator('li.source').count()).toBe(after.sources.length);
    }
    // No reload happened: each page is still the document it was.
    for (const page of [a, b]) expect(await page.evaluate(() => (window as unknown as { rxrMark?: number }).rxrMark)).toBe(1);
    await a.close();
    await b.close();
  });

  it('an upgrade asked by another extension page is not blocked by the background’s open database, which opens again after', async () => {
    const ext = await extensionPage(s);
    const before = await request<Listed>(ext, 'sources:list', {}); // the background's connection is open
    // This page asks for the next schema version (as an updated extension's page would); its upgrade
    // is then aborted, so the database stays as it was. The background's connection must have closed
    // itself (versionchange), or the request is blocked.
    const outcome = await ext.evaluate(
      ([name, version]) =>
        new Promise<string>((resolve) => {
          const events: string[] = [];
          const open = indexedDB.open(name, version);
          open.onblocked = () => events.push('blocked');
          open.onupgradeneeded = () => {
            events.push('upgrade');
            open.transaction!.abort();
          };
          open.onerror = () => resolve([...events, 'aborted'].join(' '));
          open.onsuccess = () => {
            open.result.close();
            resolve([...events, 'opened'].join(' '));
          };
          setTimeout(() => resolve([...events, 'stuck'].join(' ')), 5000);
        }),
      [DB_NAME, SCHEMA_VERSION + 1] as const,
    );
    expect(outcome).toBe('upgrade aborted');
    // The background opens the database again: it lists everything and writes.
    expect(await request<Listed>(ext, 'sources:list', {})).toEqual(before);
    await request(ext, 'source:update', { id: 'moscow-times', name: 'After The Upgrade' });
    expect((await request<Listed>(ext, 'sources:list', {})).sources.find((x) => x.id === 'moscow-times')?.name).toBe('After The Upgrade');
    await ext.close();
  });
});
