// Injected by the background only after the gate said yes (or the user asked): extracts the
// article, sends its paragraphs for matching, and draws the in-page markers from the report.
// Injected again on re-checks: the first copy stays in charge and simply runs again.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { send, browser, t } from '../lib/browser/adapter';
import signature from '../.generated/gate-signature.json';
import type { EventSignature } from '../lib/core/signature';
import { ExtractorController } from '../lib/page/extractor-controller';
import type { Message } from '../lib/messages';

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
      match: (data) => send('page:paragraphs', data),
      settings: () => send('settings:get', {}),
    },
    signature as unknown as EventSignature,
    {
      corroborated: t('markerCorroborated'),
      conflict: t('markerConflict'),
      close: t('markerPanelClose'),
      stance: { corroborates: t('stanceCorroborates'), conflicts: t('stanceConflicts'), related: t('stanceRelated') },
    },
  );
  g.__rxrExtractor = controller;
  browser.runtime.onMessage.addListener(((message: unknown) => {
    const m = message as Message;
    if (m?.type === 'page:show')
      return Promise.resolve({ ok: true, data: { shown: controller.show((m.data as { paragraph: number }).paragraph) } });
    if (m?.type === 'page:settings')
      return Promise.resolve({ ok: true, data: { applied: controller.applySettings((m.data as { markers: boolean }).markers) } });
    return undefined;
  }) as never);
  window.addEventListener('pagehide', () => controller.dispose(), { once: true });
  void controller.run(force);
});
