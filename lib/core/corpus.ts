// The corpus as data: outlets (sources), their articles, and the statements the matcher compares.
// Produced by lib/corpus/parse.ts + statements.ts from the seed texts, compiled by compile.ts.

/** Outlet metadata, from corpus/sources.json or added by the user. */
export interface SourceMeta {
  id: string;
  /** Display name; an outlet the text does not name stays "Unattributed report". */
  name: string;
  site: string | null;
  url: string | null;
  /** ISO date (YYYY-MM-DD) when known. */
  published: string | null;
  language: string;
  note: string;
  /** The seed file this outlet's text comes from (bundled sources only). */
  file?: string;
  /** False while the outlet is not named in its text and the user has not named it. */
  attributed: boolean;
}

/** A number the text states, normalised so two phrasings of one figure compare equal. */
export interface Figure {
  kind: 'duration' | 'count' | 'money' | 'percent' | 'year' | 'date';
  /** Lower (or only) value, in `unit`. */
  value: number;
  /** Upper value of a range ("two to three months"). */
  max?: number;
  /** Canonical unit: hour, day, week, month, year, or the counted noun's stem ("drone", "goal"). */
  unit: string;
  /** The words as written. */
  text: string;
  approx?: boolean;
  /** Stems of the content words around the figure: what it is a figure of. */
  context?: string[];
}

export interface Statement {
  id: string;
  source: string;
  article: string;
  /** Paragraph position within the article (0-based) and sentence position within the paragraph. */
  paragraph: number;
  sentence: number;
  /** Verbatim text from the seed. */
  text: string;
  /** Canonical id of who is speaking ("lavrov"), when attributed. */
  speaker: string | null;
  /** Quoted words, without the quote marks. */
  quotes: string[];
  figures: Figure[];
  /** Canonical ids of people, roles, places and organisations named (alias-normalised). */
  entities: string[];
  /** Index terms: stemmed content words plus entity ids. */
  terms: string[];
  /** Negation / refutation cues found ("not at all", "ruled out", "unlikely"). */
  cues: string[];
  /** Keys of the claim frames it makes (lib/claims/), for retrieval by claim. Absent in stores written before them. */
  claims?: string[];
}

/** A block of an article's text, verbatim from the seed. */
export interface Paragraph {
  text: string;
  kind: 'body' | 'caption' | 'heading';
}

export interface Article {
  id: string;
  source: string;
  title: string | null;
  url: string | null;
  /** Whether the article covers the event of the corpus (decided from its content). */
  topic: boolean;
  topicScore: number;
  topicReason: string;
  /** Dateline place when the text opens with one ("RIYADH:"). */
  dateline: string | null;
  paragraphs: Paragraph[];
  /** Furniture removed while parsing, kept so tests and the options page can show what was dropped. */
  removed: { text: string; why: string }[];
}
