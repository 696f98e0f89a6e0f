// An in-memory Platform for BackgroundService: session storage as a JSON-serialising map, badges
// recorded per tab, a clock the test moves, and an extractor that reports back through the
// service's own 'page:paragraphs' handler, as the injected script does in a browser.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BackgroundService, type Platform } from '../../lib/background/service';
import type { Badge } from '../../lib/background/badge';
import type { CompiledCorpus } from '../../lib/corpus/compile';
import type { Article } from '../../lib/core/corpus';
import type { CoverageVerdict } from '../../lib/core/report';
import type { PageParagraph, RequestOf, ResponseOf, MessageType, SenderInfo, TabState } from '../../lib/messages';
import { openXrefDb, type Db } from '../../lib/store/schema';
import type { Settings } from '../../lib/core/sources';
import { scoreCoverage } from '../../lib/gate/coverage';
import { pageSignals } from '../../lib/gate/page-signals';
import { extractArticle } from '../../lib/extract/article';
import { parseDocument } from '../../tools/page-pipeline';
import { ROOT, loadVectors, loadStanceModel } from '../../tools/corpus-files';
import { corpusCopy, freshName } from '../store/helpers';

export interface FakePage {
  url: string;
  title: string;
  paragraphs: PageParagraph[];
  verdict: CoverageVerdict;
  /** 'report': the extractor answers; 'silent': it never does (worker killed); 'throw': injection fails. */
  extractor?: 'report' | 'silent' | 'throw';
  injectError?: unknown;
}

/** A page made of a corpus article's body paragraphs, with the verdict the gate would give it. */
export function pageFromArticle(
  article: Article,
  corpus: CompiledCorpus,
  url = `https://news.example.com/${article.id.replace(/[^a-z0-9]+/gi, '-')}`,
): FakePage {
  const paragraphs = article.paragraphs.filter((p) => p.kind === 'body').map((p, index) => ({ index, text: p.text }));
  const title = article.title ?? 'Untitled';
  const verdict = scoreCoverage(corpus.signature, { title, url, text: paragraphs.map((p) => p.text).join('\n') });
  return { url, title, paragraphs, verdict };
}

/** A gold fixture page (test/fixtures/gold/pages/<name>.html) run through extraction and the gate. */
export function pageFromFixture(name: string, corpus: CompiledCorpus): FakePage {
  const html = readFileSync(join(ROOT, 'test/fixtures/gold/pages', `${name}.html`), 'utf8');
  const url = `https://news.example.com/${name}`;
  const verdict = scoreCoverage(corpus.signature, pageSignals(parseDocument(html), url));
  const article = extractArticle(parseDocument(html));
  return { url, title: article.title, paragraphs: article.paragraphs.map((p) => ({ index: p.index, text: p.text })), verdict };
}

export class FakePlatform implements Platform {
  /** Session storage, values kept as JSON like chrome.storage.session. Share it to "restart" the worker. */
  sessionMap: Map<string, string>;
  badges = new Map<number, Badge[]>();
  tabs = new Map<number, FakePage>();
  injections: { tabId: number; force: boolean; stateAtInjection: TabState }[] = [];
  legacyRemovals = 0;
  probeInjections: Settings[] = [];
  broadcasts: Settings[] = [];
  shown: { tabId: number; paragraph: number }[] = [];
  clock = 1_800_000_000_000;
  version = '0.1.0-test';
  service!: BackgroundService;
  readonly corpusData: CompiledCorpus;
  readonly dbName: string;
  private dbs: Db[] = [];

  constructor(opts: { dbName?: string; sessionMap?: Map<string, string>; corpus?: CompiledCorpus } = {}) {
    this.dbName = opts.dbName ?? freshName('bg');
    this.sessionMap = opts.sessionMap ?? new Map();
    this.corpusData = opts.corpus ?? corpusCopy();
  }

  /** A BackgroundService over this platform (a fresh worker each call). */
  start(): BackgroundService {
    this.service = new BackgroundService(this);
    return this.service;
  }

  /** Calls a handler as the message dispatcher would. */
  async call<K extends MessageType>(type: K, data: RequestOf<K>, sender: SenderInfo = { tabId: null, url: null }): Promise<ResponseOf<K>> {
    const handler = this.service.handlers()[type] as ((d: RequestOf<K>, s: SenderInfo) => Promise<ResponseOf<K>>) | undefined;
    if (!handler) throw new Error(`no handler for ${type}`);
    return handler(data, sender);
  }

  lastBadge(tabId: number): Badge | undefined {
    const list = this.badges.get(tabId);
    return list?.[list.length - 1];
  }

  async closeAll(): Promise<void> {
    for (const db of this.dbs) db.close();
  }

  // ---- Platform ----
  async loadBundledCorpus(): Promise<CompiledCorpus> {
    return this.corpusData;
  }

  /** The engine's word vectors and stance model, as the extension ships them (read from lib/). */
  async loadEngineAssets(): Promise<Awaited<ReturnType<Platform['loadEngineAssets']>>> {
    return { vectors: loadVectors(), model: loadStanceModel() };
  }

  async openDb(): Promise<Db> {
    const db = await openXrefDb(this.dbName);
    this.dbs.push(db);
    return db;
  }

  /** Every write to session storage in order, as `storage.onChanged` reports them to the pages (undefined: removed). */
  sessionWrites: { key: string; value: unknown }[] = [];

  session = {
    get: async <T>(key: string): Promise<T | undefined> => {
      const v = this.sessionMap.get(key);
      return v === undefined ? undefined : (JSON.parse(v) as T);
    },
    set: async (key: string, value: unknown): Promise<void> => {
      this.sessionMap.set(key, JSON.stringify(value));
      this.sessionWrites.push({ key, value: JSON.parse(JSON.stringify(value)) });
    },
    remove: async (key: string): Promise<void> => {
      if (this.sessionMap.delete(key)) this.sessionWrites.push({ key, value: undefined });
    },
  };

  /** The tab states written for a tab, in order (what an open popup is told). */
  statesPushed(tabId: number): TabState[] {
    return this.sessionWrites.filter((w) => w.key === `tab:${tabId}`).map((w) => (w.value ?? { state: 'idle', url: null }) as TabState);
  }

  async setBadge(tabId: number, badge: Badge): Promise<void> {
    const list = this.badges.get(tabId) ?? [];
    list.push(badge);
    this.badges.set(tabId, list);
  }

  async injectExtractor(tabId: number, force: boolean): Promise<void> {
    const page = this.tabs.get(tabId);
    const stateAtInjection = await this.service.tabState(tabId);
    this.injections.push({ tabId, force, stateAtInjection });
    if (!page) throw new Error('No tab with id ' + tabId);
    if (page.extractor === 'throw') throw page.injectError ?? new Error('Cannot access contents of the page.');
    if (page.extractor === 'silent') return;
    await this.call(
      'page:paragraphs',
      { url: page.url, title: page.title, paragraphs: page.paragraphs, verdict: page.verdict, force },
      { tabId, url: page.url },
    );
  }

  async showInTab(tabId: number, paragraph: number): Promise<boolean> {
    this.shown.push({ tabId, paragraph });
    return this.tabs.has(tabId);
  }

  async broadcastSettings(settings: Settings): Promise<void> {
    this.broadcasts.push(settings);
  }

  readonly probed: number[] = [];
  readonly gated: number[] = [];
  async injectProbe(tabId: number): Promise<void> {
    this.probed.push(tabId);
  }
  async injectGate(tabId: number): Promise<void> {
    this.gated.push(tabId);
  }
  async injectProbeIntoOpenTabs(settings: Settings): Promise<void> {
    this.probeInjections.push(settings);
  }

  async removeLegacyProbeRegistration(): Promise<void> {
    this.legacyRemovals++;
  }

  async getTab(tabId: number): Promise<{ url: string; title: string } | null> {
    const page = this.tabs.get(tabId);
    return page ? { url: page.url, title: page.title } : null;
  }

  t(key: string, subs?: string[]): string {
    return subs && subs.length ? `${key}(${subs.join(',')})` : key;
  }

  now(): number {
    return this.clock;
  }
}
