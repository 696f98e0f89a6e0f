// The content side on real pages in Debian's Chromium with the built extension: the gate and the
// extractor set the badge and draw the markers on coverage pages, stay silent on near misses, leave
// the page's own text, layout and tab order alone, take markers away when the setting is off, keep
// hostile page text inert, re-run after single-page-app navigation and catch a late article body.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, badgeText, badgeColor, screenshot, openPopup, waitFor, type ChromiumSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import {
  articlePage,
  extensionPage,
  markerInfo,
  openInNewTab,
  request,
  storedTabState,
  UNRELATED,
  waitForNumericBadge,
} from './e2e-helpers';

// ---- extra routes ---------------------------------------------------------------------------

// Payloads as page TEXT (escaped in the HTML source): each would run if any part of the extension
// turned text back into markup.
const IMG = '&lt;img src=x onerror=window.__pwned=1&gt;';
const SCRIPT = '&lt;script&gt;window.__pwned=2&lt;/script&gt;';
const SVG = '&quot;&gt;&lt;svg onload=window.__pwned=3&gt;';
const HOSTILE = articlePage('Lavrov and Rubio meet in Riyadh at Diriyah Palace', [
  `Sergey Lavrov and Marco Rubio met at Diriyah Palace in Riyadh on Tuesday ${IMG} with Yuri Ushakov, Mike Waltz and Steve Witkoff at the table.`,
  `The talks lasted nine hours ${SCRIPT} and covered the restoration of diplomatic ties, future Ukraine peace talks and a summit between Putin and Trump, officials said.`,
  `Witkoff called the meeting positive, upbeat and constructive ${SVG} and said everybody was there to get to the right outcome.`,
  `Ushakov said it was unlikely the presidents would meet as soon as next week ${IMG} while Waltz said it could be arranged in the coming weeks.`,
]);
// A user source whose name and text carry payloads too: its statements are what the marker panel lists.
const HOSTILE_SOURCE = {
  name: 'Evil <img src=x onerror=window.__pwned=4> Wire',
  url: null,
  title: 'Riyadh <svg onload=window.__pwned=6>',
  text:
    'Russian Foreign Minister Sergey Lavrov and US Secretary of State Marco Rubio held talks at Diriyah Palace in Riyadh <img src=x onerror=window.__pwned=5> alongside Yuri Ushakov, Mike Waltz and Steve Witkoff. ' +
    'Steve Witkoff described the meeting as positive, upbeat and constructive <script>window.__pwned=7</script> and said everybody there wanted the right outcome.',
};

// Starts as an unrelated article; after ?delay= ms (default 500) it pushState()s to /spa/riyadh and
// swaps in the <article> of a corpus page; window.__toUnrelated() navigates to an unrelated article again.
const SPA = articlePage('Gardening tips for spring', UNRELATED, {
  bodyEnd: `<script>
window.__spaState = 'unrelated';
var delay = Number(new URLSearchParams(location.search).get('delay') || 500);
setTimeout(async function () {
  var html = await (await fetch('/corpus/post-truth.html')).text();
  var doc = new DOMParser().parseFromString(html, 'text/html');
  history.pushState({}, '', '/spa/riyadh');
  document.title = doc.title;
  document.querySelector('article').innerHTML = doc.querySelector('article').innerHTML;
  window.__spaState = 'coverage';
}, delay);
// Like many frameworks, reuse the article's elements and only swap their text.
window.__toUnrelatedInPlace = function () {
  history.pushState({}, '', '/spa/garden');
  document.title = 'Autumn in the garden';
  var texts = ${JSON.stringify(UNRELATED)};
  document.querySelectorAll('article h1, article h2, article p').forEach(function (el, i) { el.textContent = texts[i % texts.length]; });
  window.__spaState = 'unrelated-again';
};
window.__toUnrelated = function () {
  history.pushState({}, '', '/spa/garden');
  document.title = 'Autumn in the garden';
  document.querySelector('article').innerHTML = '<h1>Autumn in the garden</h1>' + ${JSON.stringify(UNRELATED.map((p) => `<p>${p}</p>`).join(''))};
  window.__spaState = 'unrelated-again';
};
</script>`,
});

// The article body arrives 1.5 s after load.
const LATE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Live updates</title></head>
<body><header><a href="/">Home</a></header><main><article><p class="loading">Loading…</p></article></main>
<script>
window.__inserted = false;
window.addEventListener('load', function () {
  setTimeout(async function () {
    var html = await (await fetch('/corpus/moscow-times.html')).text();
    var doc = new DOMParser().parseFromString(html, 'text/html');
    document.querySelector('article').innerHTML = doc.querySelector('article').innerHTML;
    window.__inserted = true;
  }, 1500);
});
</script></body></html>`;

// ---- session ---------------------------------------------------------------------------------

let s: ChromiumSession;
let server: DemoServer;
let ext: Page;

beforeAll(async () => {
  server = await startDemoServer(0, { '/hostile.html': HOSTILE, '/spa.html': SPA, '/late.html': LATE });
  s = await launchChromium();
  ext = await extensionPage(s);
  await waitFor(
    async () => (await request<{ corpus: { version: string | null } }>(ext, 'ping', {}).catch(() => null))?.corpus.version,
    'seeded corpus',
  );
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

/** What the page looks like to a reader: its text, where its paragraphs are, and focusable things. */
async function pageSnapshot(page: Page): Promise<{ text: string; rects: { top: number; left: number; width: number; height: number }[] }> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    return {
      text: document.body.innerText,
      rects: Array.from(document.querySelectorAll('p')).map((p) => {
        const r = p.getBoundingClientRect();
        return { top: r.top + window.scrollY, left: r.left + window.scrollX, width: r.width, height: r.height };
      }),
    };
  });
}

/** The page's tab order as one cycle of focused elements, starting from the first one reached. */
async function tabCycle(page: Page, max = 80): Promise<string[]> {
  const seq: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const d = await page.evaluate(() => {
      const a = document.activeElement;
      if (!a || a === document.body || a === document.documentElement) return 'BODY';
      if (a.tagName === 'RXR-MARKERS') return `MARKER ${(a.shadowRoot?.activeElement as HTMLElement | null)?.dataset.paragraph ?? '?'}`;
      return `${a.tagName} ${a.getAttribute('href') ?? ''} ${(a.textContent ?? '').trim().slice(0, 40)}`;
    });
    if (d === 'BODY') continue;
    if (seq.length && d === seq[0]) return seq;
    seq.push(d);
  }
  return seq;
}

function rotateTo(cycle: string[], first: string): string[] {
  const i = cycle.indexOf(first);
  return i < 0 ? cycle : [...cycle.slice(i), ...cycle.slice(0, i)];
}

describe('Chromium: content script on real pages', () => {
  it('sets a numeric badge and draws text-only markers on coverage pages; the conflict page gets the conflict colour', async () => {
    for (const path of ['/corpus/arab-news.html', '/test-pages/cov-04.html']) {
      const url = `${server.url}${path}`;
      const { page, tabId } = await openInNewTab(s, url);
      const badge = await waitForNumericBadge(s.worker, tabId);
      expect(Number(badge)).toBeGreaterThan(0);
      const info = await waitFor(async () => {
        const m = await markerInfo(page);
        return m.markers.length ? m : null;
      }, `markers on ${path}`);
      expect(info.hosts).toBe(1);
      expect(info.shadowOpen).toBe(true);
      expect(info.markers.length).toBeGreaterThan(0);
      // One marker per paragraph that the badge counts.
      expect(info.markers.length).toBe(Number(badge));
      for (const m of info.markers) {
        expect(m.paragraph).toMatch(/^\d+$/);
        expect(m.tabIndex).toBe(-1);
        // Text only: one <span> holding a glyph, nothing else.
        expect(m.html).toMatch(/^<span>(?:✓|!)<\/span>$/);
      }
      // The shadow root holds only the style, the buttons and their glyph spans.
      const tags = await page.evaluate(() =>
        Array.from(document.querySelector('rxr-markers')!.shadowRoot!.querySelectorAll('*')).map((e) => e.tagName.toLowerCase()),
      );
      expect(new Set(tags)).toEqual(new Set(['style', 'button', 'span']));
      if (path.includes('cov-04')) {
        expect(info.markers.some((m) => m.stance === 'conflicts')).toBe(true);
        expect(await badgeColor(s.worker, tabId)).toEqual([185, 28, 28, 255]);
        await screenshot(page, 'content-cov-04-markers');
      } else {
        await screenshot(page, 'content-arab-news-markers');
      }
      const state = await storedTabState(s.worker, tabId);
      expect(state?.state).toBe('results');
      await page.close();
    }
  });

  it('leaves the page’s text, layout and tab order unchanged (measured before and after the markers)', async () => {
    // On-demand mode: the gate is not registered, so the page can be measured before anything runs.
    await request(ext, 'settings:set', { detection: 'on-demand' });
    try {
      for (const path of ['/test-pages/cov-04.html', '/corpus/arab-news.html']) {
        const url = `${server.url}${path}`;
        const { page, tabId } = await openInNewTab(s, url);
        await page.waitForLoadState('load');
        await page.waitForTimeout(300);
        expect(await markerInfo(page)).toMatchObject({ hosts: 0 });
        const before = await pageSnapshot(page);
        const tabsBefore = await tabCycle(page);
        expect(tabsBefore.length).toBeGreaterThan(2);
        // Record every change to the page's own DOM from now on.
        await page.evaluate(() => {
          const w = window as unknown as { __mutations: string[] };
          w.__mutations = [];
          new MutationObserver((list) => {
            for (const m of list) {
              if (m.type === 'childList') {
                for (const n of Array.from(m.addedNodes)) w.__mutations.push(`add ${n.nodeName} to ${m.target.nodeName}`);
                for (const n of Array.from(m.removedNodes)) w.__mutations.push(`remove ${n.nodeName} from ${m.target.nodeName}`);
              } else w.__mutations.push(`${m.type} ${m.attributeName ?? ''} on ${m.target.nodeName}`);
            }
          }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        });
        const state = await request<{ state: string }>(ext, 'tab:check', { tabId, force: false });
        expect(['working', 'results']).toContain(state.state);
        await waitForNumericBadge(s.worker, tabId);
        await waitFor(async () => (await markerInfo(page)).markers.length > 0, `markers on ${path}`);
        await page.waitForTimeout(200);
        const after = await pageSnapshot(page);
        expect(after.text).toBe(before.text);
        expect(after.rects.length).toBe(before.rects.length);
        after.rects.forEach((r, i) => {
          const b = before.rects[i]!;
          for (const k of ['top', 'left', 'width', 'height'] as const)
            expect(Math.abs(r[k] - b[k]), `<p> #${i} ${k}`).toBeLessThanOrEqual(0.5);
        });
        const mutations = await page.evaluate(() => (window as unknown as { __mutations: string[] }).__mutations);
        expect(mutations).toEqual(['add RXR-MARKERS to HTML']);
        const tabsAfter = await tabCycle(page);
        expect(tabsAfter.some((d) => d.startsWith('MARKER'))).toBe(false);
        expect(rotateTo(tabsAfter, tabsBefore[0]!)).toEqual(tabsBefore);
        await page.close();
      }
    } finally {
      await request(ext, 'settings:set', { detection: 'auto' });
    }
  });

  it('stays silent on every near-miss page and on a plain page', async () => {
    const paths = [...server.pages.filter((p) => p.kind === 'near-miss').map((p) => p.path), '/plain.html'];
    expect(paths.length).toBeGreaterThanOrEqual(10);
    const opened: { path: string; page: Page; tabId: number }[] = [];
    for (const path of paths) {
      const { page, tabId } = await openInNewTab(s, `${server.url}${path}`);
      await page.waitForLoadState('load');
      opened.push({ path, page, tabId });
    }
    // A coverage page opened in the same batch: proof the gate was running meanwhile.
    const control = await openInNewTab(s, `${server.url}/corpus/moscow-times.html`);
    await new Promise((r) => setTimeout(r, 2000));
    expect(await waitForNumericBadge(s.worker, control.tabId)).toMatch(/^\d+$/);
    await control.page.close();
    const seen = [];
    for (const o of opened) {
      const state = await storedTabState(s.worker, o.tabId);
      seen.push({
        path: o.path,
        badge: await badgeText(s.worker, o.tabId),
        hosts: (await markerInfo(o.page)).hosts,
        state: state?.state ?? null,
      });
    }
    expect(seen).toEqual(paths.map((path) => ({ path, badge: '', hosts: 0, state: expect.not.stringMatching(/^results$/) })));
    for (const o of opened) await o.page.close();
  });

  it('removes the markers entirely when they are turned off, and brings them back (without re-matching) when turned on', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/corpus/asharq-al-awsat.html`);
    await waitForNumericBadge(s.worker, tabId);
    const count = (
      await waitFor(async () => {
        const m = await markerInfo(page);
        return m.markers.length ? m : null;
      }, 'markers')
    ).markers.length;
    const at = (await storedTabState(s.worker, tabId))?.at;
    expect(typeof at).toBe('number');
    try {
      const off = await request<{ markers: boolean }>(ext, 'settings:set', { markers: false });
      expect(off.markers).toBe(false);
      await waitFor(async () => (await markerInfo(page)).hosts === 0, 'markers removed', 5000);
      expect(await page.evaluate(() => document.querySelectorAll('rxr-markers').length)).toBe(0);
      // The results stay: only the markers went.
      expect(await badgeText(s.worker, tabId)).toMatch(/^\d+$/);
      await request(ext, 'settings:set', { markers: true });
      // applySettings(true) redraws from the kept report: markers return at once.
      const back = await waitFor(
        async () => {
          const m = await markerInfo(page);
          return m.markers.length ? m : null;
        },
        'markers back',
        3000,
      );
      expect(back.hosts).toBe(1);
      expect(back.markers.length).toBe(count);
      expect((await storedTabState(s.worker, tabId))?.at).toBe(at);
    } finally {
      await request(ext, 'settings:set', { markers: true });
      await page.close();
    }
  });

  it('draws markers beside the text, never over the page’s words (a page whose paragraphs start 8 px from the edge)', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/test-pages/cov-04.html`);
    await waitForNumericBadge(s.worker, tabId);
    await waitFor(async () => (await markerInfo(page)).markers.length > 0, 'markers');
    await page.waitForTimeout(200);
    const covered = await page.evaluate(() => {
      const root = document.querySelector('rxr-markers')!.shadowRoot!;
      const out: string[] = [];
      for (const b of Array.from(root.querySelectorAll<HTMLElement>('button[data-paragraph]'))) {
        if (b.hidden) continue;
        const m = b.getBoundingClientRect();
        for (const p of Array.from(document.querySelectorAll('p'))) {
          const range = document.createRange();
          range.selectNodeContents(p);
          for (const r of Array.from(range.getClientRects())) {
            const dx = Math.min(m.right, r.right) - Math.max(m.left, r.left);
            const dy = Math.min(m.bottom, r.bottom) - Math.max(m.top, r.top);
            if (dx > 1 && dy > 1)
              out.push(`marker ${b.dataset.paragraph} covers ${dx.toFixed(0)}px of “${(p.textContent ?? '').slice(0, 30)}…”`);
          }
        }
      }
      return [...new Set(out)];
    });
    expect(covered).toEqual([]);
    await page.close();
  });

  it('opens a marker’s panel when the reader clicks the marker', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/test-pages/cov-04.html`);
    await waitForNumericBadge(s.worker, tabId);
    const info = await waitFor(async () => {
      const m = await markerInfo(page);
      return m.markers.length ? m : null;
    }, 'markers');
    const first = info.markers[0]!.paragraph!;
    const marker = page.locator(`rxr-markers button[data-paragraph="${first}"]`);
    await marker.click();
    await page.waitForTimeout(200);
    const opened = await page.evaluate((p) => {
      const root = document.querySelector('rxr-markers')!.shadowRoot!;
      return {
        panel: !!root.querySelector(`.p[data-paragraph="${p}"]`),
        expanded: root.querySelector(`button[data-paragraph="${p}"]`)!.getAttribute('aria-expanded'),
      };
    }, first);
    await screenshot(page, 'content-marker-clicked');
    expect(opened).toEqual({ panel: true, expanded: 'true' });
    await page.close();
  });

  it('keeps hostile page text and hostile source text inert, in the page and in the popup', async () => {
    // The payloads are live: put into a page as markup, they run.
    const probe = await s.context.newPage();
    await probe.setContent('<div id="x"></div>');
    await probe.evaluate((html) => {
      document.getElementById('x')!.innerHTML = html;
    }, '<img src=x onerror=window.__pwned=1>');
    await waitFor(() => probe.evaluate(() => (window as unknown as { __pwned?: number }).__pwned === 1), 'payload sanity check', 3000);
    await probe.close();

    const added = await request<{ source: { id: string } }>(ext, 'source:add', HOSTILE_SOURCE);
    try {
      const { page, tabId } = await openInNewTab(s, `${server.url}/hostile.html`);
      await waitForNumericBadge(s.worker, tabId);
      const info = await waitFor(async () => {
        const m = await markerInfo(page);
        return m.markers.length ? m : null;
      }, 'markers on the hostile page');
      expect(info.markers.some((m) => m.stance === 'conflicts')).toBe(true);
      // Open each marker's panel as the popup's "Show in page" does (it focuses the marker, which
      // opens its panel); the one listing the hostile source shows its payload as text.
      const panels: { paragraph: string; text: string; elements: string[] }[] = [];
      for (const m of info.markers) {
        expect(await request<{ shown: boolean }>(ext, 'tab:show', { tabId, paragraph: Number(m.paragraph) })).toEqual({ shown: true });
        panels.push(
          await page.evaluate((p) => {
            const root = document.querySelector('rxr-markers')!.shadowRoot!;
            const panel = root.querySelector<HTMLElement>(`.p[data-paragraph="${p}"]`);
            return {
              paragraph: p!,
              text: panel?.textContent ?? '',
              elements: Array.from(root.querySelectorAll('img, script, svg, [onerror], [onload]')).map((e) => e.outerHTML),
            };
          }, m.paragraph),
        );
      }
      await page.waitForTimeout(500);
      expect(panels.every((p) => p.text.length > 0)).toBe(true);
      expect(panels.flatMap((p) => p.elements)).toEqual([]);
      expect(panels.some((p) => p.text.includes('<img src=x onerror=window.__pwned='))).toBe(true);
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(await page.evaluate(() => document.querySelectorAll('img, svg').length)).toBe(0);
      await screenshot(page, 'content-hostile-panel');

      const popup = await openPopup(s, tabId);
      await popup.waitForSelector('main[data-state="results"]');
      const pop = await popup.evaluate(() => ({
        text: document.body.textContent ?? '',
        elements: Array.from(document.querySelectorAll('img, svg, script:not([src]), [onerror], [onload]')).map((e) => e.outerHTML),
        pwned: (window as unknown as { __pwned?: number }).__pwned,
      }));
      expect(pop.elements).toEqual([]);
      expect(pop.pwned).toBeUndefined();
      expect(pop.text).toContain('<img src=x onerror=window.__pwned=1>');
      expect(pop.text).toContain('<img src=x onerror=window.__pwned=4>');
      await screenshot(popup, 'content-hostile-popup');
      expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      await popup.close();
      await page.close();
    } finally {
      await request(ext, 'source:remove', { id: added.source.id });
    }
  });

  it('re-runs after single-page-app navigation and clears the badge when the app navigates away', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/spa.html?delay=2500`);
    // Before the navigation: an unrelated article, no badge.
    const end = Date.now() + 2000;
    while (Date.now() < end) {
      expect(await page.evaluate(() => (window as unknown as { __spaState: string }).__spaState)).toBe('unrelated');
      expect(await badgeText(s.worker, tabId)).toBe('');
      await page.waitForTimeout(250);
    }
    expect((await markerInfo(page)).hosts).toBe(0);
    await waitFor(() => page.evaluate(() => (window as unknown as { __spaState: string }).__spaState === 'coverage'), 'SPA navigation');
    expect(new URL(page.url()).pathname).toBe('/spa/riyadh');
    const badge = await waitForNumericBadge(s.worker, tabId);
    expect(Number(badge)).toBeGreaterThan(0);
    await waitFor(async () => (await markerInfo(page)).markers.length > 0, 'markers after SPA navigation');
    await screenshot(page, 'content-spa-coverage');
    await page.evaluate(() => (window as unknown as { __toUnrelated(): void }).__toUnrelated());
    await waitFor(async () => (await badgeText(s.worker, tabId)) === '' || null, 'badge cleared after navigating away', 10_000);
    expect((await storedTabState(s.worker, tabId))?.state ?? null).not.toBe('results');
    await page.close();
  });

  it('leaves no stale markers after the single-page app navigates to an unrelated article (reusing its elements)', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/spa.html`);
    await waitForNumericBadge(s.worker, tabId);
    await waitFor(async () => (await markerInfo(page)).markers.length > 0, 'markers after SPA navigation');
    await page.evaluate(() => (window as unknown as { __toUnrelatedInPlace(): void }).__toUnrelatedInPlace());
    await waitFor(async () => (await badgeText(s.worker, tabId)) === '' || null, 'badge cleared', 10_000);
    await page.waitForTimeout(1500);
    await screenshot(page, 'content-spa-after-leaving');
    // The old report no longer describes this page: its markers must not stay drawn over the new article.
    const left = await page.evaluate(() => {
      const root = document.querySelector('rxr-markers')?.shadowRoot;
      return root
        ? Array.from(root.querySelectorAll<HTMLElement>('button[data-paragraph]'))
            .filter((b) => !b.hidden)
            .map((b) => `${b.dataset.paragraph}@${b.style.top}`)
        : [];
    });
    expect(left).toEqual([]);
    await page.close();
  });

  it('catches an article body inserted 1.5 s after load', async () => {
    const { page, tabId } = await openInNewTab(s, `${server.url}/late.html`);
    await page.waitForLoadState('load');
    expect(await page.evaluate(() => (window as unknown as { __inserted: boolean }).__inserted)).toBe(false);
    expect(await badgeText(s.worker, tabId)).toBe('');
    await waitFor(() => page.evaluate(() => (window as unknown as { __inserted: boolean }).__inserted), 'late body', 5000);
    const badge = await waitForNumericBadge(s.worker, tabId);
    expect(Number(badge)).toBeGreaterThan(0);
    await waitFor(async () => (await markerInfo(page)).markers.length > 0, 'markers on the late page');
    await page.close();
  });
});
