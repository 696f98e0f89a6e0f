// In-page markers: a slim mark in the margin of each matched paragraph — a check in a circle for
// corroborated, an exclamation in a triangle for conflicting (shape and word, never colour alone) —
// that opens a small panel listing the matches. Preact renders them into one open shadow root on a
// host hung off <html>, absolutely positioned, so the page's text, layout flow and focus order are
// untouched; the styles are markers.css, inlined at build time. Page and corpus text are Preact text
// children only, and the only links are http(s) ones. `clear()` removes every trace.
//
// The `Markers` class holds the state (items, positions, the open panel, the flashing marker) and
// renders the stateless components below synchronously on each change, so every method has done its
// work in the DOM when it returns.
import { render, type JSX } from 'preact';
import type { Match } from '../core/report';
import { safeHttpUrl } from '../core/safe-url';
import css from './markers.css?inline';

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
  /** A match's reason in the reader's language (lib/view/reason.ts through browser.i18n); English `match.reason` without it. */
  reason?: (match: Match) => string;
}

const MARKER = 18;
const GAP = 6;
const SLIM = 5;
/** The panel opens this far below its marker's top. */
const PANEL_OFFSET = 22;
/** The host: a 0×0 box at the page's origin that lets clicks through; only the marks and the panel take them. */
const HOST_STYLE = 'position:absolute;top:0;left:0;width:0;height:0;margin:0;padding:0;border:0;z-index:2147483646;pointer-events:none;';

/** Where a marker sits, in page coordinates. */
interface Place {
  left: number;
  top: number;
  slim: boolean;
  hidden: boolean;
}

const isConflict = (item: MarkerItem) => item.matches.some((m) => m.stance === 'conflicts');

// ---- components ------------------------------------------------------------------------------

interface LayerProps {
  items: MarkerItem[];
  places: Map<number, Place>;
  open: number | null;
  flash: number | null;
  labels: MarkerLabels;
  onToggle: (index: number) => void;
  onClose: (returnFocus: boolean) => void;
}

/** Everything inside the shadow root: the style, one marker per item, and the open panel (if any). */
export function MarkerLayer(props: LayerProps): JSX.Element {
  const { items, places, open, flash, labels } = props;
  const openItem = open === null ? undefined : items.find((i) => i.index === open);
  const openPlace = openItem && places.get(openItem.index);
  return (
    <>
      <style>{css}</style>
      {items.map((item) => (
        <Marker
          key={item.index}
          item={item}
          place={places.get(item.index)}
          expanded={item.index === open}
          flash={item.index === flash}
          labels={labels}
          onToggle={props.onToggle}
          onClose={props.onClose}
        />
      ))}
      {openItem && openPlace && <Panel item={openItem} place={openPlace} labels={labels} onClose={props.onClose} />}
    </>
  );
}

function Marker(props: {
  item: MarkerItem;
  place: Place | undefined;
  expanded: boolean;
  flash: boolean;
  labels: MarkerLabels;
  onToggle: (index: number) => void;
  onClose: (returnFocus: boolean) => void;
}): JSX.Element {
  const { item, place, labels } = props;
  const conflict = isConflict(item);
  const cls = ['m', conflict ? 'bad' : 'ok', place?.slim ? 'slim' : '', props.flash ? 'flash' : ''].filter(Boolean).join(' ');
  return (
    <button
      type="button"
      class={cls}
      // Reached from the popup's "Show in page", never inserted into the page's tab order.
      tabIndex={-1}
      data-paragraph={String(item.index)}
      data-stance={conflict ? 'conflicts' : 'corroborates'}
      aria-label={conflict ? labels.conflict : labels.corroborated}
      aria-expanded={props.expanded ? 'true' : 'false'}
      hidden={place?.hidden ?? false}
      style={place ? { left: `${place.left}px`, top: `${place.top}px` } : undefined}
      // Click (or Enter/Space on the focused button) toggles the panel; "Show in page" opens it directly.
      onClick={() => props.onToggle(item.index)}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose(false);
      }}
    >
      <span>{conflict ? '!' : '\u2713'}</span>
    </button>
  );
}

function Panel(props: { item: MarkerItem; place: Place; labels: MarkerLabels; onClose: (returnFocus: boolean) => void }): JSX.Element {
  const { item, place, labels } = props;
  return (
    <div
      class="p"
      data-paragraph={String(item.index)}
      role="dialog"
      aria-label={isConflict(item) ? labels.conflict : labels.corroborated}
      style={{ left: `${place.left}px`, top: `${place.top + PANEL_OFFSET}px` }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose(true);
      }}
    >
      <button type="button" onClick={() => props.onClose(true)}>
        {labels.close}
      </button>
      <ul>
        {item.matches.map((m, i) => (
          <MatchRow key={i} match={m} labels={labels} />
        ))}
      </ul>
    </div>
  );
}

function MatchRow({ match: m, labels }: { match: Match; labels: MarkerLabels }): JSX.Element {
  const glyph = m.stance === 'conflicts' ? '\u26a0 ' : m.stance === 'corroborates' ? '\u2713 ' : '\u00b7 ';
  const href = safeHttpUrl(m.articleUrl);
  return (
    <li data-stance={m.stance}>
      <span class="s">{`${glyph}${labels.stance[m.stance]} — `}</span>
      {href ? (
        <a class="o" href={href} target="_blank" rel="noopener noreferrer">
          {m.source}
        </a>
      ) : (
        <span class="o">{m.source}</span>
      )}
      <q>{m.statement}</q>
      <div class="r">{labels.reason ? labels.reason(m) : m.reason}</div>
    </li>
  );
}

// ---- state and placement ---------------------------------------------------------------------

export class Markers {
  private host: HTMLElement | null = null;
  private root: ShadowRoot | null = null;
  private items: MarkerItem[] = [];
  private places = new Map<number, Place>();
  private open: number | null = null;
  private flash: number | null = null;
  private resize: ResizeObserver | null = null;

  constructor(
    private readonly doc: Document,
    private readonly labels: MarkerLabels,
  ) {}

  /**
   * Draws markers for the items with corroborating or conflicting matches (replacing earlier ones);
   * returns how many. Where the browser has IntersectionObserver the paragraphs' boxes are read from
   * its first report (computed with the page's next frame) instead of forcing a layout now, which on a
   * huge page costs more than a frame; the markers then appear with that frame.
   */
  render(items: MarkerItem[]): number {
    this.clear();
    this.items = items.filter((i) => i.matches.some((m) => m.stance !== 'related'));
    if (!this.items.length) return 0;
    const host = this.doc.createElement('rxr-markers');
    host.setAttribute('style', HOST_STYLE);
    this.host = host;
    this.root = host.attachShadow({ mode: 'open' });
    const place = (boxes?: Map<Element, DOMRectReadOnly>) => {
      if (this.host !== host) return; // cleared or redrawn meanwhile
      this.measure(boxes);
      this.paint();
      // One change to the page's DOM: the finished host goes in; it is never touched again until removed.
      this.doc.documentElement.append(host);
      if (typeof ResizeObserver !== 'undefined') {
        this.resize = new ResizeObserver(() => this.layout());
        this.resize.observe(this.doc.documentElement);
      }
    };
    const IO = this.doc.defaultView?.IntersectionObserver;
    if (!IO) place();
    else {
      const io = new IO((entries) => {
        io.disconnect();
        place(new Map(entries.map((e) => [e.target, e.boundingClientRect])));
      });
      for (const item of this.items) io.observe(item.element);
    }
    return this.items.length;
  }

  /** Places the markers again (the page reflowed). */
  layout(): void {
    if (!this.root) return;
    this.measure();
    this.paint();
  }

  /** Closes the open panel, if any. */
  close(): void {
    this.closePanel(false);
  }

  /** Scrolls to a paragraph, flashes its marker and opens its panel. */
  show(index: number): boolean {
    const item = this.items.find((i) => i.index === index);
    if (!item || !this.root) return false;
    item.element.scrollIntoView({ block: 'center' });
    this.measure();
    // Restart the flash: drop the class, let the browser see it gone, then add it again.
    this.flash = null;
    this.paint();
    const b = this.button(index);
    if (b) void b.offsetWidth;
    this.flash = index;
    this.open = index;
    this.paint();
    b?.focus({ preventScroll: true });
    return true;
  }

  /** Removes every element this class added. */
  clear(): void {
    this.resize?.disconnect();
    this.resize = null;
    this.host?.remove();
    if (this.root) render(null, this.root);
    this.host = null;
    this.root = null;
    this.items = [];
    this.places.clear();
    this.open = null;
    this.flash = null;
  }

  get count(): number {
    return this.root ? this.items.length : 0;
  }

  private paint(): void {
    if (!this.root) return;
    render(
      <MarkerLayer
        items={this.items}
        places={this.places}
        open={this.open}
        flash={this.flash}
        labels={this.labels}
        onToggle={(index) => this.toggle(index)}
        onClose={(returnFocus) => this.closePanel(returnFocus)}
      />,
      this.root,
    );
  }

  private toggle(index: number): void {
    if (this.open === index) this.closePanel(false);
    else {
      this.open = index;
      this.paint();
    }
  }

  /** Closes the panel; when focus was inside it (close button, Escape), focus returns to its marker. */
  private closePanel(returnFocus: boolean): void {
    if (this.open === null || !this.root) return;
    const index = this.open;
    const focusWasInPanel = returnFocus && !!this.root.activeElement?.closest('.p');
    this.open = null;
    this.paint();
    if (focusWasInPanel) this.button(index)?.focus({ preventScroll: true });
  }

  private button(index: number): HTMLButtonElement | null {
    return this.root?.querySelector<HTMLButtonElement>(`button.m[data-paragraph="${index}"]`) ?? null;
  }

  /**
   * Places each marker in the left margin of its paragraph; where the page leaves no left margin,
   * in the right margin, and where it has neither, a slim bar just left of the text (or at the page's
   * edge) — never over the text.
   */
  private measure(boxes?: Map<Element, DOMRectReadOnly>): void {
    const win = this.doc.defaultView;
    if (!win) return;
    const width = boxes ? win.innerWidth : this.doc.documentElement.clientWidth || win.innerWidth;
    for (const item of this.items) {
      const r = boxes?.get(item.element) ?? item.element.getBoundingClientRect();
      const top = r.top + win.scrollY + 2;
      let left: number;
      let slim = false;
      if (r.left >= MARKER + GAP) left = r.left - MARKER - GAP / 2;
      else if (r.right + MARKER + GAP <= width) left = r.right + GAP / 2;
      else {
        // Hardly any margin: a slim bar in what there is (solid when corroborated, striped when conflicting).
        slim = true;
        left = Math.max(0, r.left - SLIM - 1);
      }
      this.places.set(item.index, {
        left: Math.max(0, left + win.scrollX),
        top: Math.max(0, top),
        slim,
        hidden: r.width === 0 && r.height === 0,
      });
    }
  }
}
