// The one message protocol between content script, extractor, background, popup and options.
// Every request names its `type`; `Protocol` maps each type to its payload and its reply, so
// senders (`send` in lib/browser/adapter.ts) and handlers (`dispatch` below) are checked by tsc.
import type { CoverageVerdict, XrefReport } from './core/report';
import type { Overview } from './match/overview';
import type { SourceView, ArticleView, Settings, CorpusStatus, NewSource, SourceEdit } from './core/sources';
import { toErrorInfo, type ErrorInfo } from './core/errors';

export type { ErrorInfo };

/** What the background knows about one tab; survives the service worker restarting. */
export type TabState =
  | { state: 'idle'; url: string | null }
  | { state: 'not-coverage'; url: string; title: string; coverage: CoverageVerdict }
  | { state: 'working'; url: string; title: string; since: number }
  | {
      state: 'results';
      url: string;
      report: XrefReport;
      at: number;
      /** Matched only because the reader asked ("Check this page anyway"): the page is not coverage. */
      forced?: boolean;
      /** The sources changed after this check; the background re-checks the tab (or the reader does). */
      stale?: boolean;
    }
  | { state: 'error'; url: string | null; error: ErrorInfo };

/** A WORKING state older than this was interrupted (worker killed, page closed). */
export const WORKING_TIMEOUT_MS = 20_000;

// Change events. The background keeps each tab's state and a record of the last change to the sources
// in session storage (extension pages only: the browser does not show session storage to page
// scripts); the popup and the options page listen for these keys (lib/browser/changes.ts) instead of polling.

/** The session-storage key of a tab's state. */
export const tabStateKey = (tabId: number): string => `tab:${tabId}`;

/** The session-storage key of the last change to the sources. */
export const SOURCES_CHANGED_KEY = 'sources:changed';

/** What changed the sources: a switch or a name, a source added, removed or imported, or a reset. */
export type SourcesChangeKind = 'update' | 'add' | 'remove' | 'import' | 'reset';

/** The last change to the sources; `rev` grows by one with each. */
export interface SourcesChange {
  rev: number;
  at: number;
  kind: SourcesChangeKind;
}

/** A paragraph as the extractor found it: its text and its position among the article's paragraphs. */
export interface PageParagraph {
  index: number;
  text: string;
}

/** A tab's text read as a source would be, for review before saving. */
export interface TabSourcePreview {
  /** The default outlet name: the site's host without `www.` or a port. */
  name: string;
  title: string;
  url: string;
  published: string | null;
  /** The texts of the statements that would be stored (the first 30), and how many there are in all. */
  statements: string[];
  total: number;
  /** Whether the text is about the corpus's event; off-topic text is kept but never matched. */
  onTopic: boolean;
  topicReason: string;
}

/** Requests a script running in a web page (probe, gate, extractor) sends to the background. */
export interface PageToBackground {
  /** Probe → background: the page names the event's people or places; run the gate. */
  'gate:probe': { request: { url: string }; response: { injected: boolean } };
  /** Gate → background: this page looks like coverage; please extract and match. */
  'gate:positive': { request: { url: string; title: string; verdict: CoverageVerdict }; response: { accepted: boolean } };
  /** Extractor → background: the article's paragraphs; the reply is the report for this page. */
  'page:paragraphs': {
    request: { url: string; title: string; paragraphs: PageParagraph[]; verdict: CoverageVerdict; force: boolean };
    response: XrefReport;
  };
  /** Gate → background: the page navigated or unloaded; forget its results. */
  'page:reset': { request: { url: string }; response: { cleared: boolean } };
  /** Extractor → background: whether to draw markers. */
  'settings:get': { request: Record<string, never>; response: Settings };
}

/** Requests the extension's own pages (popup, options) send to the background. */
export interface ExtensionToBackground {
  /** Is the worker alive, and which corpus does it hold? */
  ping: { request: Record<string, never>; response: { version: string; corpus: CorpusStatus } };
  /** Popup: the state of a tab (results, working, not coverage…). */
  'tab:get': { request: { tabId: number }; response: TabState };
  /** Popup: run the pipeline on this tab now; `force` matches even when the page is not coverage. */
  'tab:check': { request: { tabId: number; force: boolean }; response: TabState };
  /** Popup → background → page (`page:show`): scroll to a paragraph and flash its marker. */
  'tab:show': { request: { tabId: number; paragraph: number }; response: { shown: boolean } };
  /** Popup: the coverage overview (claims × outlets). */
  'overview:get': { request: Record<string, never>; response: Overview };
  /** Options: every source and article the matcher knows. */
  'sources:list': { request: Record<string, never>; response: { sources: SourceView[]; articles: ArticleView[] } };
  'source:update': { request: SourceEdit; response: { source: SourceView } };
  /** Options: switch one article on or off (its statements are matched only while it and its source are on). */
  'article:update': { request: { id: string; enabled: boolean }; response: { article: ArticleView } };
  /** Options: add pasted text or the current page as a user source. */
  'source:add': { request: NewSource; response: { source: SourceView; statements: number } };
  'source:add-tab': { request: { tabId: number; name?: string }; response: { source: SourceView; statements: number } };
  /** Popup: what source:add-tab would store from this tab (outlet name, statements, topic), nothing written. */
  'source:preview-tab': { request: { tabId: number }; response: TabSourcePreview };
  'source:remove': { request: { id: string }; response: { removed: boolean } };
  'sources:export': { request: Record<string, never>; response: { json: string } };
  'sources:import': { request: { json: string }; response: { added: number; updated: number } };
  'sources:reset': { request: Record<string, never>; response: { sources: number } };
  /** Options: stop an add or import still reading its texts (nothing is written); false when none runs. */
  'sources:cancel': { request: Record<string, never>; response: { cancelled: boolean } };
  /** Popup: how many sources there are and how many are switched on (none on: nothing to compare with). */
  'sources:status': { request: Record<string, never>; response: { total: number; enabled: number } };
  'settings:get': { request: Record<string, never>; response: Settings };
  'settings:set': { request: Partial<Settings>; response: Settings };
}

/** Requests the background sends to the scripts of one tab (`tabs.sendMessage`). */
export interface BackgroundToPage {
  /** Scroll to a paragraph and flash its marker. */
  'page:show': { request: { paragraph: number }; response: { shown: boolean } };
  /** Settings that change what the page shows (markers on/off). */
  'page:settings': { request: { markers: boolean }; response: { applied: boolean } };
}

/** Everything the background answers. */
export type ToBackground = PageToBackground & ExtensionToBackground;

/**
 * Every request type by the direction it travels — the one list the runtime checks use. `satisfies`
 * makes tsc refuse a type missing here or listed here without a place in the interfaces above.
 */
const DIRECTIONS = {
  'gate:probe': 'page',
  'gate:positive': 'page',
  'page:paragraphs': 'page',
  'page:reset': 'page',
  'settings:get': 'page',
  ping: 'extension',
  'tab:get': 'extension',
  'tab:check': 'extension',
  'tab:show': 'extension',
  'overview:get': 'extension',
  'sources:list': 'extension',
  'source:update': 'extension',
  'article:update': 'extension',
  'source:add': 'extension',
  'source:add-tab': 'extension',
  'source:preview-tab': 'extension',
  'source:remove': 'extension',
  'sources:export': 'extension',
  'sources:import': 'extension',
  'sources:reset': 'extension',
  'sources:cancel': 'extension',
  'sources:status': 'extension',
  'settings:set': 'extension',
  'page:show': 'to-page',
  'page:settings': 'to-page',
} as const satisfies Record<keyof ToBackground | keyof BackgroundToPage, 'page' | 'extension' | 'to-page'>;

const typesWhere = (...dirs: string[]): ReadonlySet<string> =>
  new Set(Object.entries(DIRECTIONS).flatMap(([type, dir]) => (dirs.includes(dir) ? [type] : [])));

/**
 * The requests a script in a web page may make. A page script runs beside the page's own code, so
 * everything else — the sources, the settings, other tabs' results — is for the extension's pages only.
 */
export const PAGE_SCRIPT_REQUESTS = typesWhere('page');
const TO_BACKGROUND = typesWhere('page', 'extension');
const TO_PAGE = typesWhere('to-page');

export type MessageType = keyof ToBackground;
/** The payload of request `K` in table `T` (a table maps each type to `{ request, response }`). */
export type RequestOf<K extends keyof T, T = ToBackground> = T[K] extends { request: infer R } ? R : never;
/** The reply to request `K` in table `T`. */
export type ResponseOf<K extends keyof T, T = ToBackground> = T[K] extends { response: infer R } ? R : never;

export interface Message<K extends keyof T, T = ToBackground> {
  type: K;
  data: RequestOf<K, T>;
}

/** Replies travel wrapped so an error reaches the sender as data, not as a dropped port. */
export type Reply<R = unknown> = { ok: true; data: R } | { ok: false; error: ErrorInfo };

/** Context of a message's sender, reduced to what handlers use. */
export interface SenderInfo {
  tabId: number | null;
  url: string | null;
  /**
   * Who sent it: one of the extension's own pages (popup, options) or a script running in a web page
   * (probe, gate, extractor). Unknown (tests, older callers) counts as a page script: the stricter one.
   */
  kind?: 'extension-page' | 'page-script';
}

export type Handlers<T = ToBackground> = {
  [K in keyof T]?: (data: RequestOf<K, T>, sender: SenderInfo) => Promise<ResponseOf<K, T>> | ResponseOf<K, T>;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** True for a well-formed request to the background (anything else is ignored, never trusted). */
export function isMessage(value: unknown): value is Message<MessageType> {
  return isObject(value) && typeof value.type === 'string' && TO_BACKGROUND.has(value.type) && isObject(value.data);
}

/** True for a well-formed request from the background to a page's scripts. */
export function isPageMessage(value: unknown): value is Message<keyof BackgroundToPage, BackgroundToPage> {
  return isObject(value) && typeof value.type === 'string' && TO_PAGE.has(value.type) && isObject(value.data);
}

async function run(handler: (data: unknown, sender: SenderInfo) => unknown, data: unknown, sender: SenderInfo): Promise<Reply> {
  try {
    return { ok: true, data: await handler(data, sender) };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}

type AnyHandler = ((data: unknown, sender: SenderInfo) => unknown) | undefined;

/** Runs the background's handler for a message and wraps its outcome; null when no handler takes it. */
export async function dispatch(handlers: Handlers, message: unknown, sender: SenderInfo): Promise<Reply | null> {
  if (!isMessage(message)) return null;
  const handler = handlers[message.type] as AnyHandler;
  if (!handler) return null;
  if (sender.kind !== 'extension-page' && !PAGE_SCRIPT_REQUESTS.has(message.type)) {
    return { ok: false, error: { code: 'forbidden', message: `“${message.type}” is answered only for the extension’s own pages.` } };
  }
  return run(handler, message.data, sender);
}

/** Runs a page script's handler for a request from the background; null when it is not one. */
export async function dispatchInPage(handlers: Handlers<BackgroundToPage>, message: unknown): Promise<Reply | null> {
  if (!isPageMessage(message)) return null;
  const handler = handlers[message.type] as AnyHandler;
  if (!handler) return null;
  return run(handler, message.data, { tabId: null, url: null, kind: 'extension-page' });
}
