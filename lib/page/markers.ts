// In-page markers: a slim mark in the margin of each matched paragraph — a check in a circle for
// corroborated, an exclamation in a triangle for conflicting (shape and word, never colour alone) —
// that opens a small panel listing the matches. Everything lives in one shadow root hung off <html>,
// absolutely positioned, so the page's text, layout flow and focus order are untouched; page and
// corpus text go in as text nodes only. `clear()` removes every trace.
import type { Match } from '../core/report';

export interface MarkerItem {
  index: number;
  element: Element;
  matches: Match[];
}

export interface MarkerLabels {
  corroborated: string;
  conflict: string;
  close: string;
  stance: Record<Match['stance'], string>;
}

const STYLE = `
:host { all: initial; }
.m { position: absolute; width: 18px; height: 18px; margin: 0; padding: 0; border: 0; cursor: pointer; pointer-events: auto;
  background: transparent; display: grid; place-items: center; font: 700 11px/1 system-ui, sans-serif; color: #fff; }
.m::before { content: ''; position: absolute; inset: 0; z-index: -1; }
.m.ok::before { background: #1d4ed8; border-radius: 50%; }
.m.bad::before { background: #b91c1c; clip-path: polygon(50% 0, 100% 100%, 0 100%); }
.m.bad span { transform: translateY(2px); }
.m:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.m.slim { width: 5px; height: 22px; }
.m.slim span { display: none; }
.m.slim.ok::before { border-radius: 2px; }
.m.slim.bad::before { clip-path: none; border-radius: 0; background: repeating-linear-gradient(180deg, #b91c1c 0 4px, transparent 4px 6px); }
.m.flash { animation: flash 0.5s ease-in-out 3; }
@keyframes flash { 50% { transform: scale(1.6); } }
.p { position: absolute; width: min(360px, 80vw); max-height: 50vh; overflow: auto; pointer-events: auto; box-sizing: border-box;
  background: #fff; color: #111; border: 1px solid #9ca3af; border-radius: 8px; box-shadow: 0 6px 24px rgba(0,0,0,.25);
  padding: 10px 12px; font: 13px/1.45 system-ui, sans-serif; text-align: left; direction: ltr; }
@media (prefers-color-scheme: dark) { .p { background: #1f2937; color: #f3f4f6; border-color: #4b5563; } }
.p ul { list-style: none; margin: 0; padding: 0; }
.p li { margin: 0 0 8px; }
.p .s { font-weight: 700; }
.p .o { font-weight: 600; }
.p q { display: block; margin: 2px 0; font-style: italic; }
.p .r { opacity: .8; font-size: 12px; }
.p button { float: right; font: inherit; cursor: pointer; }
`;

const MARKER = 18;
const GAP = 6;
const SLIM = 5;

export class Markers {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private items: MarkerItem[] = [];
  private buttons = new Map<number, HTMLButtonElement>();
  private panel: HTMLElement | null = null;
  private resize: ResizeObserver | null = null;

  constructor(
    private readonly doc: Document,
    private readonly labels: MarkerLabels,
  ) {}

  /** Draws markers for the items with corroborating or conflicting matches (replacing earlier ones). */
  render(items: MarkerItem[]): number {
    this.clear();
    this.items = items.filter((i) => i.matches.some((m) => m.stance !== 'related'));
    if (!this.items.length) return 0;
    const host = this.doc.createElement('rxr-markers');
    host.setAttribute(
      'style',
      'position:absolute;top:0;left:0;width:0;height:0;margin:0;padding:0;border:0;z-index:2147483646;pointer-events:none;',
    );
    const root = host.attachShadow({ mode: 'open' });
    const style = this.doc.createElement('style');
    style.textContent = STYLE;
    root.append(style);
    for (const item of this.items) {
      const conflict = item.matches.some((m) => m.stance === 'conflicts');
      const b = this.doc.createElement('button');
      b.className = `m ${conflict ? 'bad' : 'ok'}`;
      b.type = 'button';
      b.tabIndex = -1; // reached from the popup's "Show in page", never inserted into the page's tab order
      b.dataset.paragraph = String(item.index);
      b.dataset.stance = conflict ? 'conflicts' : 'corroborates';
      b.setAttribute('aria-label', conflict ? this.labels.conflict : this.labels.corroborated);
      b.setAttribute('aria-expanded', 'false');
      const glyph = this.doc.createElement('span');
      glyph.textContent = conflict ? '!' : '\u2713';
      b.append(glyph);
      // Click (or Enter/Space on the focused button) toggles the panel; "Show in page" opens it directly.
      b.addEventListener('click', () => this.toggle(item.index));
      b.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') this.close();
      });
      root.append(b);
      this.buttons.set(item.index, b);
    }
    this.host = host;
    this.root = root;
    this.doc.documentElement.append(host);
    this.layout();
    if (typeof ResizeObserver !== 'undefined') {
      this.resize = new ResizeObserver(() => this.layout());
      this.resize.observe(this.doc.documentElement);
    }
    return this.items.length;
  }

  /**
   * Places each marker in the left margin of its paragraph; where the page leaves no left margin,
   * in the right margin, and where it has neither, just above the paragraph's first line — never
   * over the text.
   */
  layout(): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const width = this.doc.documentElement.clientWidth || win.innerWidth;
    for (const item of this.items) {
      const b = this.buttons.get(item.index);
      if (!b) continue;
      const r = item.element.getBoundingClientRect();
      let left: number;
      const top = r.top + win.scrollY + 2;
      b.classList.remove('slim');
      if (r.left >= MARKER + GAP) left = r.left - MARKER - GAP / 2;
      else if (r.right + MARKER + GAP <= width) left = r.right + GAP / 2;
      else {
        // Hardly any margin: a slim bar in what there is (solid when corroborated, striped when conflicting).
        b.classList.add('slim');
        left = Math.max(0, r.left - SLIM - 1);
      }
      b.style.left = `${Math.max(0, left + win.scrollX)}px`;
      b.style.top = `${Math.max(0, top)}px`;
      b.hidden = r.width === 0 && r.height === 0;
    }
  }

  private toggle(index: number): void {
    if (this.panel?.dataset.paragraph === String(index)) this.close();
    else this.open(index);
  }

  private open(index: number): void {
    const item = this.items.find((i) => i.index === index);
    const b = this.buttons.get(index);
    if (!item || !b || !this.root) return;
    if (this.panel?.dataset.paragraph === String(index)) return;
    this.close();
    const p = this.doc.createElement('div');
    p.className = 'p';
    p.dataset.paragraph = String(index);
    p.setAttribute('role', 'dialog');
    p.setAttribute('aria-label', b.getAttribute('aria-label') ?? '');
    const close = this.doc.createElement('button');
    close.type = 'button';
    close.textContent = this.labels.close;
    close.addEventListener('click', () => {
      this.close();
    });
    p.append(close);
    const list = this.doc.createElement('ul');
    for (const m of item.matches) {
      const li = this.doc.createElement('li');
      li.dataset.stance = m.stance;
      const s = this.doc.createElement('span');
      s.className = 's';
      s.textContent = `${m.stance === 'conflicts' ? '\u26a0 ' : m.stance === 'corroborates' ? '\u2713 ' : '\u00b7 '}${this.labels.stance[m.stance]} — `;
      const o = this.doc.createElement('span');
      o.className = 'o';
      o.textContent = m.source;
      const q = this.doc.createElement('q');
      q.textContent = m.statement;
      const r = this.doc.createElement('div');
      r.className = 'r';
      r.textContent = m.reason;
      li.append(s, o, q, r);
      list.append(li);
    }
    p.append(list);
    p.style.left = b.style.left;
    p.style.top = `${parseFloat(b.style.top) + 22}px`;
    this.root.append(p);
    this.panel = p;
    b.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    if (!this.panel) return;
    this.buttons.get(Number(this.panel.dataset.paragraph))?.setAttribute('aria-expanded', 'false');
    this.panel.remove();
    this.panel = null;
  }

  /** Scrolls to a paragraph, flashes its marker and opens its panel. */
  show(index: number): boolean {
    const item = this.items.find((i) => i.index === index);
    if (!item) return false;
    item.element.scrollIntoView({ block: 'center' });
    this.layout();
    const b = this.buttons.get(index);
    if (b) {
      b.classList.remove('flash');
      void b.offsetWidth;
      b.classList.add('flash');
      b.focus({ preventScroll: true });
      this.open(index);
    }
    return true;
  }

  /** Removes every element this class added. */
  clear(): void {
    this.resize?.disconnect();
    this.resize = null;
    this.host?.remove();
    this.host = null;
    this.root = null;
    this.panel = null;
    this.buttons.clear();
    this.items = [];
  }

  get count(): number {
    return this.buttons.size;
  }
}
