// The only script injected into every http(s) page (in the automatic detection mode): decides from
// cheap signals whether the page covers the corpus's event and, only then, asks the background to
// extract and match. It stays silent everywhere else. Re-checks after single-page-app navigation and
// when the article arrives late; stops cleanly when the page unloads.
import { defineContentScript } from 'wxt/utils/define-content-script';
import signature from '../.generated/gate-signature.json';
import type { EventSignature } from '../lib/corpus/signature';
import { runGate } from '../lib/page/gate-runner';
import { browser } from 'wxt/browser';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  registration: 'runtime',
  runAt: 'document_idle',
  main() {
    // WXT's `browser` is the native promise-based API of either browser; the polyfill is not worth its bytes here.
    runGate(signature as unknown as EventSignature, { send: (message) => browser.runtime.sendMessage(message) });
  },
});
