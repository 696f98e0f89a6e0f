// Records kept in IndexedDB and the views of them the options page and popup receive.
import type { SourceMeta } from './corpus';

export interface SourceRecord extends SourceMeta {
  /** Bundled with the extension (re-seeded on update) or added by the user (never touched by updates). */
  origin: 'bundled' | 'user';
  enabled: boolean;
  /** The user's own name for the outlet, which outlives corpus updates. */
  customName: string | null;
  addedAt: number;
}

export interface SourceView {
  id: string;
  name: string;
  site: string | null;
  url: string | null;
  published: string | null;
  note: string;
  origin: 'bundled' | 'user';
  enabled: boolean;
  attributed: boolean;
  articles: number;
  statements: number;
}

export interface ArticleView {
  id: string;
  source: string;
  title: string | null;
  /** The first words of the article, to name one that has no headline. */
  lead: string;
  url: string | null;
  topic: boolean;
  statements: number;
  /** The reader's per-article switch (Settings.disabledArticles); an article of a disabled source keeps its own. */
  enabled: boolean;
}

export type DetectionMode = 'auto' | 'sites' | 'on-demand';

export interface Settings {
  /** auto: gate runs on every http(s) page; sites: only on `sites`; on-demand: only on toolbar click. */
  detection: DetectionMode;
  /** Host names for `sites` mode, e.g. "www.reuters.com". */
  sites: string[];
  /** Slim marks in the page margin beside matched paragraphs. */
  markers: boolean;
  /** List "related" statements (same point, neither confirming nor contradicting). */
  showRelated: boolean;
  /**
   * Articles the reader switched off (their statements are never matched). Kept here rather than on the
   * article records, which the bundled corpus's updates and the re-reading of user texts rewrite.
   */
  disabledArticles: string[];
}

export const DEFAULT_SETTINGS: Settings = {
  detection: 'auto',
  sites: [],
  markers: true,
  showRelated: true,
  disabledArticles: [],
};

export interface CorpusStatus {
  /** Hash of the bundled corpus loaded into the database, null before the first load. */
  version: string | null;
  schema: number;
  sources: number;
  statements: number;
}

export interface NewSource {
  name: string;
  url?: string | null;
  title?: string | null;
  text: string;
}

export interface SourceEdit {
  id: string;
  enabled?: boolean;
  name?: string;
}
