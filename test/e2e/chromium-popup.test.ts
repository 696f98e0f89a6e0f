// The popup in Debian's Chromium with the built extension, opened as the toolbar would for a tab
// (chrome-extension://<id>/popup.html?tab=<id>): every state reached for real, results equal to the
// Node pipeline's (`npm run xref -- --json`), accessibility (axe-core, light and dark), keyboard
// use, filters, a narrow width, and "Show in page".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { join } from 'node:path';
import { launchChromium, screenshot, openPopup, waitFor, badgeText, SHOTS, type ChromiumSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { crossReferenceHtml } from '../../tools/page-pipeline';
import { ROOT } from '../../tools/corpus-files';
import { articlePage, extensionPage, openInNewTab, request, storedTabState, waitForNumericBadge } from './e2e-helpers';

// Coverage-looking (names in the headings, the place, the date) but every paragraph is pure colour.
const EMPTY = articlePage(
  'Lavrov and Rubio in Riyadh: the colours of Diriyah',
  [
    'The walls glowed ochre and saffron, turning amber, then rose, then a pale violet as the light moved.',
    'Turquoise tiles framed a doorway; beside them, a band of deep indigo met a stripe of burnt sienna.',
    'Cream and charcoal alternated along the arcade, and a single crimson banner hung against cobalt.',
    'At dusk the sand had turned copper, the palms were olive and jade, and the sky went from peach to plum.',
  ],
  { lede: '<h2>Ushakov, Waltz and Witkoff at Diriyah Palace in Riyadh, Saudi Arabia</h2>' },
);

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let s: ChromiumSession;
let server: DemoServer;
let ext: Page;
// One coverage tab shared by the read-only popup tests.
let coverage: { page: Page; tabId: number; url: string };

beforeAll(async () => {
  server = await startDemoServer(0, { '/empty.html': EMPTY });
  s = await launchChromium();
  ext = await extensionPage(s);
  await waitFor(
    async () => (await request<{ corpus: { version: string | null } }>(ext, 'ping', {}).catch(() => null))?.corpus.version,
    'seeded corpus',
  );
  // The Moscow Times article: Dmitriev's "not at all" on sanctions relief conflicts with post-truth.
  const url = `${server.url}/corpus/moscow-times.html`;
  const opened = await openInNewTab(s, url);
  await waitForNumericBadge(s.worker, opened.tabId);
  coverage = { ...opened, url };
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

/** Opens the popup for a tab, recording every data-state its root passes through. */
async function openRecordingPopup(tabId: number, width = 400): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width, height: 600 });
  await page.addInitScript(() => {
    const w = window as unknown as { __states: string[] };
    w.__states = [];
    const note = () => {
      const st = document.querySelector('main')?.getAttribute('data-state');
      if (st && w.__states[w.__states.length - 1] !== st) w.__states.push(st);
    };
    new MutationObserver(note).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  await page.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
  return page;
}

/** The full-page screenshot (harness) plus the first screenful, which is what a reader sees of the popup. */
async function shots(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  await page.screenshot({ path: join(SHOTS, `${name}-top.png`) });
}

const statesOf = (popup: Page) => popup.evaluate(() => (window as unknown as { __states: string[] }).__states);

async function resultsPopup(width = 400): Promise<Page> {
  const popup = await openPopup(s, coverage.tabId, width);
  await popup.waitForSelector('main[data-state="results"] li.group');
  return popup;
}

/** (paragraph, source, stance) of every corroborating or conflicting statement the popup lists. */
async function popupTriples(popup: Page): Promise<string[]> {
  return popup.evaluate(() =>
    Array.from(document.querySelectorAll('li.match[data-stance="corroborates"], li.match[data-stance="conflicts"]'))
      .map(
        (li) =>
          `${li.closest('li.group')?.getAttribute('data-paragraph')}|${li.getAttribute('data-source')}|${li.getAttribute('data-stance')}`,
      )
      .sort(),
  );
}

async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.addScriptTag({ path: AXE }).catch(async () => {
    // An extension page's CSP may refuse an inline script tag; evaluate the same source instead.
    const { readFileSync } = await import('node:fs');
    await page.evaluate(readFileSync(AXE, 'utf8'));
  });
  await waitFor(() => page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe === 'object'), 'axe loaded', 5000);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

describe('Chromium: popup', () => {
  it('shows results on a coverage page, with paragraph groups and statements carrying stance and source', async () => {
    const popup = await resultsPopup();
    const groups = await popup.locator('li.group[data-paragraph]').count();
    expect(groups).toBeGreaterThan(0);
    const items = await popup
      .locator('li.match')
      .evaluateAll((els) => els.map((e) => ({ stance: e.getAttribute('data-stance'), source: e.getAttribute('data-source') })));
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) {
      expect(['corroborates', 'conflicts', 'related']).toContain(i.stance);
      expect(i.source).toMatch(/^[a-z0-9-]+$/);
    }
    expect(await popup.locator('[data-testid="summary"]').textContent()).toMatch(/\d+ paragraphs checked/);
    await popup.close();
  });

  it('shows not-coverage on a near miss; "Check this page anyway" goes through working to what the engine says when forced', async () => {
    const url = `${server.url}/near-miss/miss-oman.html`;
    const { page, tabId } = await openInNewTab(s, url);
    await page.waitForLoadState('load');
    const html = await (await fetch(url)).text();
    const plain = crossReferenceHtml(html, url);
    const forced = crossReferenceHtml(html, url, { force: true });
    expect(plain.coverage.isCoverage).toBe(false);
    const expected = forced.paragraphs.some((p) => p.matches.some((m) => m.stance !== 'related')) ? 'results' : 'empty';

    const popup = await openRecordingPopup(tabId);
    await popup.waitForSelector('main[data-state="not-coverage"]');
    expect(await popup.locator('.state-box .detail').textContent()).toBe(plain.coverage.reason);
    await screenshot(popup, 'popup-not-coverage');
    await popup.getByRole('button', { name: 'Check this page anyway' }).click();
    await popup.waitForSelector(`main[data-state="${expected}"]`, { timeout: 15_000 });
    const states = await statesOf(popup);
    expect(states.slice(states.indexOf('not-coverage'))).toEqual(['not-coverage', 'working', expected]);
    expect((await storedTabState(s.worker, tabId))?.state).toBe('results');
    await screenshot(popup, 'popup-forced');
    await popup.close();
    await page.close();
  });

  it('shows an error with a message and a retry button for tabs that cannot be scripted', async () => {
    for (const target of ['chrome://version/', `chrome-extension://${s.extensionId}/options.html`]) {
      const { page, tabId } = await openInNewTab(s, target);
      const popup = await openRecordingPopup(tabId);
      await popup.waitForSelector('main[data-state="error"]', { timeout: 15_000 });
      const box = popup.locator('.error-box');
      expect(await box.getAttribute('role')).toBe('alert');
      const text = (await box.textContent()) ?? '';
      expect(text).toContain('Something went wrong');
      expect(text).toContain('does not let extensions read this page');
      const retry = popup.getByRole('button', { name: 'Try again' });
      await expect(retry.isVisible()).resolves.toBe(true);
      if (target.startsWith('chrome:')) await screenshot(popup, 'popup-error');
      // Retrying cannot succeed either: it comes back to the error, not stuck in working.
      await retry.click();
      await popup.waitForSelector('main[data-state="error"]');
      await popup.waitForTimeout(300);
      expect(await popup.locator('main').getAttribute('data-state')).toBe('error');
      expect(await badgeText(s.worker, tabId)).toBe('!');
      await popup.close();
      await page.close();
    }
  });

  it('shows empty for a page the gate passes but where nothing corroborates or contradicts', async () => {
    const url = `${server.url}/empty.html`;
    // The Node pipeline agrees: coverage, and no corroborating or conflicting statement.
    const report = crossReferenceHtml(EMPTY, url);
    expect(report.coverage.isCoverage).toBe(true);
    expect(report.paragraphs.length).toBeGreaterThan(0);
    expect(report.paragraphs.flatMap((p) => p.matches).filter((m) => m.stance !== 'related')).toEqual([]);

    const { page, tabId } = await openInNewTab(s, url);
    // The gate accepted it: the background holds results for the tab (with nothing in them).
    const state = await waitFor(async () => {
      const st = await storedTabState(s.worker, tabId);
      return st?.state === 'results' ? st : null;
    }, 'results state for the empty page');
    expect(state.state).toBe('results');
    expect(await badgeText(s.worker, tabId)).toBe('');
    const popup = await openRecordingPopup(tabId);
    await popup.waitForSelector('main[data-state="empty"]');
    expect(await popup.locator('.state-box').textContent()).toContain('No other outlet corroborates or contradicts');
    await screenshot(popup, 'popup-empty');
    await popup.close();
    await page.close();
  });

  it('lists exactly the corroborating and conflicting statements `npm run xref -- --json` reports for the page', async () => {
    const html = await (await fetch(coverage.url)).text();
    const report = crossReferenceHtml(html, coverage.url);
    const node = report.paragraphs
      .flatMap((p) => p.matches.filter((m) => m.stance !== 'related').map((m) => `${p.index}|${m.sourceId}|${m.stance}`))
      .sort();
    expect(node.length).toBeGreaterThan(0);
    const popup = await resultsPopup();
    expect(await popupTriples(popup)).toEqual(node);
    // The paragraphs themselves are the same ones, in the same order.
    const stored = (await storedTabState(s.worker, coverage.tabId)) as unknown as {
      report: { paragraphs: { index: number; text: string }[] };
    };
    expect(stored.report.paragraphs.map((p) => p.text)).toEqual(report.paragraphs.map((p) => p.text));
    await popup.close();
  });

  it('passes axe-core on the results view in light and dark and on the overview tab', async () => {
    // Every view is checked before asserting, so one failure does not hide the others.
    const found: Record<string, { id: string; impact: string | null; nodes: string[] }[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await resultsPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.waitForTimeout(100);
      const bg = await popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)');
      found[`results ${scheme}`] = await axeViolations(popup);
      await shots(popup, `popup-${scheme}`);
      await popup.getByRole('tab', { name: 'Overview' }).click();
      await popup.waitForSelector('[data-testid="overview"]');
      found[`overview ${scheme}`] = await axeViolations(popup);
      await shots(popup, scheme === 'light' ? 'popup-overview' : 'popup-overview-dark');
      await popup.close();
    }
    expect(found).toEqual({ 'results light': [], 'overview light': [], 'results dark': [], 'overview dark': [] });
  });

  it('can be used with the keyboard alone: Tab reaches every control in order with a visible focus indicator', async () => {
    const popup = await resultsPopup();
    const errors: string[] = [];
    popup.on('pageerror', (e) => errors.push(e.message));
    // The controls a keyboard user must reach, in document order (links inside closed <details> are not rendered).
    const expected = await popup.evaluate(() => {
      const all = Array.from(document.querySelectorAll('*'));
      return Array.from(
        document.querySelectorAll<HTMLElement>('[role="tab"], .filters select, .filters button, button.show, a.source-link'),
      )
        .filter((e) => e.checkVisibility())
        .map((e) => `${all.indexOf(e)} ${e.tagName} ${(e.textContent ?? '').trim().slice(0, 30)}`);
    });
    expect(expected.length).toBeGreaterThan(10);
    const visited: { id: string; indicator: boolean; inPopup: boolean }[] = [];
    for (let i = 0; i < 400; i++) {
      await popup.keyboard.press('Tab');
      const d = await popup.evaluate(() => {
        const a = document.activeElement as HTMLElement | null;
        if (!a || a === document.body) return null;
        const all = Array.from(document.querySelectorAll('*'));
        const cs = getComputedStyle(a);
        const indicator =
          (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0) || (cs.boxShadow !== 'none' && cs.boxShadow !== '');
        return {
          id: `${all.indexOf(a)} ${a.tagName} ${(a.textContent ?? '').trim().slice(0, 30)}`,
          indicator,
          inPopup: !!a.closest('main.popup'),
        };
      });
      if (!d) break;
      if (visited.length && d.id === visited[0]!.id) break;
      visited.push(d);
    }
    expect(visited.length).toBeGreaterThan(0);
    // Focus starts in the popup: the first Tab lands on its first control, a tab of the tab list.
    expect(visited[0]!.inPopup).toBe(true);
    expect(visited[0]!.id).toBe(expected[0]);
    const missingIndicator = visited.filter((v) => !v.indicator).map((v) => v.id);
    expect(missingIndicator).toEqual([]);
    const wanted = new Set(expected);
    expect(visited.map((v) => v.id).filter((id) => wanted.has(id))).toEqual(expected);

    // Enter on "Overview" switches tabs.
    const overview = popup.getByRole('tab', { name: 'Overview' });
    await overview.focus();
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('[data-testid="overview"]');
    expect(await overview.getAttribute('aria-selected')).toBe('true');
    // Escape is harmless: nothing breaks, the view stays.
    await popup.keyboard.press('Escape');
    await popup.waitForTimeout(200);
    expect(popup.isClosed()).toBe(false);
    expect(await popup.locator('[data-testid="overview"]').count()).toBe(1);
    expect(await popup.locator('main').getAttribute('data-state')).toBe('results');
    expect(errors).toEqual([]);
    await popup.close();
  });

  it('filters by stance and by outlet', async () => {
    const popup = await resultsPopup();
    const stances = () => popup.locator('li.match').evaluateAll((els) => els.map((e) => e.getAttribute('data-stance')));
    const sources = () => popup.locator('li.match').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')));
    const [stanceSelect, outletSelect] = [popup.locator('.filters select').nth(0), popup.locator('.filters select').nth(1)];
    const all = await stances();
    expect(all).toContain('conflicts');
    expect(all).toContain('corroborates');

    await stanceSelect.selectOption({ label: 'Conflicts' });
    const onlyConflicts = await stances();
    expect(onlyConflicts.length).toBeGreaterThan(0);
    expect(new Set(onlyConflicts)).toEqual(new Set(['conflicts']));
    expect(onlyConflicts.length).toBe(all.filter((x) => x === 'conflicts').length);
    // Every remaining group still has something to show.
    expect(await popup.locator('li.group:not(:has(li.match))').count()).toBe(0);

    await stanceSelect.selectOption({ label: 'All' });
    const outlet = await outletSelect.locator('option').nth(1).getAttribute('value');
    expect(outlet).toBeTruthy();
    await outletSelect.selectOption(outlet!);
    const onlyOutlet = await sources();
    expect(onlyOutlet.length).toBeGreaterThan(0);
    expect(new Set(onlyOutlet)).toEqual(new Set([outlet]));
    await popup.close();
  });

  it('is readable at 400 px: no horizontal scrollbar on the results view', async () => {
    const popup = await resultsPopup(400);
    const size = await popup.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
      body: document.body.getBoundingClientRect().width,
    }));
    await shots(popup, 'popup-400px');
    expect(size.scroll).toBeLessThanOrEqual(400);
    await popup.close();
  });

  it('"Show in page" scrolls the page tab to the paragraph', async () => {
    const { page, tabId } = await openInNewTab(s, coverage.url);
    await waitForNumericBadge(s.worker, tabId);
    const stored = (await storedTabState(s.worker, tabId)) as unknown as {
      report: { paragraphs: { index: number; text: string; matches: { stance: string }[] }[] };
    };
    const popup = await openPopup(s, tabId);
    await popup.waitForSelector('main[data-state="results"] li.group');
    // The last group: far down the article.
    const index = Number(await popup.locator('li.group').last().getAttribute('data-paragraph'));
    const text = stored.report.paragraphs.find((p) => p.index === index)!.text;
    const where = () =>
      page.evaluate((t) => {
        const norm = (x: string) => x.replace(/\s+/g, ' ').trim();
        const el = Array.from(document.querySelectorAll('p, li, blockquote')).find((e) => norm(e.textContent ?? '') === t);
        if (!el) return null;
        const r = el.getBoundingClientRect();
        return { scrollY: window.scrollY, top: r.top, bottom: r.bottom, inView: r.top >= 0 && r.bottom <= window.innerHeight };
      }, text);
    const before = await where();
    expect(before).not.toBeNull();
    expect(before!.scrollY).toBe(0);
    expect(before!.inView).toBe(false);
    await popup.locator(`li.group[data-paragraph="${index}"] button.show`).click();
    const after = await waitFor(
      async () => {
        const w = await where();
        return w?.inView ? w : null;
      },
      'paragraph scrolled into view',
      5000,
    );
    expect(after.scrollY).toBeGreaterThan(0);
    await screenshot(page, 'popup-show-in-page');
    if (!popup.isClosed()) await popup.close();
    await page.close();
  });
});
