// The in-page markers (lib/page/markers.tsx) rendered by Preact into their shadow root in a linkedom
// page: one mark per corroborated or conflicting paragraph with its shape class, words and place; the
// panel lists the matches as text only and links only http(s) articles; clicks, Escape and the close
// button behave; clear() leaves no trace. Layout, focus rings and animation are checked in the
// browser tests (test/e2e/chromium-content.test.ts, firefox-content.test.ts).
import { parseHTML } from 'linkedom';
import { describe, expect, it, vi } from 'vitest';
import type { Match } from '../../lib/core/report';
import { Markers, type MarkerItem, type MarkerLabels } from '../../lib/page/markers';

const LABELS: MarkerLabels = {
  corroborated: 'Other outlets corroborate this paragraph',
  conflict: 'Other outlets contradict this paragraph',
  close: 'Close',
  stance: { corroborates: 'Corroborates', conflicts: 'Conflicts', related: 'Related' },
};

const HOSTILE = '<img src=x onerror=alert(1)>';

function match(stance: Match['stance'], over: Partial<Match> = {}): Match {
  return {
    stance,
    source: 'Wire',
    sourceId: 'wire',
    article: 'Talks in Riyadh',
    articleUrl: 'https://wire.example/riyadh',
    statement: 'The talks lasted four and a half hours.',
    score: 0.9,
    reason: 'same figure: four and a half hours',
    ...over,
  };
}

type Rect = { left: number; top: number; width: number; height: number };

/** A linkedom page with one <p> per rect; each paragraph reports its rect as the browser would. */
function page(rects: Rect[]) {
  const { document, window } = parseHTML(
    `<!doctype html><html><head><title>t</title></head><body>${rects.map((_, i) => `<p>Paragraph ${i}</p>`).join('')}</body></html>`,
  );
  Object.assign(window, { scrollX: 0, scrollY: 100, innerWidth: 1000 });
  const ps = Array.from(document.querySelectorAll('p'));
  ps.forEach((p, i) => {
    const r = rects[i]!;
    p.getBoundingClientRect = () => ({ ...r, right: r.left + r.width, bottom: r.top + r.height, x: r.left, y: r.top, toJSON: () => r });
    p.scrollIntoView = vi.fn();
  });
  return { document, window, ps: ps as unknown as Element[] };
}

const WIDE = { left: 200, top: 40, width: 600, height: 60 };
const EDGE = { left: 8, top: 140, width: 984, height: 60 };

function shadow(document: Document): ShadowRoot {
  const hosts = document.querySelectorAll('rxr-markers');
  expect(hosts.length).toBe(1);
  return hosts[0]!.shadowRoot!;
}
const buttons = (root: ShadowRoot) => Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-paragraph]'));
const key = (window: ReturnType<typeof parseHTML>['window'], type: string, k: string) => {
  const e = new window.Event(type, { bubbles: true });
  Object.defineProperty(e, 'key', { value: k });
  return e;
};

describe('Markers', () => {
  it('draws one mark per corroborated or conflicting paragraph, with its shape class, label and place, in one host on <html>', () => {
    const { document, ps } = page([WIDE, WIDE, EDGE]);
    const m = new Markers(document, LABELS);
    const items: MarkerItem[] = [
      { index: 0, element: ps[0]!, matches: [match('corroborates'), match('related')] },
      { index: 1, element: ps[1]!, matches: [match('related')] },
      { index: 2, element: ps[2]!, matches: [match('corroborates'), match('conflicts')] },
    ];
    expect(m.render(items)).toBe(2);
    expect(m.count).toBe(2);
    const host = document.documentElement.lastElementChild!;
    expect(host.tagName.toLowerCase()).toBe('rxr-markers');
    expect(host.getAttribute('style')).toContain('position:absolute');
    expect(host.getAttribute('style')).toContain('pointer-events:none');
    const root = shadow(document);
    expect(root.querySelector('style')).not.toBeNull();
    const [ok, bad] = buttons(root);
    expect(buttons(root)).toHaveLength(2);

    // Corroborated: a check in a circle (class ok), left of the paragraph.
    expect(ok!.getAttribute('data-paragraph')).toBe('0');
    expect(ok!.getAttribute('data-stance')).toBe('corroborates');
    expect(ok!.className.split(' ').sort()).toEqual(['m', 'ok']);
    expect(ok!.getAttribute('aria-label')).toBe(LABELS.corroborated);
    expect(ok!.getAttribute('aria-expanded')).toBe('false');
    expect(ok!.getAttribute('type')).toBe('button');
    expect(ok!.tabIndex).toBe(-1);
    expect(ok!.innerHTML).toBe('<span>\u2713</span>');
    expect(ok!.style.left).toBe(`${200 - 18 - 3}px`);
    expect(ok!.style.top).toBe(`${40 + 100 + 2}px`);

    // Conflicting, with no margin either side: the slim (striped) bar at the page's edge.
    expect(bad!.getAttribute('data-paragraph')).toBe('2');
    expect(bad!.getAttribute('data-stance')).toBe('conflicts');
    expect(bad!.className.split(' ').sort()).toEqual(['bad', 'm', 'slim']);
    expect(bad!.getAttribute('aria-label')).toBe(LABELS.conflict);
    expect(bad!.innerHTML).toBe('<span>!</span>');
    expect(bad!.style.left).toBe(`${8 - 5 - 1}px`);
    m.clear();
  });

  it('draws nothing (and adds nothing to the page) when no paragraph is corroborated or contradicted', () => {
    const { document, ps } = page([WIDE]);
    const m = new Markers(document, LABELS);
    expect(m.render([{ index: 0, element: ps[0]!, matches: [match('related')] }])).toBe(0);
    expect(document.querySelectorAll('rxr-markers')).toHaveLength(0);
    expect(m.show(0)).toBe(false);
  });

  it('puts hostile statement, outlet and reason text in the panel as text, never as elements', () => {
    const { document, ps } = page([WIDE]);
    const m = new Markers(document, LABELS);
    const hostile = match('conflicts', { statement: `Talks ${HOSTILE} ended`, source: `Evil ${HOSTILE} Wire`, reason: `clash ${HOSTILE}` });
    m.render([{ index: 0, element: ps[0]!, matches: [hostile] }]);
    expect(m.show(0)).toBe(true);
    expect(ps[0]!.scrollIntoView).toHaveBeenCalled();
    const root = shadow(document);
    const panel = root.querySelector<HTMLElement>('.p[data-paragraph="0"]')!;
    expect(panel).not.toBeNull();
    expect(panel.getAttribute('role')).toBe('dialog');
    expect(panel.textContent).toContain(`Talks ${HOSTILE} ended`);
    expect(panel.textContent).toContain(`Evil ${HOSTILE} Wire`);
    expect(panel.textContent).toContain(`clash ${HOSTILE}`);
    expect(root.querySelectorAll('img, script, svg, [onerror]')).toHaveLength(0);
    expect(document.querySelectorAll('img')).toHaveLength(0);
    // The stance word, the outlet, the quoted statement and the reason, in that order.
    const li = panel.querySelector('li')!;
    expect(li.getAttribute('data-stance')).toBe('conflicts');
    expect(Array.from(li.children).map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class') ?? ''}`)).toEqual([
      'span.s',
      'a.o',
      'q.',
      'div.r',
    ]);
    expect(li.querySelector('.s')!.textContent).toBe('\u26a0 Conflicts — ');
    m.clear();
  });

  it('links an outlet to its article only when the URL is http(s): a javascript: or data: URL is shown as plain text', () => {
    const { document, ps } = page([WIDE]);
    const m = new Markers(document, LABELS);
    const matches = [
      match('corroborates', { source: 'Safe', articleUrl: 'https://safe.example/a' }),
      match('corroborates', { source: 'Script', articleUrl: 'javascript:alert(1)' }),
      match('corroborates', { source: 'Data', articleUrl: 'data:text/html,<script>alert(1)</script>' }),
      match('corroborates', { source: 'None', articleUrl: null }),
    ];
    m.render([{ index: 0, element: ps[0]!, matches }]);
    m.show(0);
    const root = shadow(document);
    const links = Array.from(root.querySelectorAll('a'));
    expect(links.map((a) => [a.textContent, a.getAttribute('href'), a.getAttribute('rel')])).toEqual([
      ['Safe', 'https://safe.example/a', 'noopener noreferrer'],
    ]);
    expect(root.querySelector('[href^="javascript"], [href^="data"]')).toBeNull();
    const outlets = Array.from(root.querySelectorAll('.p li .o')).map((o) => `${o.tagName.toLowerCase()} ${o.textContent}`);
    expect(outlets).toEqual(['a Safe', 'span Script', 'span Data', 'span None']);
    m.clear();
  });

  it('opens and closes the panel by click, Escape and the close button; closing from inside the panel returns focus to the marker', () => {
    const { document, window, ps } = page([WIDE, WIDE]);
    const m = new Markers(document, LABELS);
    m.render([
      { index: 0, element: ps[0]!, matches: [match('corroborates')] },
      { index: 1, element: ps[1]!, matches: [match('conflicts')] },
    ]);
    const root = shadow(document);
    const [first, second] = buttons(root);
    const panels = () => Array.from(root.querySelectorAll<HTMLElement>('.p')).map((p) => p.getAttribute('data-paragraph'));

    first!.dispatchEvent(new window.Event('click'));
    expect(panels()).toEqual(['0']);
    expect(first!.getAttribute('aria-expanded')).toBe('true');
    expect(root.querySelector('.p')!.getAttribute('aria-label')).toBe(LABELS.corroborated);
    // Another marker's click moves the panel there; a second click on it closes it.
    second!.dispatchEvent(new window.Event('click'));
    expect(panels()).toEqual(['1']);
    expect(first!.getAttribute('aria-expanded')).toBe('false');
    expect(second!.getAttribute('aria-expanded')).toBe('true');
    second!.dispatchEvent(new window.Event('click'));
    expect(panels()).toEqual([]);

    // Escape on the marker closes its panel.
    first!.dispatchEvent(new window.Event('click'));
    first!.dispatchEvent(key(window, 'keydown', 'Escape'));
    expect(panels()).toEqual([]);
    expect(first!.getAttribute('aria-expanded')).toBe('false');

    // The close button (focused) closes the panel and focus goes back to the marker.
    const focus = vi.spyOn(first!, 'focus');
    first!.dispatchEvent(new window.Event('click'));
    const close = root.querySelector<HTMLButtonElement>('.p button')!;
    expect(close.textContent).toBe('Close');
    expect(close.hasAttribute('data-paragraph')).toBe(false);
    Object.defineProperty(root, 'activeElement', { configurable: true, get: () => close });
    close.dispatchEvent(new window.Event('click'));
    expect(panels()).toEqual([]);
    expect(focus).toHaveBeenCalledTimes(1);

    // Escape pressed inside the panel closes it too, focus back on the marker.
    first!.dispatchEvent(new window.Event('click'));
    const close2 = root.querySelector<HTMLButtonElement>('.p button')!;
    Object.defineProperty(root, 'activeElement', { configurable: true, get: () => close2 });
    // (Dispatched on the panel itself: linkedom calls a bubbling event's listeners with the target as `this`.)
    root.querySelector('.p')!.dispatchEvent(key(window, 'keydown', 'Escape'));
    expect(panels()).toEqual([]);
    expect(focus).toHaveBeenCalledTimes(2);
    m.clear();
  });

  it('show() flashes and focuses the marker and opens its panel; clear() removes the host and every trace', () => {
    const { document, ps } = page([WIDE]);
    const before = document.documentElement.outerHTML;
    const m = new Markers(document, LABELS);
    m.render([{ index: 0, element: ps[0]!, matches: [match('corroborates')] }]);
    const b = buttons(shadow(document))[0]!;
    const focus = vi.spyOn(b, 'focus');
    expect(m.show(0)).toBe(true);
    expect(b.classList.contains('flash')).toBe(true);
    expect(focus).toHaveBeenCalledWith({ preventScroll: true });
    expect(shadow(document).querySelector('.p[data-paragraph="0"]')).not.toBeNull();
    expect(m.show(5)).toBe(false);

    m.clear();
    expect(document.querySelectorAll('rxr-markers')).toHaveLength(0);
    expect(document.documentElement.outerHTML).toBe(before);
    expect(m.count).toBe(0);
    expect(m.show(0)).toBe(false);
    // Drawing again after clear() works, and render() replaces rather than adds.
    m.render([{ index: 0, element: ps[0]!, matches: [match('corroborates')] }]);
    m.render([{ index: 0, element: ps[0]!, matches: [match('conflicts')] }]);
    expect(buttons(shadow(document)).map((x) => x.getAttribute('data-stance'))).toEqual(['conflicts']);
    m.clear();
    expect(document.documentElement.outerHTML).toBe(before);
  });

  it('hides the mark of a paragraph that is not displayed', () => {
    const { document, ps } = page([WIDE, { left: 0, top: 0, width: 0, height: 0 }]);
    const m = new Markers(document, LABELS);
    m.render([
      { index: 0, element: ps[0]!, matches: [match('corroborates')] },
      { index: 1, element: ps[1]!, matches: [match('corroborates')] },
    ]);
    expect(buttons(shadow(document)).map((b) => b.hidden)).toEqual([false, true]);
    m.clear();
  });
});
