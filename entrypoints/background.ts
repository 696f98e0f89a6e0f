// Background (MV3 service worker in Chrome, event page in Firefox): wires browser events and
// messages to lib/background/service.ts. Every decision lives there; this file only adapts APIs.
import { defineBackground } from 'wxt/utils/define-background';
import { browser, listen, sendToTab, sessionArea, t, toolbar } from '../lib/browser/adapter';
import { BackgroundService, type Platform } from '../lib/background/service';
import { openXrefDb } from '../lib/store/schema';
import type { CompiledCorpus } from '../lib/corpus/compile';
import { WordVectors } from '../lib/text/embeddings';
import { StanceModel, type StanceModelFile } from '../lib/match/stance-model';
import type { Settings } from '../lib/core/sources';

const PROBE_ID = 'rxr-probe';
const PROBE_FILE = '/probe.js';
const GATE_FILE = '/gate.js';

function gateMatches(settings: Settings): string[] {
  // An entry covers its subdomains too (arabnews.com → www.arabnews.com), as siteCovers() decides.
  if (settings.detection === 'sites')
    return settings.sites.flatMap((h) => (/^\d/.test(h) || h === 'localhost' ? [`*://${h}/*`] : [`*://${h}/*`, `*://*.${h}/*`]));
  return ['http://*/*', 'https://*/*'];
}

const platform: Platform = {
  async loadBundledCorpus() {
    const res = await fetch(browser.runtime.getURL('/corpus-index.json'));
    return (await res.json()) as CompiledCorpus;
  },
  async loadEngineAssets() {
    const url = (path: string) => browser.runtime.getURL(path as '/');
    const [bin, vocab, model] = await Promise.all([
      fetch(url('/engine/embeddings.bin')).then((r) => r.arrayBuffer()),
      fetch(url('/engine/embeddings-vocab.json')).then((r) => r.json() as Promise<{ stems: string[]; dims: number }>),
      fetch(url('/engine/stance.json')).then((r) => r.json() as Promise<StanceModelFile>),
    ]);
    return { vectors: new WordVectors(vocab.stems, new Int8Array(bin), vocab.dims), model: new StanceModel(model) };
  },
  openDb: () => openXrefDb(),
  session: {
    async get<T>(key: string) {
      return (await sessionArea().get(key))[key] as T | undefined;
    },
    set: (key, value) => sessionArea().set({ [key]: value }),
    remove: (key) => sessionArea().remove(key),
  },
  async setBadge(tabId, badge) {
    const action = toolbar();
    await Promise.all([
      action.setBadgeText({ tabId, text: badge.text }),
      action.setBadgeBackgroundColor({ tabId, color: badge.color }),
      action.setTitle({ tabId, title: badge.title }),
    ]).catch(() => undefined); // the tab may have closed meanwhile
  },
  async injectExtractor(tabId, force) {
    await browser.scripting.executeScript({
      target: { tabId },
      func: (f: boolean) => {
        (globalThis as { __rxrForce?: boolean }).__rxrForce = f;
      },
      args: [force],
    });
    await browser.scripting.executeScript({ target: { tabId }, files: ['/extractor.js'] });
  },
  async showInTab(tabId, paragraph) {
    // Nothing answers when the tab navigated away or its extractor never ran.
    return (await sendToTab(tabId, 'page:show', { paragraph }).catch(() => ({ shown: false }))).shown;
  },
  async broadcastSettings(settings) {
    const tabs = await browser.tabs.query({});
    await Promise.all(
      tabs.map(
        (tab) =>
          tab.id === undefined ? undefined : sendToTab(tab.id, 'page:settings', { markers: settings.markers }).catch(() => undefined), // tabs without markers do not answer
      ),
    );
  },
  async removeLegacyProbeRegistration() {
    // Pages are probed after their load (tabs.onUpdated below); earlier versions registered the probe
    // as a document_start content script, which cost every page load an isolated world: remove it.
    const existing = await browser.scripting.getRegisteredContentScripts({ ids: [PROBE_ID] }).catch(() => []);
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [PROBE_ID] });
  },
  async injectProbeIntoOpenTabs(settings) {
    const tabs = await browser.tabs.query({ url: gateMatches(settings) });
    await Promise.all(
      tabs.map((tab) =>
        tab.id === undefined
          ? undefined
          : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [PROBE_FILE] }).catch(() => undefined),
      ),
    );
  },
  async injectProbe(tabId) {
    await browser.scripting.executeScript({ target: { tabId }, files: [PROBE_FILE] });
  },
  async injectGate(tabId) {
    await browser.scripting.executeScript({ target: { tabId }, files: [GATE_FILE] });
  },
  async getTab(tabId) {
    try {
      const tab = await browser.tabs.get(tabId);
      return { url: tab.url ?? '', title: tab.title ?? '' };
    } catch {
      return null;
    }
  },
  t: (key, subs) => t(key, subs),
  version: browser.runtime.getManifest().version,
  now: () => Date.now(),
};

export default defineBackground({
  // Firefox MV2: an event page, not a persistent background.
  persistent: false,
  main() {
    const service = new BackgroundService(platform);
    listen(service.handlers());
    browser.runtime.onInstalled.addListener((details) => {
      void service.onInstalled().catch((e) => console.error('[cross-ref] install', e));
      // First install: show the sources and settings once, so the reader knows what is checked and how.
      if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/options.html#welcome') });
    });
    browser.runtime.onStartup.addListener(() => void service.onStartup().catch((e) => console.error('[cross-ref] startup', e)));
    browser.tabs.onUpdated.addListener((tabId, change, tab) => {
      // A new URL without a page load is a single-page-app navigation: probe the new page too.
      if (change.url !== undefined && change.status !== 'loading') void service.onTabUrlChanged(tabId, change.url);
      else if (change.url !== undefined || change.status === 'loading') void service.onTabNavigated(tabId);
      // The page has loaded: probe it (after its load event, so the page's load never waits for us).
      if (change.status === 'complete' && change.url === undefined && tab.url) void service.onTabLoaded(tabId, tab.url);
    });
    browser.tabs.onRemoved.addListener((tabId) => void service.onTabRemoved(tabId));
    // A worker woken by a message after an update still finds the corpus seeded.
    void service.ensureSeeded().catch((e) => console.error('[cross-ref] seed', e));
  },
});
