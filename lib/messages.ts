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
  | { state: 'results'; url: string; report: XrefReport; at: number }
  | { state: 'error'; url: string | null; error: ErrorInfo };

/** A paragraph as the extractor found it: its text and its position among the article's paragraphs. */
export interface PageParagraph {
  index: number;
  text: string;
}

export interface Protocol {
  /** Any page → background: is the worker alive, and which corpus does it hold? */
  ping: { request: Record<string, never>; response: { version: string; corpus: CorpusStatus } };
  /** Probe (content script on every page) → background: the page names the event's people or places; run the gate. */
  'gate:probe': { request: { url: string }; response: { injected: boolean } };
  /** Gate (content script) → background: this page looks like coverage; please extract and match. */
  'gate:positive': { request: { url: string; title: string; verdict: CoverageVerdict }; response: { accepted: boolean } };
  /** Extractor → background: the article's paragraphs; the reply is the report for this page. */
  'page:paragraphs': {
    request: { url: string; title: string; paragraphs: PageParagraph[]; verdict: CoverageVerdict; force: boolean };
    response: XrefReport;
  };
  /** Content script → background: the page navigated or unloaded; forget its results. */
  'page:reset': { request: { url: string }; response: { cleared: boolean } };
  /** Popup → background: the state of a tab (results, working, not coverage…). */
  'tab:get': { request: { tabId: number }; response: TabState };
  /** Popup → background: run the pipeline on this tab now; `force` matches even when the page is not coverage. */
  'tab:check': { request: { tabId: number; force: boolean }; response: TabState };
  /** Popup → background → content: scroll to a paragraph and flash its marker. */
  'tab:show': { request: { tabId: number; paragraph: number }; response: { shown: boolean } };
  /** Background → content (tabs.sendMessage): scroll to a paragraph and flash its marker. */
  'page:show': { request: { paragraph: number }; response: { shown: boolean } };
  /** Background → content: settings that change what the page shows (markers on/off). */
  'page:settings': { request: { markers: boolean }; response: { applied: boolean } };
  /** Popup → background: the coverage overview (claims × outlets). */
  'overview:get': { request: Record<string, never>; response: Overview };
  /** Options → background: every source and article the matcher knows. */
  'sources:list': { request: Record<string, never>; response: { sources: SourceView[]; articles: ArticleView[] } };
  'source:update': { request: SourceEdit; response: { source: SourceView } };
  /** Options → background: add pasted text or the current page as a user source. */
  'source:add': { request: NewSource; response: { source: SourceView; statements: number } };
  'source:add-tab': { request: { tabId: number; name?: string }; response: { source: SourceView; statements: number } };
  'source:remove': { request: { id: string }; response: { removed: boolean } };
  'sources:export': { request: Record<string, never>; response: { json: string } };
  'sources:import': { request: { json: string }; response: { added: number; updated: number } };
  'sources:reset': { request: Record<string, never>; response: { sources: number } };
  'settings:get': { request: Record<string, never>; response: Settings };
  'settings:set': { request: Partial<Settings>; response: Settings };
}

export type MessageType = keyof Protocol;
export type RequestOf<K extends MessageType> = Protocol[K]['request'];
export type ResponseOf<K extends MessageType> = Protocol[K]['response'];

export interface Message<K extends MessageType = MessageType> {
  type: K;
  data: RequestOf<K>;
}

/** Replies travel wrapped so an error reaches the sender as data, not as a dropped port. */
export type Reply<K extends MessageType = MessageType> = { ok: true; data: ResponseOf<K> } | { ok: false; error: ErrorInfo };

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

/**
 * The requests a script in a web page may make. A page script runs beside the page's own code, so
 * everything else — the sources, the settings, other tabs' results — is for the extension's pages only.
 */
export const PAGE_SCRIPT_REQUESTS: ReadonlySet<string> = new Set([
  'gate:probe',
  'gate:positive',
  'page:paragraphs',
  'page:reset',
  'settings:get',
]);

export type Handlers = {
  [K in MessageType]?: (data: RequestOf<K>, sender: SenderInfo) => Promise<ResponseOf<K>> | ResponseOf<K>;
};

const MESSAGE_TYPES = new Set<string>([
  'ping',
  'gate:probe',
  'gate:positive',
  'page:paragraphs',
  'page:reset',
  'tab:get',
  'tab:check',
  'tab:show',
  'page:show',
  'page:settings',
  'overview:get',
  'sources:list',
  'source:update',
  'source:add',
  'source:add-tab',
  'source:remove',
  'sources:export',
  'sources:import',
  'sources:reset',
  'settings:get',
  'settings:set',
] satisfies MessageType[]);

/** True for a well-formed message of this protocol (anything else is ignored, never trusted). */
export function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as { type?: unknown; data?: unknown };
  return typeof v.type === 'string' && MESSAGE_TYPES.has(v.type) && typeof v.data === 'object' && v.data !== null;
}

/** Runs the handler for a message and wraps its outcome; returns null when no handler takes it. */
export async function dispatch(handlers: Handlers, message: unknown, sender: SenderInfo): Promise<Reply | null> {
  if (!isMessage(message)) return null;
  const handler = handlers[message.type] as ((data: unknown, sender: SenderInfo) => Promise<unknown> | unknown) | undefined;
  if (!handler) return null;
  if (sender.kind !== 'extension-page' && !PAGE_SCRIPT_REQUESTS.has(message.type)) {
    return { ok: false, error: { code: 'forbidden', message: `“${message.type}” is answered only for the extension’s own pages.` } };
  }
  try {
    return { ok: true, data: (await handler(message.data, sender)) as ResponseOf<MessageType> };
  } catch (err) {
    return { ok: false, error: toErrorInfo(err) };
  }
}
