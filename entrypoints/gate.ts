// The full coverage gate, injected by the background only into pages whose title, URL or opening text
// named the event's people or places (the probe): scores the page against the event signature and,
// when it covers the event, asks the background to extract and match. Re-checks after single-page-app
// navigation and when the article body arrives late; stops cleanly when the page unloads.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { sendFromPage } from '../lib/browser/adapter';
import signature from '../.generated/gate-signature.json';
import type { EventSignature } from '../lib/core/signature';
import { runGate } from '../lib/page/gate-runner';

export default defineUnlistedScript(() => {
  const g = globalThis as { __rxrGate?: boolean };
  // Injected again after a single-page-app navigation: the running gate already follows the URL.
  if (g.__rxrGate) return;
  g.__rxrGate = true;
  runGate(signature as unknown as EventSignature, { send: sendFromPage });
});
