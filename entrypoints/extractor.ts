// Injected by the background only after the gate said yes (or the user asked): extracts the
// article, sends its paragraphs for matching, and draws the in-page markers from the report.
// Injected again on re-checks: the first copy stays in charge and simply runs again.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { listenInPage, sendFromPage, t } from '../lib/browser/adapter';
import signature from '../.generated/gate-signature.json';
import type { EventSignature } from '../lib/core/signature';
import { ExtractorController } from '../lib/page/extractor-controller';
import { renderReason } from '../lib/view/reason';

type Global = typeof globalThis & { __rxrExtractor?: ExtractorController; __rxrForce?: boolean };

export default defineUnlistedScript(() => {
  const g = globalThis as Global;
  const force = g.__rxrForce === true;
  if (g.__rxrExtractor) {
    void g.__rxrExtractor.run(force);
    return;
  }
  const controller = new ExtractorController(
    document,
    {
      match: (data) => sendFromPage('page:paragraphs', data),
      settings: () => sendFromPage('settings:get', {}),
    },
    signature as unknown as EventSignature,
    {
      corroborated: t('markerCorroborated'),
      conflict: t('markerConflict'),
      close: t('markerPanelClose'),
      stance: { corroborates: t('stanceCorroborates'), conflicts: t('stanceConflicts'), related: t('stanceRelated') },
      reason: (m) => renderReason(m, t),
    },
  );
  g.__rxrExtractor = controller;
  const stopListening = listenInPage({
    'page:show': ({ paragraph }) => ({ shown: controller.show(paragraph) }),
    'page:settings': ({ markers }) => ({ applied: controller.applySettings(markers) }),
  });
  window.addEventListener(
    'pagehide',
    () => {
      stopListening();
      controller.dispose();
    },
    { once: true },
  );
  void controller.run(force);
});
