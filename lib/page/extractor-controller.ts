// The extraction side in a page: extract the article, send its paragraphs for matching (retrying
// once if the service worker was restarted mid-request), keep the report and the paragraph
// elements, and draw or remove the markers.
import type { ProtocolRequestFn } from './types';
import type { XrefReport } from '../core/report';
import type { Settings } from '../core/sources';
import { extractArticle } from '../extract/article';
import { scoreCoverage } from '../gate/coverage';
import { pageSignals } from '../gate/page-signals';
import { Markers, type MarkerLabels } from './markers';
import type { EventSignature } from '../core/signature';

export interface ExtractorHost {
  match: ProtocolRequestFn<'page:paragraphs'>;
  settings: () => Promise<Settings>;
}

const RETRY_MS = 400;

/** Resolves in a later task of the page's event loop. */
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export class ExtractorController {
  private markers: Markers;
  private elements: (Element | null)[] = [];
  private report: XrefReport | null = null;
  private showMarkers = true;
  private disposed = false;

  constructor(
    private readonly doc: Document,
    private readonly host: ExtractorHost,
    private readonly sig: EventSignature,
    labels: MarkerLabels,
  ) {
    this.markers = new Markers(doc, labels);
  }

  /** Extracts, matches and marks; returns the report (null when disposed meanwhile). */
  async run(force: boolean): Promise<XrefReport | null> {
    // Each step in a task of its own (the script's own evaluation, the gate, the extraction), so the
    // page's main thread is never held by two of them at once.
    await nextTask();
    const url = this.doc.location?.href ?? '';
    const verdict = scoreCoverage(this.sig, pageSignals(this.doc, url));
    await nextTask();
    if (this.disposed) return null;
    const article = extractArticle(this.doc, { live: true });
    this.elements = article.elements;
    const data = { url, title: article.title || this.doc.title, paragraphs: article.paragraphs, verdict, force };
    let report: XrefReport;
    try {
      report = await this.host.match(data);
    } catch {
      // A service worker stopped mid-request drops the reply; the restarted one answers a retry.
      await new Promise((r) => setTimeout(r, RETRY_MS));
      report = await this.host.match(data);
    }
    if (this.disposed) return null;
    this.report = report;
    this.showMarkers = (await this.host.settings().catch(() => ({ markers: true }) as Settings)).markers;
    this.draw();
    return report;
  }

  private draw(): void {
    if (!this.report || !this.showMarkers) {
      this.markers.clear();
      return;
    }
    const items = this.report.paragraphs
      .map((p) => ({ index: p.index, element: this.elements[p.index] ?? null, matches: p.matches }))
      .filter((i): i is { index: number; element: Element; matches: XrefReport['paragraphs'][number]['matches'] } => i.element !== null);
    this.markers.render(items);
  }

  /** Turns markers on or off without re-matching. */
  applySettings(markers: boolean): boolean {
    this.showMarkers = markers;
    this.draw();
    return true;
  }

  /** Scrolls to a paragraph (flashing its marker when markers are on). */
  show(index: number): boolean {
    if (this.markers.show(index)) return true;
    const el = this.elements[index];
    if (!el) return false;
    el.scrollIntoView({ block: 'center' });
    return true;
  }

  /** The page navigated (single-page app): its paragraphs and results no longer apply. */
  reset(): void {
    this.report = null;
    this.elements = [];
    this.markers.clear();
  }

  dispose(): void {
    this.disposed = true;
    this.markers.clear();
  }
}
