// The background's decisions, free of browser APIs: it answers every protocol request, keeps each
// tab's state where a restarted service worker finds it again, seeds the corpus and keeps the
// matcher in step with the user's sources. The browser side is the `Platform` the entry point gives.
//
// Tab state machine (per tab, kept in session storage):
//   idle ──gate:positive / tab:check──▶ working ──page:paragraphs──▶ results
//     ▲                                   │ (extractor cannot run)        │
//     └──────── navigation ◀── error ◀────┘                               │
//     └──────── navigation ◀──────────────────────────────────────────────┘
//   not-coverage: the extractor ran (on demand) and the page is not coverage.
//
// Change events: every state is written to session storage, where the popup listens for it
// (lib/browser/changes.ts). A change to the sources bumps the record at SOURCES_CHANGED_KEY, marks
// every tab's results stale, and re-checks those tabs one after another (a re-check that cannot run
// leaves the stale results, which the popup offers to re-check).
import type { CompiledCorpus } from '../corpus/compile';
import { isDbClosed, type Db } from '../store/schema';
import {
  SOURCES_CHANGED_KEY,
  WORKING_TIMEOUT_MS,
  tabStateKey as tabKey,
  type Handlers,
  type SourcesChange,
  type SourcesChangeKind,
  type TabState,
} from '../messages';
import { UserError, toErrorInfo, type ErrorInfo } from '../core/errors';
import { siteName } from '../core/safe-url';
import { seedCorpus } from '../store/seed';
import {
  addUserSource,
  listSources,
  rebuildUserSources,
  removeSource,
  resetToBundled,
  updateSource,
  displayName,
  type ParseUserText,
} from '../store/sources';
import { exportSources, importSources } from '../store/transfer';
import { getSettings, setArticleEnabled, setSettings, siteCovers } from '../store/settings';
import { parseUserText, parseUserTextInSteps } from '../corpus/user-text';
import { Matcher } from '../match/engine';
import { buildBm25 } from '../text/bm25';
import { badgeFor, type Badge } from './badge';
import { buildOverview, type Overview } from '../match/overview';
import type { Settings } from '../core/sources';
import type { WordVectors } from '../text/embeddings';
import type { StanceModel } from '../match/stance-model';

/** User texts are read with the corpus's rules and judged by its event signature. */
const readerFor =
  (corpus: CompiledCorpus, signal?: AbortSignal): ParseUserText =>
  (id, doc) =>
    parseUserTextInSteps(id, doc, corpus.signature, { signal });

export interface EngineAssets {
  vectors: WordVectors | null;
  model: StanceModel | null;
}

export interface Platform {
  /** The compiled corpus shipped with the extension. */
  loadBundledCorpus(): Promise<CompiledCorpus>;
  /** Word vectors and the stance model shipped with the extension. */
  loadEngineAssets(): Promise<EngineAssets>;
  openDb(): Promise<Db>;
  session: {
    get<T>(key: string): Promise<T | undefined>;
    set(key: string, value: unknown): Promise<void>;
    remove(key: string): Promise<void>;
  };
  setBadge(tabId: number, badge: Badge): Promise<void>;
  /** Injects the extraction script into a tab; it reports back with `page:paragraphs`. */
  injectExtractor(tabId: number, force: boolean): Promise<void>;
  /** Asks the tab's content side to show a paragraph; false when nothing there answered. */
  showInTab(tabId: number, paragraph: number): Promise<boolean>;
  /** Sends changed page settings to every tab that has results. */
  broadcastSettings(settings: Settings): Promise<void>;
  /** Runs the probe once in the already open tabs the detection mode covers. */
  injectProbeIntoOpenTabs(settings: Settings): Promise<void>;
  /** Runs the probe in one tab (after its page loaded, or a single-page-app navigation). */
  injectProbe(tabId: number): Promise<void>;
  /** Runs the full gate in a tab whose probe found the event's names. */
  injectGate(tabId: number): Promise<void>;
  /**
   * Prepares probing for the detection mode. Pages are probed by onTabLoaded after their load event,
   * so no content script is registered; this removes the document_start registration older versions made.
   */
  removeLegacyProbeRegistration(): Promise<void>;
  getTab(tabId: number): Promise<{ url: string; title: string } | null>;
  t(key: string, subs?: string[]): string;
  version: string;
  now(): number;
}

/** Session-storage key of the ids of the tabs with a stored state (the re-checks' list; the session API lists no keys). */
const TAB_INDEX_KEY = 'tabs:index';

// What one page may ask the matcher to read: enough for any article, bounded for hostile pages
// (and for session storage, whose quota all tabs share).
export const MAX_PARAGRAPHS = 2000;
export const MAX_PARAGRAPH_CHARS = 5000;
export const MAX_PAGE_CHARS = 300_000;

/** The page's paragraphs within the limits above (long paragraphs are cut, the rest dropped past the total). */
export function capParagraphs(paragraphs: { index: number; text: string }[]): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  let total = 0;
  for (const p of paragraphs.slice(0, MAX_PARAGRAPHS)) {
    const text = String(p.text ?? '').slice(0, MAX_PARAGRAPH_CHARS);
    total += text.length;
    if (total > MAX_PAGE_CHARS) break;
    out.push({ index: Number(p.index) || 0, text });
  }
  return out;
}

/** Same page, ignoring the fragment (in-page anchors do not change the article). */
function sameDocument(a: string, b: string): boolean {
  return a.split('#')[0] === b.split('#')[0];
}
// A "working" state older than this was interrupted (worker killed, page closed): report it.
export { WORKING_TIMEOUT_MS };

export class BackgroundService {
  private dbPromise: Promise<Db> | null = null;
  /** Reading of user texts under way (add, import); `sources:cancel` aborts them. */
  private longWork = new Set<AbortController>();
  private dbOpen: Db | null = null;
  private matcherPromise: Promise<Matcher> | null = null;
  private corpusPromise: Promise<CompiledCorpus> | null = null;
  private assetsPromise: Promise<EngineAssets> | null = null;
  private ready: Promise<void> | null = null;
  /** The sources' revision (SourcesChange.rev), read once from session storage; and the revision each matcher was built at. */
  private rev: number | null = null;
  private readonly matcherRevs = new WeakMap<Matcher, number>();
  private tabIds: Promise<Set<number>> | null = null;
  private rechecking: Promise<void> | null = null;
  private recheckAgain = false;

  constructor(private readonly platform: Platform) {}

  /** The open database; opened again after a newer schema version closed this connection (isDbClosed). */
  db(): Promise<Db> {
    if (this.dbOpen && isDbClosed(this.dbOpen)) {
      this.dbOpen = null;
      this.dbPromise = null;
    }
    return (this.dbPromise ??= this.platform.openDb().then(
      (db) => (this.dbOpen = db),
      (e: unknown) => {
        this.dbPromise = null;
        throw e;
      },
    ));
  }

  corpus(): Promise<CompiledCorpus> {
    return (this.corpusPromise ??= this.platform.loadBundledCorpus());
  }

  assets(): Promise<EngineAssets> {
    return (this.assetsPromise ??= this.platform.loadEngineAssets().catch((e) => {
      this.assetsPromise = null;
      throw e;
    }));
  }

  /** Seeds the bundled corpus when the database lacks this version (install, update, first wake). */
  ensureSeeded(): Promise<void> {
    return (this.ready ??= (async () => {
      const [db, corpus] = await Promise.all([this.db(), this.corpus()]);
      const r = await seedCorpus(db, corpus);
      // Sources the user added were read by the engine of their day: re-read them when it changed.
      const rebuilt = await rebuildUserSources(db, readerFor(corpus), corpus.version);
      if (r.seeded || rebuilt) this.matcherPromise = null;
    })().catch((e) => {
      this.ready = null;
      throw e;
    }));
  }

  /** Install or update: seed, register the gate, and run it in tabs already open (browsers don't). */
  async onInstalled(): Promise<void> {
    await this.ensureSeeded();
    const settings = await getSettings(await this.db());
    await this.platform.removeLegacyProbeRegistration();
    if (settings.detection !== 'on-demand') await this.platform.injectProbeIntoOpenTabs(settings);
  }

  async onStartup(): Promise<void> {
    await this.ensureSeeded();
    await this.platform.removeLegacyProbeRegistration();
  }

  /** The matcher over enabled sources, rebuilt after any change to them; postings come from the DB when saved. */
  matcher(): Promise<Matcher> {
    return (this.matcherPromise ??= (async () => {
      // Read before the sources: a change during the build makes this matcher's results stale, never the reverse.
      const rev = await this.sourcesRev();
      await this.ensureSeeded();
      const db = await this.db();
      const [corpus, assets] = await Promise.all([this.corpus(), this.assets()]);
      const tx = db.transaction(['sources', 'articles', 'statements', 'postings', 'settings'], 'readonly');
      const [sources, articles, statements, snapshot, settings] = await Promise.all([
        tx.objectStore('sources').getAll(),
        tx.objectStore('articles').getAll(),
        tx.objectStore('statements').getAll(),
        tx.objectStore('postings').get('current'),
        tx.objectStore('settings').get('settings'),
      ]);
      const enabled = new Set(sources.filter((s) => s.enabled).map((s) => s.id));
      // Off-topic articles (bundled or added by the user) are listed on the options page but never matched,
      // nor are the articles the reader switched off.
      const disabledArticles = new Set(settings?.disabledArticles ?? []);
      const usableArticles = new Set(articles.filter((a) => a.topic && !disabledArticles.has(a.id)).map((a) => a.id));
      const byId = new Map(statements.map((s) => [s.id, s]));
      let usable = statements.filter((s) => enabled.has(s.source) && usableArticles.has(s.article));
      const usableIds = new Set(usable.map((s) => s.id));
      let index;
      if (snapshot && snapshot.statementIds.length === usable.length && snapshot.statementIds.every((id) => usableIds.has(id))) {
        usable = snapshot.statementIds.map((id) => byId.get(id)!);
        index = snapshot.index;
      } else {
        usable.sort((a, b) => (a.id < b.id ? -1 : 1));
        index = buildBm25(usable.map((s) => s.terms));
        await db.put('postings', { key: 'current', statementIds: usable.map((s) => s.id), index, builtAt: this.platform.now() });
      }
      const matcher = new Matcher({
        sources: sources.map((s) => ({ id: s.id, name: displayName(s), url: s.url })),
        articles: articles.map((a) => ({ id: a.id, source: a.source, title: a.title, url: a.url })),
        statements: usable,
        signature: corpus.signature,
        index,
        vectors: assets.vectors,
        model: assets.model,
      });
      this.matcherRevs.set(matcher, rev);
      return matcher;
    })().catch((e) => {
      this.matcherPromise = null;
      throw e;
    }));
  }

  private async sourcesRev(): Promise<number> {
    if (this.rev === null) {
      const stored = (await this.platform.session.get<SourcesChange>(SOURCES_CHANGED_KEY))?.rev ?? 0;
      this.rev ??= stored;
    }
    return this.rev;
  }

  /**
   * The sources changed (after the database write): rebuild the matcher, tell the open pages, mark
   * every tab's results stale and re-check those tabs. Resolves once the marks are written; the
   * re-checks go on after (`rechecked()`).
   */
  private async invalidate(kind: SourcesChangeKind = 'update'): Promise<void> {
    await this.sourcesRev();
    const rev = (this.rev ?? 0) + 1; // read and bumped in one step: two changes at once get two revisions
    this.rev = rev;
    this.matcherPromise = null;
    try {
      await this.platform.session.set(SOURCES_CHANGED_KEY, { rev, at: this.platform.now(), kind } satisfies SourcesChange);
      for (const tabId of await this.indexedTabs()) {
        const s = await this.platform.session.get<TabState>(tabKey(tabId));
        if (s?.state === 'results' && !s.stale) await this.platform.session.set(tabKey(tabId), { ...s, stale: true } satisfies TabState);
      }
    } catch {
      // Session storage failing must not fail the change the reader made; the results then stay as they were.
    }
    this.recheckStale();
  }

  /** The ids of the tabs with a stored state. */
  private indexedTabs(): Promise<Set<number>> {
    return (this.tabIds ??= this.platform.session.get<number[]>(TAB_INDEX_KEY).then(
      (ids) => new Set(ids ?? []),
      () => new Set<number>(),
    ));
  }

  private async indexTab(tabId: number, present: boolean): Promise<void> {
    const ids = await this.indexedTabs();
    if (ids.has(tabId) === present) return;
    if (present) ids.add(tabId);
    else ids.delete(tabId);
    if (ids.size) await this.platform.session.set(TAB_INDEX_KEY, [...ids]);
    else await this.platform.session.remove(TAB_INDEX_KEY);
  }

  /** Re-checks, one after another, every tab whose results are stale; a call while they run makes them run once more. */
  private recheckStale(): void {
    if (this.rechecking) {
      this.recheckAgain = true;
      return;
    }
    this.rechecking = (async () => {
      do {
        this.recheckAgain = false;
        for (const tabId of [...(await this.indexedTabs())]) {
          const s = await this.platform.session.get<TabState>(tabKey(tabId));
          if (s?.state === 'results' && s.stale) await this.recheck(tabId, s).catch(() => undefined);
        }
      } while (this.recheckAgain);
    })()
      .catch(() => undefined)
      .finally(() => {
        this.rechecking = null;
      });
  }

  /** Runs a tab's check again as it was run (forced or not); where it cannot run, the stale results stay. */
  private async recheck(tabId: number, previous: TabState & { state: 'results' }): Promise<void> {
    const tab = await this.platform.getTab(tabId);
    if (!tab || !sameDocument(tab.url, previous.url)) return; // closed or moved on: its navigation clears it
    const state = await this.check(tabId, previous.forced === true);
    if (state.state === 'error') await this.setTabState(tabId, previous);
  }

  /** Resolves once the re-checks started by changes to the sources are done. */
  async rechecked(): Promise<void> {
    while (this.rechecking) await this.rechecking;
  }

  async tabState(tabId: number): Promise<TabState> {
    const s = await this.platform.session.get<TabState>(tabKey(tabId));
    if (!s) return { state: 'idle', url: (await this.platform.getTab(tabId))?.url ?? null };
    if (s.state === 'working' && this.platform.now() - s.since > WORKING_TIMEOUT_MS) {
      // Stored (and shown on the badge) so the tab stops claiming to be busy.
      const interrupted: TabState = {
        state: 'error',
        url: s.url,
        error: { code: 'interrupted', message: this.platform.t('errorInterrupted') },
      };
      await this.setTabState(tabId, interrupted);
      return interrupted;
    }
    return s;
  }

  async setTabState(tabId: number, state: TabState): Promise<void> {
    await this.platform.session.set(tabKey(tabId), state);
    await this.indexTab(tabId, true);
    await this.platform.setBadge(
      tabId,
      badgeFor(state, (k, s) => this.platform.t(k, s)),
    );
  }

  /** Navigation or reload: the tab's results no longer describe its page. Costs one read when there were none. */
  async onTabNavigated(tabId: number): Promise<void> {
    if ((await this.platform.session.get(tabKey(tabId))) === undefined) return;
    await this.platform.session.remove(tabKey(tabId));
    await this.indexTab(tabId, false);
    await this.platform.setBadge(
      tabId,
      badgeFor({ state: 'idle', url: null }, (k, s) => this.platform.t(k, s)),
    );
  }

  /** A same-document navigation (single-page app): probe the new page, unless checks are on demand. */
  async onTabUrlChanged(tabId: number, url: string): Promise<void> {
    await this.onTabNavigated(tabId);
    await this.onTabLoaded(tabId, url);
  }

  /**
   * A tab finished loading its page: run the probe there when the detection mode covers the URL.
   * Probing after the load event, not from a document_start content script, keeps the page's own load
   * from waiting for the extension (no isolated world to set up while the page is still loading).
   */
  async onTabLoaded(tabId: number, url: string): Promise<void> {
    if (!/^https?:/i.test(url)) return;
    const settings = await getSettings(await this.db());
    if (settings.detection === 'on-demand') return;
    if (settings.detection === 'sites' && !siteCovers(settings.sites, new URL(url).hostname)) return;
    await this.platform.injectProbe(tabId).catch(() => undefined);
  }

  async onTabRemoved(tabId: number): Promise<void> {
    await this.platform.session.remove(tabKey(tabId));
    await this.indexTab(tabId, false);
  }

  /** Runs the pipeline on a tab: inject the extractor, which reports back with its paragraphs. */
  async check(tabId: number, force: boolean): Promise<TabState> {
    const tab = await this.platform.getTab(tabId);
    const url = tab?.url ?? '';
    if (!/^https?:|^file:/i.test(url)) {
      const error: ErrorInfo = { code: 'cannot-script', message: this.platform.t('errorCannotScript') };
      const state: TabState = { state: 'error', url: url || null, error };
      if (tab) await this.setTabState(tabId, state); // a closed tab keeps no state
      return state;
    }
    await this.setTabState(tabId, { state: 'working', url, title: tab?.title ?? '', since: this.platform.now() });
    try {
      await this.platform.injectExtractor(tabId, force);
    } catch (e) {
      const info = toErrorInfo(e);
      const state: TabState = {
        state: 'error',
        url,
        error: info.code === 'internal' ? { code: 'cannot-script', message: this.platform.t('errorCannotScript') } : info,
      };
      await this.setTabState(tabId, state);
      return state;
    }
    return this.tabState(tabId);
  }

  async overview(): Promise<Overview> {
    const m = await this.matcher();
    return buildOverview(m);
  }

  /**
   * Runs work that reads user texts (seconds for a large import) so that `sources:cancel` can stop
   * it: the texts are read before anything is written, so a cancelled add or import changes nothing.
   */
  private async cancellable<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ctl = new AbortController();
    this.longWork.add(ctl);
    try {
      return await work(ctl.signal);
    } catch (err) {
      if (ctl.signal.aborted) throw new UserError('cancelled', this.platform.t('errorCancelled'));
      throw err;
    } finally {
      this.longWork.delete(ctl);
    }
  }

  /** A tab's checked text (what source:add-tab stores) and the outlet name it defaults to. */
  private async tabText(tabId: number): Promise<{ state: Extract<TabState, { state: 'results' }>; text: string; name: string }> {
    const state = await this.tabState(tabId);
    if (state.state !== 'results') throw new UserError('no-page-text', this.platform.t('errorNoPageText'));
    const tab = await this.platform.getTab(tabId);
    const text = state.report.paragraphs.map((p) => p.text).join('\n\n');
    const name = siteName(tab?.url ?? state.url) || tab?.title || 'This page';
    return { state, text, name };
  }

  handlers(): Handlers {
    return {
      ping: async () => {
        const db = await this.db();
        const version = ((await db.get('meta', 'corpusVersion')) as string | undefined) ?? null;
        return {
          version: this.platform.version,
          corpus: { version, schema: db.version, sources: await db.count('sources'), statements: await db.count('statements') },
        };
      },
      'gate:probe': async (_data, sender) => {
        if (sender.tabId === null) return { injected: false };
        const settings = await getSettings(await this.db());
        if (settings.detection === 'on-demand') return { injected: false };
        await this.platform.injectGate(sender.tabId);
        return { injected: true };
      },
      'gate:positive': async (_data, sender) => {
        if (sender.tabId === null) return { accepted: false };
        const settings = await getSettings(await this.db());
        if (settings.detection === 'on-demand') return { accepted: false };
        await this.check(sender.tabId, false);
        return { accepted: true };
      },
      'page:paragraphs': async (data, sender) => {
        const matcher = await this.matcher();
        // Built before the latest change to the sources: stored as stale, and checked again below.
        const stale = this.matcherRevs.get(matcher) !== this.rev;
        const page = {
          url: data.url,
          title: String(data.title ?? '').slice(0, 300),
          paragraphs: capParagraphs(data.paragraphs),
          verdict: data.verdict,
        };
        const report = matcher.crossReference(page, { force: data.force });
        const skipped = (Array.isArray(data.paragraphs) ? data.paragraphs.length : 0) - page.paragraphs.length;
        if (skipped > 0) report.skipped = skipped;
        // A report that arrives after the tab moved on describes a page no longer shown: keep it out of the tab.
        const current = sender.tabId !== null ? (await this.platform.getTab(sender.tabId))?.url : undefined;
        if (sender.tabId !== null && (current === undefined || sameDocument(current, data.url))) {
          const forced = !report.coverage.isCoverage && data.force;
          const state: TabState =
            report.coverage.isCoverage || data.force
              ? {
                  state: 'results',
                  url: data.url,
                  report,
                  at: this.platform.now(),
                  ...(forced ? { forced: true } : {}),
                  ...(stale ? { stale: true } : {}),
                }
              : { state: 'not-coverage', url: data.url, title: data.title, coverage: report.coverage };
          await this.setTabState(sender.tabId, state);
          if (stale && state.state === 'results') this.recheckStale();
        }
        return report;
      },
      'page:reset': async (_data, sender) => {
        if (sender.tabId !== null) await this.onTabNavigated(sender.tabId);
        return { cleared: sender.tabId !== null };
      },
      'tab:get': async ({ tabId }) => this.tabState(tabId),
      'tab:check': async ({ tabId, force }) => this.check(tabId, force === true),
      'tab:show': async ({ tabId, paragraph }) => ({ shown: await this.platform.showInTab(tabId, paragraph) }),
      'overview:get': () => this.overview(),
      'sources:list': async () => {
        await this.ensureSeeded();
        return listSources(await this.db());
      },
      'source:update': async (edit) => {
        const source = await updateSource(await this.db(), edit);
        await this.invalidate('update');
        return { source };
      },
      'article:update': async ({ id, enabled }) => {
        if (typeof enabled !== 'boolean')
          throw new UserError('bad-request', 'An article is switched on or off: enabled must be true or false.');
        const db = await this.db();
        await this.ensureSeeded();
        await setArticleEnabled(db, id, enabled);
        await this.invalidate('update');
        const article = (await listSources(db)).articles.find((a) => a.id === id);
        if (!article) throw new UserError('not-found', `No article with id “${String(id)}”.`);
        return { article };
      },
      'source:add': async (input) => {
        const [db, corpus] = await Promise.all([this.db(), this.corpus()]);
        const r = await this.cancellable((signal) => addUserSource(db, input, readerFor(corpus, signal), this.platform.now()));
        await this.invalidate('add');
        return r;
      },
      'source:preview-tab': async ({ tabId }) => {
        const { state, text, name } = await this.tabText(tabId);
        // The same reading as source:add-tab, nothing written: what the reader reviews before saving.
        const { articles, statements } = parseUserText('preview', { title: state.report.title, text }, (await this.corpus()).signature);
        const onTopic = articles.some((a) => a.topic);
        const reason = articles.find((a) => a.topic === onTopic)?.topicReason ?? '';
        return {
          name,
          title: state.report.title,
          url: state.url,
          published: null,
          statements: statements.slice(0, 30).map((s) => s.text),
          total: statements.length,
          onTopic,
          topicReason: reason,
        };
      },
      'source:add-tab': async ({ tabId, name: given }) => {
        const { state, text, name } = await this.tabText(tabId);
        const r = await addUserSource(
          await this.db(),
          { name: given?.trim() || name, url: state.url, title: state.report.title, text },
          readerFor(await this.corpus()),
          this.platform.now(),
        );
        await this.invalidate('add');
        return r;
      },
      'source:remove': async ({ id }) => {
        const removed = await removeSource(await this.db(), id);
        if (removed) await this.invalidate('remove');
        return { removed };
      },
      'sources:export': async () => ({ json: await exportSources(await this.db()) }),
      'sources:import': async ({ json }) => {
        const [db, corpus] = await Promise.all([this.db(), this.corpus()]);
        const r = await this.cancellable((signal) => importSources(db, json, readerFor(corpus, signal)));
        await this.invalidate('import');
        return r;
      },
      'sources:cancel': () => {
        const running = this.longWork.size > 0;
        for (const ctl of this.longWork) ctl.abort();
        return { cancelled: running };
      },
      'sources:reset': async () => {
        const n = await resetToBundled(await this.db(), await this.corpus());
        await this.invalidate('reset');
        return { sources: n };
      },
      'sources:status': async () => {
        await this.ensureSeeded();
        const sources = await (await this.db()).getAll('sources');
        return { total: sources.length, enabled: sources.filter((x) => x.enabled).length };
      },
      'settings:get': async () => getSettings(await this.db()),
      'settings:set': async (change) => {
        const before = await getSettings(await this.db());
        const next = await setSettings(await this.db(), change);
        // A detection mode that now covers more pages probes the tabs already open there.
        const widened = before.detection !== next.detection || before.sites.join() !== next.sites.join();
        if (widened && next.detection !== 'on-demand') await this.platform.injectProbeIntoOpenTabs(next);
        if (before.markers !== next.markers) await this.platform.broadcastSettings(next);
        // The articles switched off change what is matched, as a source's switch does.
        if (before.disabledArticles.join('\n') !== next.disabledArticles.join('\n')) await this.invalidate('update');
        return next;
      },
    };
  }
}
