// Shared helpers of the content-script and popup browser tests (Chromium through playwright-core):
// protocol requests from an extension page, tab states from session storage, the badge, the
// in-page markers read from their open shadow root, and the extra demo routes the tests serve.
import type { Page, Worker } from 'playwright-core';
import { waitFor, badgeText, type ChromiumSession } from './harness';

/** An extension page (the options page) to send protocol requests from, as the popup does. */
export async function extensionPage(s: ChromiumSession): Promise<Page> {
  const page = await s.context.newPage();
  await page.goto(`chrome-extension://${s.extensionId}/options.html`);
  return page;
}

/** Sends a protocol request from an extension page; returns the unwrapped reply data (throws on an error reply). */
export async function request<T = unknown>(ext: Page, type: string, data: unknown): Promise<T> {
  const reply = (await ext.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const)) as
    { ok: true; data: T } | { ok: false; error: { code: string; message: string } } | undefined;
  if (!reply) throw new Error(`no reply to ${type}`);
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

/** The tab's state as the background keeps it (session storage), or undefined. */
export async function storedTabState(worker: Worker, tabId: number): Promise<{ state: string; [k: string]: unknown } | undefined> {
  return worker.evaluate(
    async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`] as { state: string } | undefined,
    tabId,
  );
}

/** Waits for a numeric badge on the tab and returns it. */
export async function waitForNumericBadge(worker: Worker, tabId: number, timeoutMs = 20_000): Promise<string> {
  return waitFor(
    async () => {
      const b = await badgeText(worker, tabId);
      return /^\d+$/.test(b) ? b : '';
    },
    `numeric badge on tab ${tabId}`,
    timeoutMs,
  );
}

/** The ids of all open tabs (they carry no URL for pages the extension has no host access to). */
export async function tabIds(worker: Worker): Promise<number[]> {
  return worker.evaluate(async () => (await chrome.tabs.query({})).map((t) => t.id!).filter((id) => id !== undefined));
}

/** Opens a page and returns the id of the tab it opened in (by difference, for URLs tabs.query does not show). */
export async function openInNewTab(s: ChromiumSession, url: string): Promise<{ page: Page; tabId: number }> {
  const before = new Set(await tabIds(s.worker));
  const page = await s.context.newPage();
  const tabId = await waitFor(async () => (await tabIds(s.worker)).find((id) => !before.has(id)) ?? 0, `new tab for ${url}`);
  await page.goto(url);
  return { page, tabId };
}

export interface MarkerInfo {
  hosts: number;
  shadowOpen: boolean;
  markers: { paragraph: string | null; stance: string | null; tabIndex: number; html: string; text: string }[];
}

/** The markers as the page sees them: `rxr-markers` elements and the buttons in their open shadow root. */
export async function markerInfo(page: Page): Promise<MarkerInfo> {
  return page.evaluate(() => {
    const hosts = document.querySelectorAll('rxr-markers');
    const root = hosts[0]?.shadowRoot ?? null;
    const markers = root
      ? Array.from(root.querySelectorAll<HTMLButtonElement>('button[data-paragraph]')).map((b) => ({
          paragraph: b.getAttribute('data-paragraph'),
          stance: b.getAttribute('data-stance'),
          tabIndex: b.tabIndex,
          html: b.innerHTML,
          text: b.textContent ?? '',
        }))
      : [];
    return { hosts: hosts.length, shadowOpen: !!root, markers };
  });
}

/** A plain news-like page for the extra routes. */
export function articlePage(title: string, paragraphs: string[], opts: { head?: string; bodyEnd?: string; lede?: string } = {}): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${opts.head ?? ''}
<style>body{font:17px/1.6 Georgia,serif;margin:0;color:#1f2937}main{max-width:720px;margin:24px auto;padding:0 24px}</style></head>
<body><header><a href="/">Home</a> <a href="#world">World</a></header><main><article>${opts.lede ?? ''}<h1>${title}</h1><time datetime="2025-02-18">18 February 2025</time>
${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}
</article></main><footer><a href="#about">About</a></footer>${opts.bodyEnd ?? ''}</body></html>`;
}

/** Paragraphs of an unrelated article (gardening), for pages that must stay silent. */
export const UNRELATED = [
  'Prune roses before the buds swell and feed the soil with compost; water deeply but rarely so roots grow down.',
  'Tomatoes want six hours of sun, a stake from the first week and a mulch of straw once the soil is warm.',
  'Divide crowded perennials in early spring, replant the vigorous outer pieces and discard the woody centre.',
];
