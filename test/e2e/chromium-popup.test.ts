// The popup in Debian's Chromium with the built extension, opened as the toolbar would for a tab
// (chrome-extension://<id>/popup.html?tab=<id>): every state reached for real, results equal to the
// Node pipeline's (`npm run xref -- --json`), accessibility (axe-core, light and dark), keyboard
// use, filters, a narrow width, and "Show in page"; the forced-check label, the tab list's arrow keys,
// and change events: switching an outlet off updates an open popup without reloading anything, stale
// results offer a re-check, and with every source off the popup says so.
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

// Longer than one page may ask the engine to read (MAX_PAGE_CHARS, 300,000 characters): 100
// distinct paragraphs of about 3,600 characters each, so the last ones are not checked.
const LONG = articlePage(
  'Lavrov and Rubio in Riyadh: a long walk through Diriyah',
  Array.from({ length: 100 }, (_, i) =>
    Array.from(
      { length: 36 },
      (_, j) => `Room ${i + 1}, panel ${j + 1}: the plaster there was ochre and saffron, then amber, rose and violet as the light moved.`,
    ).join(' '),
  ),
  { lede: '<h2>Ushakov, Waltz and Witkoff at Diriyah Palace in Riyadh, Saudi Arabia</h2>' },
);

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let s: ChromiumSession;
let server: DemoServer;
let ext: Page;
// One coverage tab shared by the read-only popup tests.
let coverage: { page: Page; tabId: number; url: string };

beforeAll(async () => {
  server = await startDemoServer(0, { '/empty.html': EMPTY, '/long.html': LONG });
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

/** axe-core's violations on a popup in the light and the dark scheme. */
async function axeBoth(page: Page): Promise<Record<'light' | 'dark', { id: string; impact: string | null; nodes: string[] }[]>> {
  const out = { light: [], dark: [] } as Record<'light' | 'dark', { id: string; impact: string | null; nodes: string[] }[]>;
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.waitForTimeout(100);
    out[scheme] = await axeViolations(page);
  }
  await page.emulateMedia({ colorScheme: 'light' });
  return out;
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
    // Labelled at the top as a check the reader asked for, on a page that is not coverage.
    const note = popup.locator('[data-testid="forced-note"]');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('Checked on request.');
    expect(await note.textContent()).toContain('does not look like coverage');
    const noteTop = await note.evaluate((e) => e.getBoundingClientRect().top);
    const first = popup.locator(expected === 'results' ? '[data-testid="summary"]' : '.state-box').first();
    expect(noteTop).toBeLessThan(await first.evaluate((e) => e.getBoundingClientRect().top));
    await screenshot(popup, 'popup-forced');
    expect(await axeBoth(popup)).toEqual({ light: [], dark: [] });
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
        // One stop for the tab list: the selected tab (the arrow keys move between tabs).
        document.querySelectorAll<HTMLElement>(
          '[role="tab"][aria-selected="true"], .filters select, .filters button, button.show, a.source-link',
        ),
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
        // The innermost block with exactly the paragraph's text (extraction also keeps text blocks that are not <p>).
        const el = Array.from(document.querySelectorAll('p, li, blockquote, div, section'))
          .reverse()
          .find((e) => norm(e.textContent ?? '') === t);
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

describe('Chromium: popup tabs and change events', () => {
  it('the tab list: one tab stop, Left/Right/Home/End move the selection and the focus, each panel labelled by its tab', async () => {
    const popup = await resultsPopup();
    const tabs = popup.getByRole('tab');
    expect(await tabs.count()).toBe(2);
    const [paragraphs, overview] = [popup.getByRole('tab', { name: 'Paragraphs' }), popup.getByRole('tab', { name: 'Overview' })];
    const state = () =>
      popup.evaluate(() => ({
        selected: Array.from(document.querySelectorAll('[role="tab"]')).map((t) => `${t.textContent}:${t.getAttribute('aria-selected')}`),
        tabindex: Array.from(document.querySelectorAll<HTMLElement>('[role="tab"]')).map((t) => t.tabIndex),
        focused: document.activeElement?.textContent ?? '',
        visiblePanel: Array.from(document.querySelectorAll<HTMLElement>('[role="tabpanel"]'))
          .filter((p) => !p.hidden)
          .map((p) => `${p.id}<${document.getElementById(p.getAttribute('aria-labelledby') ?? '')?.textContent}`),
      }));
    expect(await popup.locator('[role="tablist"]').getAttribute('aria-label')).toBe('Views');
    expect(await paragraphs.getAttribute('aria-controls')).toBe('panel-paragraphs');
    expect(await overview.getAttribute('aria-controls')).toBe('panel-overview');
    expect(await state()).toMatchObject({
      selected: ['Paragraphs:true', 'Overview:false'],
      tabindex: [0, -1],
      visiblePanel: ['panel-paragraphs<Paragraphs'],
    });

    await paragraphs.focus();
    await popup.keyboard.press('ArrowRight');
    await popup.waitForSelector('[data-testid="overview"]');
    expect(await state()).toEqual({
      selected: ['Paragraphs:false', 'Overview:true'],
      tabindex: [-1, 0],
      focused: 'Overview',
      visiblePanel: ['panel-overview<Overview'],
    });
    await popup.keyboard.press('ArrowRight'); // wraps round
    expect(await state()).toMatchObject({ selected: ['Paragraphs:true', 'Overview:false'], focused: 'Paragraphs' });
    await popup.keyboard.press('ArrowLeft'); // wraps the other way
    expect(await state()).toMatchObject({ selected: ['Paragraphs:false', 'Overview:true'], focused: 'Overview' });
    await popup.keyboard.press('Home');
    expect(await state()).toMatchObject({ selected: ['Paragraphs:true', 'Overview:false'], focused: 'Paragraphs', tabindex: [0, -1] });
    await popup.keyboard.press('End');
    expect(await state()).toMatchObject({ selected: ['Paragraphs:false', 'Overview:true'], focused: 'Overview', tabindex: [-1, 0] });
    // Tab leaves the tab list for the panel (the unselected tab is not a stop); Shift+Tab comes back to the selected tab.
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('panel-overview');
    await popup.keyboard.press('Shift+Tab');
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toBe('Overview');
    await popup.close();
  });

  it('switching an outlet off updates an open popup and badge without reloading the popup or the page; on again, it is back', async () => {
    const { page, tabId } = await openInNewTab(s, coverage.url);
    await waitForNumericBadge(s.worker, tabId);
    const popup = await openRecordingPopup(tabId);
    await popup.waitForSelector('main[data-state="results"] li.group');
    const listed = await popup
      .locator('li.match[data-stance="corroborates"], li.match[data-stance="conflicts"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-source')!));
    // The outlet with the most listed statements.
    const counts = new Map<string, number>();
    for (const id of listed) counts.set(id, (counts.get(id) ?? 0) + 1);
    const victim = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    expect(await popup.locator(`li.match[data-source="${victim}"]`).count()).toBeGreaterThan(0);
    // Marks that a reload would wipe.
    await popup.evaluate(() => ((window as unknown as { __kept: boolean }).__kept = true));
    await page.evaluate(() => ((window as unknown as { __kept: boolean }).__kept = true));
    const kept = async (p: Page) => p.evaluate(() => (window as unknown as { __kept?: boolean }).__kept === true);

    // What the options page's switch sends.
    await request(ext, 'source:update', { id: victim, enabled: false });
    try {
      await waitFor(
        async () => {
          const st = (await storedTabState(s.worker, tabId)) as { state: string; stale?: boolean } | undefined;
          const shown = await popup.locator(`li.match[data-source="${victim}"]`).count();
          const groups = await popup.locator('main[data-state="results"] li.group').count();
          return st?.state === 'results' && !st.stale && shown === 0 && groups > 0;
        },
        'the popup to drop the switched-off outlet',
        20_000,
      );
      expect(await kept(popup)).toBe(true);
      expect(await kept(page)).toBe(true);
      expect(await popup.locator('[data-testid="stale-note"]').count()).toBe(0);
      const outlets = await popup
        .locator('.filters select')
        .nth(1)
        .locator('option')
        .evaluateAll((o) => o.map((x) => x.getAttribute('value')));
      expect(outlets).not.toContain(victim);
      // The tab was re-checked, not just re-drawn: the popup went through "working" and the badge follows the new results.
      const states = await statesOf(popup);
      expect(states.slice(-2)).toEqual(['working', 'results']);
      const stored = (await storedTabState(s.worker, tabId)) as unknown as {
        report: { paragraphs: { matches: { stance: string; sourceId: string }[] }[] };
      };
      expect(stored.report.paragraphs.flatMap((p) => p.matches).some((m) => m.sourceId === victim)).toBe(false);
      const matched = stored.report.paragraphs.filter((p) => p.matches.some((m) => m.stance !== 'related')).length;
      expect(await waitFor(async () => ((await badgeText(s.worker, tabId)) === String(matched) ? 'ok' : ''), 'badge')).toBe('ok');
      await screenshot(popup, 'popup-after-disabling');
    } finally {
      await request(ext, 'source:update', { id: victim, enabled: true });
    }
    await waitFor(
      async () => (await popup.locator(`li.match[data-source="${victim}"]`).count()) > 0,
      'the outlet back in the popup',
      20_000,
    );
    expect(await kept(popup)).toBe(true);
    expect(await kept(page)).toBe(true);
    await popup.close();
    await page.close();
  });

  it('results older than the sources say so with a one-click re-check', async () => {
    const { page, tabId } = await openInNewTab(s, coverage.url);
    await waitForNumericBadge(s.worker, tabId);
    const popup = await openRecordingPopup(tabId);
    await popup.waitForSelector('main[data-state="results"] li.group');
    // As the background leaves them when a re-check could not run.
    await s.worker.evaluate(async (id) => {
      const key = `tab:${id}`;
      const st = (await chrome.storage.session.get(key))[key] as object;
      await chrome.storage.session.set({ [key]: { ...st, stale: true } });
    }, tabId);
    const note = popup.locator('[data-testid="stale-note"]');
    await note.waitFor();
    expect(await note.textContent()).toContain('Your sources changed since this check.');
    expect(await popup.locator('[role="status"]').first().textContent()).toBe('Your sources changed since this check.');
    await shots(popup, 'popup-stale');
    expect(await axeBoth(popup)).toEqual({ light: [], dark: [] });
    await note.getByRole('button', { name: 'Re-check' }).click();
    await waitFor(
      async () => {
        const st = (await storedTabState(s.worker, tabId)) as { state: string; stale?: boolean } | undefined;
        return st?.state === 'results' && !st.stale && (await note.count()) === 0;
      },
      'fresh results',
      20_000,
    );
    const states = await statesOf(popup);
    expect(states.slice(-2)).toEqual(['working', 'results']);
    await popup.close();
    await page.close();
  });

  it('with every source switched off the popup says so and opens the options page, in both tabs', async () => {
    const popup = await resultsPopup();
    const { sources } = await request<{ sources: { id: string; enabled: boolean }[] }>(ext, 'sources:list', {});
    const on = sources.filter((x) => x.enabled).map((x) => x.id);
    try {
      for (const id of on) await request(ext, 'source:update', { id, enabled: false });
      await popup.waitForSelector('main[data-state="no-sources"]', { timeout: 20_000 });
      const box = popup.locator('[data-testid="no-sources"]');
      expect(await box.textContent()).toContain('Every source is switched off');
      expect(await popup.locator('li.match').count()).toBe(0);
      await shots(popup, 'popup-no-sources');
      await popup.emulateMedia({ colorScheme: 'dark' });
      await screenshot(popup, 'popup-no-sources-dark');
      expect(await axeBoth(popup)).toEqual({ light: [], dark: [] });
      // The overview says the same instead of an empty table.
      await popup.getByRole('tab', { name: 'Overview' }).click();
      expect(await popup.locator('#panel-overview [data-testid="no-sources"]').isVisible()).toBe(true);
      expect(await popup.locator('[data-testid="overview"]').count()).toBe(0);
      await popup.getByRole('tab', { name: 'Paragraphs' }).click();
      // "Choose sources" opens the extension's options page.
      const opened = s.context.waitForEvent('page', { timeout: 10_000 });
      await box.getByRole('button', { name: 'Choose sources' }).click();
      const options = await opened;
      await options.waitForLoadState('domcontentloaded').catch(() => undefined);
      expect(options.url()).toMatch(new RegExp(`chrome-extension://${s.extensionId}/options\\.html|options=${s.extensionId}`));
      await options.close();
    } finally {
      for (const id of on) await request(ext, 'source:update', { id, enabled: true });
    }
    await popup.waitForSelector('main[data-state="results"] li.match', { timeout: 20_000 });
    await popup.close();
  });
});

describe('Chromium: popup overview and skipped paragraphs', () => {
  it('the overview: the page column and a ⚠ cell where the page conflicts with an outlet, a legend in words, the untouched key points folded, labels cut at a word', async () => {
    const popup = await resultsPopup();
    await popup.getByRole('tab', { name: 'Overview' }).click();
    await popup.waitForSelector('[data-testid="overview-grid"]');
    const grid = popup.locator('[data-testid="overview-grid"]');
    // The Moscow Times article conflicts with post-truth on Dmitriev's sanctions relief: a ⚠ cell
    // in that outlet's column of a key point the page touches, said in words to screen readers.
    const clash = grid.locator('td[data-page-conflict="true"]');
    expect(await clash.count()).toBeGreaterThan(0);
    expect(await clash.first().textContent()).toContain('\u26a0');
    expect(await clash.first().locator('.visually-hidden').textContent()).toContain('conflicts with this page');
    expect(await clash.first().getAttribute('title')).toMatch(/^.+: .*conflicts with this page$/);
    expect(await grid.locator('td.page[data-page="conflicts"]').count()).toBeGreaterThan(0);
    // Every row shown is one the page touches; the others are folded, and say how many.
    const pages = await grid.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-page')));
    expect(pages.length).toBeGreaterThan(0);
    expect(pages).not.toContain('none');
    const folded = popup.locator('[data-testid="overview-folded"]');
    const foldedRows = await folded.locator('tbody tr').count();
    expect(foldedRows).toBeGreaterThan(0);
    expect(await folded.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await folded.locator('summary').textContent()).toBe(`${foldedRows} more key points this page does not mention`);
    // The legend says in words what ✓, ⚠ and an empty cell mean.
    const legend = await popup.locator('[data-testid="overview-legend"]').innerText();
    expect(legend).toContain('reports the key point');
    expect(legend).toContain('says otherwise');
    expect(legend).toContain('empty: does not mention it');
    expect(await popup.locator('[data-legend="none"] dt [aria-hidden="true"]').textContent()).toBe('');
    expect(await popup.locator('[data-legend="confirms"] dt [aria-hidden="true"]').textContent()).toBe('\u2713');
    expect(await popup.locator('[data-legend="contradicts"] dt [aria-hidden="true"]').textContent()).toBe('\u26a0');
    // Labels: a cut one ends at a whole word of its claim with "…", and shows the whole claim on keyboard focus.
    await folded.locator('summary').click();
    const labels = await popup.locator('.claim-text').evaluateAll((els) =>
      els.map((e) => ({
        cut: e.classList.contains('cut'),
        full: e.querySelector('.claim-full')?.textContent ?? e.textContent ?? '',
        short: e.querySelector('.claim-short')?.textContent ?? '',
        title: e.getAttribute('title'),
      })),
    );
    expect(labels.length).toBe(pages.length + foldedRows);
    const cut = labels.filter((l) => l.cut);
    expect(cut.length).toBeGreaterThan(0);
    for (const l of cut) {
      expect(l.title).toBe(l.full);
      expect(l.short.endsWith('\u2026')).toBe(true);
      const kept = l.short.slice(0, -1);
      expect(l.full.startsWith(kept)).toBe(true);
      // The next character of the claim after the kept words is not a letter: nothing cut mid-word.
      expect(l.full.slice(kept.length).replace(/^[\s,;:.\u2014-]*/, '')).not.toBe('');
      expect(/[\p{L}\p{N}]/u.test(l.full.charAt(kept.length))).toBe(false);
    }
    const first = popup.locator('.claim-text.cut').first();
    await first.focus();
    expect(await first.locator('.claim-full').isVisible()).toBe(true);
    expect(await first.locator('.claim-short').isVisible()).toBe(false);
    await first.locator('.claim-full').evaluate((e) => e.scrollIntoView({ block: 'center' }));
    await screenshot(popup, 'popup-overview-focus');
    await popup.close();
  });

  it('the overview passes axe-core in light and dark with the key points folded and open', async () => {
    const found: Record<string, { id: string; impact: string | null; nodes: string[] }[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      const popup = await resultsPopup();
      await popup.emulateMedia({ colorScheme: scheme });
      await popup.getByRole('tab', { name: 'Overview' }).click();
      await popup.waitForSelector('[data-testid="overview-grid"]');
      found[`${scheme} folded`] = await axeViolations(popup);
      await popup.screenshot({ path: join(SHOTS, `popup-overview-${scheme}-1.png`) });
      await popup.locator('[data-testid="overview-legend"]').scrollIntoViewIfNeeded();
      await popup.screenshot({ path: join(SHOTS, `popup-overview-${scheme}-2.png`) });
      await popup.locator('[data-testid="overview-folded"] summary').click();
      found[`${scheme} open`] = await axeViolations(popup);
      await popup.screenshot({ path: join(SHOTS, `popup-overview-${scheme}-3.png`) });
      await popup.close();
    }
    expect(found).toEqual({ 'light folded': [], 'light open': [], 'dark folded': [], 'dark open': [] });
  });

  it('a page longer than the engine reads says how many paragraphs were not checked', async () => {
    const url = `${server.url}/long.html`;
    const { page, tabId } = await openInNewTab(s, url);
    let state = await waitFor(
      async () => {
        const st = await storedTabState(s.worker, tabId);
        return st && st.state !== 'working' && st.state !== 'idle' ? st : null;
      },
      'a state for the long page',
      30_000,
    ).catch(() => null);
    const popup = await openRecordingPopup(tabId);
    if (state?.state !== 'results') {
      // The gate did not take it: check it on demand, as a reader would.
      await popup.waitForSelector('main[data-state="not-coverage"] button.primary, main[data-state="working"]', { timeout: 30_000 });
      const anyway = popup.locator('main[data-state="not-coverage"] button.primary');
      if (await anyway.count()) await anyway.click();
    }
    await popup.waitForSelector('main[data-state="results"], main[data-state="empty"]', { timeout: 30_000 });
    state = (await storedTabState(s.worker, tabId))!;
    const report = (state as unknown as { report: { paragraphs: unknown[]; skipped?: number } }).report;
    expect(report.skipped).toBeGreaterThan(0);
    expect(report.paragraphs.length + report.skipped!).toBe(100);
    const note = popup.locator('[data-testid="skipped-note"]');
    expect(await note.textContent()).toBe(
      `${report.skipped} paragraphs of this page were not checked: the page is longer than the extension reads. The first ${report.paragraphs.length} were checked.`,
    );
    expect(await note.isVisible()).toBe(true);
    await screenshot(popup, 'popup-skipped');
    await popup.screenshot({ path: join(SHOTS, 'popup-overview-skipped-top.png') });
    expect(await axeBoth(popup)).toEqual({ light: [], dark: [] });
    // The coverage tab, whose page fits, says nothing of the kind.
    const other = await resultsPopup();
    expect(await other.locator('[data-testid="skipped-note"]').count()).toBe(0);
    await other.close();
    await popup.close();
    await page.close();
  });

  it('"Add this page as a source": the review shows the statements and an editable name; Save adds it under that name', async () => {
    const url = `${server.url}/test-pages/cov-04.html`;
    const { page, tabId } = await openInNewTab(s, url);
    await waitForNumericBadge(s.worker, tabId);
    const popup = await openRecordingPopup(tabId);
    await popup.waitForSelector('main[data-state="results"], main[data-state="empty"]');
    const before = await request<{ sources: { id: string }[] }>(ext, 'sources:list', {});
    await popup.getByRole('button', { name: 'Add this page as a source' }).click();
    const review = popup.locator('[data-testid="add-review"]');
    await review.waitFor();
    const name = review.getByLabel('Outlet name');
    // The site's name: the host without a port.
    expect(await name.inputValue()).toBe('127.0.0.1');
    expect(await name.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await review.locator('[data-testid="add-review-statements"] li').count()).toBeGreaterThan(0);
    expect(await review.locator('[data-testid="add-review-offtopic"]').count()).toBe(0);
    await shots(popup, 'popup-add-page-review');
    expect(await axeBoth(popup)).toEqual({ light: [], dark: [] });
    // Nothing is written by the review.
    expect((await request<{ sources: unknown[] }>(ext, 'sources:list', {})).sources).toHaveLength(before.sources.length);

    await name.fill('My Riyadh Desk');
    await review.getByRole('button', { name: 'Save' }).click();
    const outcome = popup.locator('[data-testid="add-page-outcome"]');
    await outcome.waitFor({ timeout: 20_000 });
    expect(await outcome.getAttribute('role')).toBe('status');
    expect(await outcome.textContent()).toMatch(/^Added “My Riyadh Desk”: \d+ statements?$/);
    const after = await request<{ sources: { id: string; name: string; origin: string; url: string | null }[] }>(ext, 'sources:list', {});
    const added = after.sources.find((x) => x.name === 'My Riyadh Desk');
    expect(added).toMatchObject({ origin: 'user' });
    await shots(popup, 'popup-add-page-saved');
    await request(ext, 'source:remove', { id: added!.id });
    await popup.close();
    await page.close();
  });

  it('"Add this page as a source": Escape and Cancel close the review without adding anything', async () => {
    const url = `${server.url}/test-pages/cov-04.html`;
    const { page, tabId } = await openInNewTab(s, url);
    await waitForNumericBadge(s.worker, tabId);
    const popup = await openRecordingPopup(tabId);
    await popup.waitForSelector('main[data-state="results"], main[data-state="empty"]');
    const before = await request<{ sources: unknown[] }>(ext, 'sources:list', {});
    const open = popup.getByRole('button', { name: 'Add this page as a source' });
    await open.click();
    await popup.locator('[data-testid="add-review"]').waitFor();
    await popup.keyboard.press('Escape');
    await popup.locator('[data-testid="add-review"]').waitFor({ state: 'detached' });
    await waitFor(() => open.evaluate((el) => el === document.activeElement), 'focus back on the button', 5000);
    await open.click();
    await popup.getByRole('button', { name: 'Cancel' }).click();
    await popup.locator('[data-testid="add-review"]').waitFor({ state: 'detached' });
    expect((await request<{ sources: unknown[] }>(ext, 'sources:list', {})).sources).toHaveLength(before.sources.length);
    // The corpus's own article offers no such button.
    const own = await resultsPopup();
    expect(await own.getByRole('button', { name: 'Add this page as a source' }).count()).toBe(0);
    await own.close();
    await popup.close();
    await page.close();
  });
});
