// The gate's life in a page: check once, then re-check on single-page-app navigation and when the
// article body arrives late (debounced), and release everything through one AbortController when
// the page unloads or the extension goes away.
import type { EventSignature } from '../core/signature';
import type { SendFromPage } from './types';
import type { PageToBackground, RequestOf } from '../messages';
import { scoreCoverage } from '../gate/coverage';
import { pageSignals } from '../gate/page-signals';

export interface GateHost {
  send: SendFromPage;
}

// Late content: watch the DOM this long after load, re-checking at most this often.
const WATCH_MS = 15_000;
const DEBOUNCE_MS = 600;
const URL_POLL_MS = 1000;

/** Starts the gate; returns the controller whose abort stops it. */
export function runGate(sig: EventSignature, host: GateHost, win: Window = window): AbortController {
  const ctl = new AbortController();
  const { signal } = ctl;
  const doc = win.document;
  let lastUrl = win.location.href;
  let positiveFor: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let observer: MutationObserver | undefined;

  const send = <K extends keyof PageToBackground>(type: K, data: RequestOf<K, PageToBackground>): Promise<unknown> =>
    host.send(type, data).catch(() => {
      // The extension was reloaded or removed: this copy of the script is orphaned.
      ctl.abort();
    });

  const check = () => {
    if (signal.aborted) return;
    const url = win.location.href;
    if (positiveFor === url) return;
    const verdict = scoreCoverage(sig, pageSignals(doc, url));
    if (!verdict.isCoverage) return;
    positiveFor = url;
    observer?.disconnect();
    void send('gate:positive', { url, title: doc.title, verdict });
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(check, DEBOUNCE_MS);
  };

  const watch = () => {
    observer?.disconnect();
    if (typeof MutationObserver === 'undefined' || !doc.body) return;
    observer = new MutationObserver(schedule);
    observer.observe(doc.body, { childList: true, subtree: true });
    setTimeout(() => observer?.disconnect(), WATCH_MS);
  };

  check();
  if (positiveFor === null) watch();

  // Single-page apps change the URL without a load; content scripts cannot hook history.pushState.
  const poll = setInterval(() => {
    if (win.location.href === lastUrl) return;
    lastUrl = win.location.href;
    positiveFor = null;
    // The extractor (same isolated world, when it was injected) drops the old page's markers.
    (globalThis as { __rxrExtractor?: { reset(): void } }).__rxrExtractor?.reset();
    void send('page:reset', { url: lastUrl });
    schedule();
    watch();
  }, URL_POLL_MS);
  win.addEventListener('popstate', schedule, { signal });
  win.addEventListener('pagehide', () => ctl.abort(), { signal });

  signal.addEventListener('abort', () => {
    clearInterval(poll);
    clearTimeout(timer);
    observer?.disconnect();
  });
  return ctl;
}
