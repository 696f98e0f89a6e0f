// Shapes of a cross-reference report: what the engine says about one page.
// The same object is printed by `npm run xref -- --json`, kept per tab by the background
// and rendered by the popup, so its field names are a contract.

export type Stance = 'corroborates' | 'conflicts' | 'related';

/** One corpus statement listed against a page paragraph. */
export interface Match {
  stance: Stance;
  /** Display name of the other outlet. */
  source: string;
  sourceId: string;
  /** Title of the other outlet's article (or its id when it has none). */
  article: string;
  /** Article URL when known, so the popup can open it. */
  articleUrl?: string | null;
  /** The corpus statement, verbatim. */
  statement: string;
  statementId?: string;
  score: number;
  /** A few words a reader understands: why this is listed (English; the rendering of `reasonData`). */
  reason: string;
  /**
   * The same reason as data, for rendering in the reader's language: a kind (one sentence template,
   * message key `reason` + the kind in camel case) and its slots, mostly words quoted from the texts.
   */
  reasonData?: ReasonData;
}

/** A reason as data: `{ kind: 'same-figure', slots: { figure: 'nearly four and a half hours' } }`. */
export interface ReasonData {
  kind: string;
  slots: Record<string, string>;
}

export interface ParagraphReport {
  index: number;
  text: string;
  matches: Match[];
}

export interface CoverageVerdict {
  isCoverage: boolean;
  score: number;
  reason: string;
}

export interface XrefReport {
  title: string;
  coverage: CoverageVerdict;
  /** Set when the page is itself one of the corpus articles: its outlet (name and id) and article title. */
  self: { source: string; sourceId: string; article: string; articleId: string } | null;
  paragraphs: ParagraphReport[];
  /** Paragraphs of the page past the limits on what one page may ask the engine to read, not checked (absent when none). */
  skipped?: number;
}
