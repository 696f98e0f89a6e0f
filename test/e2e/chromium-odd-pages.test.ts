// Odd pages in Debian's Chromium with the built extension: a single 5 MB paragraph, a page with no
// text, a frameset, a page that rewrites its body every 100 ms, a page that throws in its own scripts,
// a page in windows-1252. The page stays responsive, no main-thread task in which the extension's
// scripts ran lasts 50 ms or more (from a DevTools trace of the page's renderer: test/e2e/long-tasks.ts),
// and the extension ends in a sensible state for each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, waitFor, type ChromiumSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { ODD_ROUTES } from './odd-pages';
import { openInNewTab, storedTabState, tabIds } from './e2e-helpers';
import { TaskTracer, longest, type TaskTimes } from './long-tasks';

/** Responsive: a trivial script in the page answers quickly. */
async function responsiveMs(page: Page): Promise<number> {
  const t0 = Date.now();
  await page.evaluate(() => 1);
  return Date.now() - t0;
}

let s: ChromiumSession;
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer(0, ODD_ROUTES);
  s = await launchChromium();
}, 90_000);

afterAll(async () => {
  await s?.close();
  await server?.close();
});

/** Opens the page with a trace running, waits for the extension to settle on it, and splits the page's tasks by whose code ran. */
async function visit(path: string, settled: (state: { state: string } | undefined) => boolean, settleMs = 20_000) {
  const url = `${server.url}${path}`;
  const before = new Set(await tabIds(s.worker));
  const page = await s.context.newPage();
  const tabId = await waitFor(async () => (await tabIds(s.worker)).find((id) => !before.has(id)) ?? 0, `new tab for ${url}`);
  const tracer = new TaskTracer();
  await tracer.start(page);
  await page.goto(url);
  const state = await waitFor(
    async () => {
      const st = await storedTabState(s.worker, tabId);
      return settled(st) ? (st ?? { state: 'none' }) : null;
    },
    `settled state on ${path}`,
    settleMs,
  );
  // A little longer, so anything the extension still does on the page is in the trace.
  await page.waitForTimeout(1500);
  const responsive = await responsiveMs(page);
  const tasks = await tracer.stop(url);
  console.log(
    `odd pages: ${path}: longest task with the extension's scripts ${longest(tasks.ours)} ms (${tasks.ours.length} tasks), page's ${longest(tasks.page)} ms, other ${longest(tasks.other)} ms; responsive in ${responsive} ms; ${JSON.stringify(tasks.oursLongest)}`,
  );
  return { page, tabId, state, tasks, responsive };
}

/**
 * Visits the page up to three times, until a visit has no task of the extension's of 50 ms or more:
 * this shared 2-core machine stalls now and then, and a stall shows up in whatever task it hits. A
 * task that is long by itself is long in every visit.
 */
async function visitSteady(path: string, settled: (state: { state: string } | undefined) => boolean, settleMs = 20_000) {
  let r = await visit(path, settled, settleMs);
  for (let i = 1; i < 3 && longest(r.tasks.ours) >= 50; i++) {
    await r.page.close();
    r = await visit(path, settled, settleMs);
  }
  return r;
}

/** The extension ran on the page, and none of its tasks took 50 ms or more. */
function expectNoLongTaskOfOurs(tasks: TaskTimes) {
  expect(tasks.extensionScripts).toBeGreaterThan(0);
  expect(longest(tasks.ours)).toBeLessThan(50);
}

const results = (st: { state: string } | undefined) => st?.state === 'results';

describe('odd pages (Chromium)', () => {
  it("calibration: the trace sees a long task run in the extension's isolated world, and the probe as the extension's script", async () => {
    const before = new Set(await tabIds(s.worker));
    const page = await s.context.newPage();
    const tabId = await waitFor(async () => (await tabIds(s.worker)).find((id) => !before.has(id)) ?? 0, 'new tab');
    const tracer = new TaskTracer();
    await tracer.start(page);
    const url = `${server.url}/odd/garden`;
    await page.goto(url);
    await page.waitForTimeout(500);
    await s.worker.evaluate(async (id) => {
      await chrome.scripting.executeScript({ target: { tabId: id }, files: ['/probe.js'] });
      await chrome.scripting.executeScript({
        target: { tabId: id },
        func: () => {
          const t = performance.now();
          while (performance.now() - t < 120) {
            /* busy */
          }
        },
      });
    }, tabId);
    await page.waitForTimeout(300);
    const tasks = await tracer.stop(url);
    expect(tasks.extensionScripts).toBeGreaterThan(0);
    expect(Math.max(...tasks.ours, ...tasks.page, ...tasks.other)).toBeGreaterThanOrEqual(100);
    await page.close();
  }, 60_000);

  it('a single 5 MB paragraph: results for the page, the page responsive, no long task of ours', async () => {
    const r = await visitSteady('/odd/huge', results, 40_000);
    expect(r.responsive).toBeLessThan(1000);
    expectNoLongTaskOfOurs(r.tasks);
    await r.page.close();
  }, 90_000);

  it('a page with no text: nothing is matched, nothing breaks', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/odd/empty`);
    await page.waitForTimeout(4000);
    // Its title names the talks, so the gate may take it; there is nothing to match either way.
    const st = (await storedTabState(s.worker, tabId)) as { state: string; report?: { paragraphs: { matches: unknown[] }[] } } | undefined;
    expect(st?.state ?? 'idle').not.toBe('error');
    expect((st?.report?.paragraphs ?? []).flatMap((p) => p.matches)).toEqual([]);
    expect(await page.evaluate(() => document.body.childElementCount)).toBe(0);
    expect(await responsiveMs(page)).toBeLessThan(1000);
    await page.close();
  }, 60_000);

  it('a frameset: the page keeps its frames, the extension does not fail', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/odd/frameset`);
    await page.waitForTimeout(4000);
    expect(page.frames().length).toBe(3);
    const st = await storedTabState(s.worker, tabId);
    expect(st?.state ?? 'idle').not.toBe('error');
    await page.close();
  }, 60_000);

  it('a page that rewrites its body every 100 ms: results, the page keeps rewriting, no long task of ours', async () => {
    const r = await visitSteady('/odd/rewriting', results);
    const n1 = await r.page.evaluate(() => document.querySelector('h1')!.textContent);
    await r.page.waitForTimeout(400);
    expect(await r.page.evaluate(() => document.querySelector('h1')!.textContent)).not.toBe(n1);
    expect(r.responsive).toBeLessThan(1000);
    expectNoLongTaskOfOurs(r.tasks);
    await r.page.close();
  }, 90_000);

  it("a page that throws in its own scripts: results all the same, the page's errors stay the page's", async () => {
    const r = await visitSteady('/odd/throwing', results);
    expectNoLongTaskOfOurs(r.tasks);
    await r.page.close();
  }, 90_000);

  it('a windows-1252 page: read as the browser decodes it, quotes and accents intact in the results', async () => {
    const r = await visitSteady('/odd/legacy', results);
    const report = (r.state as unknown as { report: { paragraphs: { text: string }[] } }).report;
    const text = report.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain('“positive, upbeat and constructive”');
    expect(text).toContain('détente');
    expect(text).not.toContain('\uFFFD');
    expectNoLongTaskOfOurs(r.tasks);
    await r.page.close();
  }, 90_000);

  it('an unrelated page next to them stays silent', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/odd/garden`);
    await page.waitForTimeout(3000);
    expect((await storedTabState(s.worker, tabId))?.state ?? 'idle').not.toBe('results');
    await page.close();
  }, 60_000);
});
