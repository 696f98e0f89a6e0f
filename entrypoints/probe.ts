// The only script that runs on every http(s) page in the automatic mode (injected by the background
// once the tab reports its page loaded, so the page's own load never waits for it): when the browser is idle, it looks for the
// event's names and places in the title, URL and opening text. Only when it finds one does it ask
// the background to run the full gate; everywhere else it does nothing more — no DOM changes, no
// messages, no timers left behind. It looks once more a few seconds later for articles that arrive
// late; the background runs it again after single-page-app navigations.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendFromPage } from '../lib/browser/adapter';
import anchors from '../.generated/gate-anchors.json';
import { openingText } from '../lib/gate/opening-text';

const LATE_MS = 3000;

export default defineUnlistedScript(() => {
  const g = globalThis as { __rxrProbe?: string };
  const re = new RegExp(anchors.pattern, 'i');
  let asked = false;
  const look = () => {
    if (asked || g.__rxrProbe === `${location.href}|asked`) return;
    if (!re.test(`${document.title}\n${decodeURIComponent(location.pathname)}\n${openingText(document)}`)) return;
    asked = true;
    g.__rxrProbe = `${location.href}|asked`;
    void sendFromPage('gate:probe', { url: location.href }).catch(() => undefined);
  };
  const start = () => {
    const idle = (f: () => void) =>
      typeof requestIdleCallback === 'function' ? requestIdleCallback(f, { timeout: 1000 }) : setTimeout(f, 0);
    idle(look);
    setTimeout(() => idle(look), LATE_MS);
  };
  if (g.__rxrProbe?.startsWith(location.href)) return;
  g.__rxrProbe = location.href;
  if (document.readyState === 'complete') start();
  else window.addEventListener('load', start, { once: true });
});
