// The one module of lib/ that touches the extension APIs, and the extension's one `browser` object
// (webextension-polyfill, so Chrome and Firefox look the same). Every message goes through the typed
// senders and listeners below (lib/messages.ts); everything else in lib/ is plain TypeScript that runs in Node.
import browser from 'webextension-polyfill';
import {
  dispatch,
  dispatchInPage,
  type BackgroundToPage,
  type ExtensionToBackground,
  type Handlers,
  type PageToBackground,
  type Reply,
  type RequestOf,
  type ResponseOf,
  type SenderInfo,
} from '../messages';
import { UserError } from '../core/errors';

export { browser };

function unwrap<R>(reply: Reply<R> | undefined, type: string): R {
  if (!reply) throw new UserError('no-receiver', `Nothing answered “${type}”. Reload the page or the extension and try again.`);
  if (!reply.ok) throw new UserError(reply.error.code, reply.error.message);
  return reply.data;
}

/** Sends a request from the popup or the options page to the background. */
export async function send<K extends keyof ExtensionToBackground>(
  type: K,
  data: RequestOf<K, ExtensionToBackground>,
): Promise<ResponseOf<K, ExtensionToBackground>> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<ResponseOf<K, ExtensionToBackground>> | undefined;
  return unwrap(reply, type);
}

/** Sends a request from a script in a web page (probe, gate, extractor) to the background. */
export async function sendFromPage<K extends keyof PageToBackground>(
  type: K,
  data: RequestOf<K, PageToBackground>,
): Promise<ResponseOf<K, PageToBackground>> {
  const reply = (await browser.runtime.sendMessage({ type, data })) as Reply<ResponseOf<K, PageToBackground>> | undefined;
  return unwrap(reply, type);
}

/** Sends a request from the background to the scripts of a tab. */
export async function sendToTab<K extends keyof BackgroundToPage>(
  tabId: number,
  type: K,
  data: RequestOf<K, BackgroundToPage>,
): Promise<ResponseOf<K, BackgroundToPage>> {
  const reply = (await browser.tabs.sendMessage(tabId, { type, data })) as Reply<ResponseOf<K, BackgroundToPage>> | undefined;
  return unwrap(reply, type);
}

/** The background answers requests with `handlers`; other messages are left to other listeners. */
export function listen(handlers: Handlers): () => void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender): Promise<Reply> | undefined => {
    // The extension's own pages send from its origin; a content script sends from the page's URL.
    const own = browser.runtime.getURL('/');
    const kind =
      sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(own) ? 'extension-page' : 'page-script';
    const info: SenderInfo = { tabId: sender.tab?.id ?? null, url: sender.tab?.url ?? sender.url ?? null, kind };
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    return dispatch(handlers, message, info).then(
      (r) => r ?? { ok: false, error: { code: 'unknown-message', message: `Unknown request ${type}` } },
    );
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** A page script answers the background's requests (`page:show`, `page:settings`) with `handlers`. */
export function listenInPage(handlers: Handlers<BackgroundToPage>): () => void {
  const listener = (message: unknown, sender: browser.Runtime.MessageSender): Promise<Reply> | undefined => {
    // Only the extension itself (its background) talks to its page scripts.
    if (sender.id !== browser.runtime.id) return undefined;
    const type = (message as { type?: unknown } | null)?.type;
    if (typeof type !== 'string' || !(type in handlers)) return undefined;
    return dispatchInPage(handlers, message).then((r) => r ?? undefined) as Promise<Reply>;
  };
  browser.runtime.onMessage.addListener(listener as never);
  return () => browser.runtime.onMessage.removeListener(listener as never);
}

/** A localised string from public/_locales (falls back to the key, so a missing string shows up). */
export function t(key: string, substitutions?: string | string[]): string {
  return browser.i18n.getMessage(key, substitutions) || key;
}

/** The toolbar button API: `action` in MV3, `browserAction` in Firefox MV2. */
export function toolbar(): browser.Action.Static {
  return browser.action ?? (browser as unknown as { browserAction: browser.Action.Static }).browserAction;
}

/** Session storage when the browser has it (cleared when the browser closes), else local storage. */
export function sessionArea(): browser.Storage.StorageArea {
  return (browser.storage as unknown as { session?: browser.Storage.StorageArea }).session ?? browser.storage.local;
}

/** The area name `storage.onChanged` reports for sessionArea()'s changes. */
export function sessionAreaName(): 'session' | 'local' {
  return (browser.storage as unknown as { session?: unknown }).session ? 'session' : 'local';
}
