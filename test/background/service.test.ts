// BackgroundService behind a fake Platform: the tab state machine, the badge, a restarted worker,
// the sources/settings handlers, disabled sources and oversized pages.
import { describe, it, expect, afterEach } from 'vitest';
import { WORKING_TIMEOUT_MS } from '../../lib/background/service';
import { BADGE_COLORS } from '../../lib/background/badge';
import { dispatch, type TabState } from '../../lib/messages';
import type { XrefReport } from '../../lib/core/report';
import { openDB } from 'idb';
import { isDbClosed, SCHEMA_VERSION } from '../../lib/store/schema';
import { DEFAULT_SETTINGS } from '../../lib/core/sources';
import { FakePlatform, pageFromArticle, pageFromFixture } from './fake-platform';
import { failPutWithQuota, ON_TOPIC_TEXT } from '../store/helpers';

const platforms: FakePlatform[] = [];
function platform(opts: ConstructorParameters<typeof FakePlatform>[0] = {}): FakePlatform {
  const p = new FakePlatform(opts);
  platforms.push(p);
  p.start();
  return p;
}
afterEach(async () => {
  for (const p of platforms.splice(0)) await p.closeAll();
});

function article(p: FakePlatform, id: string) {
  const a = p.corpusData.articles.find((x) => x.id === id);
  if (!a) throw new Error(`no article ${id}`);
  return a;
}

/** Tab 1: a corpus article opened as a page (the unattributed wire story unless a test sets another). */
const WIRE_TAB = 1;

function withWireTab(p: FakePlatform): void {
  p.tabs.set(WIRE_TAB, pageFromArticle(article(p, 'unattributed-wire:1'), p.corpusData));
}

function resultsOf(state: TabState): XrefReport {
  if (state.state !== 'results')
    throw new Error(`expected results, got ${state.state}${state.state === 'error' ? ` (${state.error.code})` : ''}`);
  return state.report;
}

const matchedSources = (r: XrefReport) => new Set(r.paragraphs.flatMap((p) => p.matches.map((m) => m.sourceId)));

describe('BackgroundService: tab states and badge', () => {
  it("'tab:check' goes working → results, with a numeric badge in the conflict colour", async () => {
    const p = platform();
    // The Moscow Times article: Dmitriev's "not at all" on sanctions clashes with post-truth's "key point".
    p.tabs.set(WIRE_TAB, pageFromArticle(article(p, 'moscow-times:1'), p.corpusData));
    const state = await p.call('tab:check', { tabId: WIRE_TAB, force: false });
    const report = resultsOf(state);

    // The extractor was injected while the tab was 'working', and the badge showed it.
    expect(p.injections).toHaveLength(1);
    expect(p.injections[0]).toMatchObject({
      tabId: WIRE_TAB,
      force: false,
      stateAtInjection: { state: 'working', url: p.tabs.get(WIRE_TAB)!.url },
    });
    const badges = p.badges.get(WIRE_TAB)!;
    expect(badges[0]).toMatchObject({ text: '…', color: BADGE_COLORS.working });

    // The page is the Moscow Times' own article: recognised, its own outlet never listed.
    expect(report.self?.sourceId).toBe('moscow-times');
    expect(matchedSources(report).has('moscow-times')).toBe(false);
    const conflicted = report.paragraphs.filter((x) => x.matches.some((m) => m.stance === 'conflicts')).length;
    const matched = report.paragraphs.filter((x) => x.matches.some((m) => m.stance !== 'related')).length;
    expect(conflicted).toBeGreaterThan(0);

    const last = p.lastBadge(WIRE_TAB)!;
    expect(last.text).toMatch(/^\d+$/);
    expect(Number(last.text)).toBe(matched);
    expect(last.color).toBe(BADGE_COLORS.conflict);
    expect(last.title).toBe(`badgeWithConflicts(${matched},${conflicted})`);

    // tab:get reads the same results back from session storage.
    expect(await p.call('tab:get', { tabId: WIRE_TAB })).toEqual(state);
  });

  it('the badge colour follows the report: agree colour without conflicts, conflict colour with', async () => {
    const p = platform();
    // Stances depend on the engine: check each coverage fixture's badge against its own report.
    const names = ['cov-01', 'cov-02', 'cov-03', 'cov-04', 'cov-05', 'cov-06', 'cov-07', 'cov-08', 'cov-09'];
    const reports = new Map<number, XrefReport>();
    for (const [i, name] of names.entries()) {
      const tabId = 100 + i;
      p.tabs.set(tabId, pageFromFixture(name, p.corpusData));
      const report = resultsOf(await p.call('tab:check', { tabId, force: false }));
      reports.set(tabId, report);
      const matched = report.paragraphs.filter((x) => x.matches.some((m) => m.stance !== 'related')).length;
      const conflicted = report.paragraphs.filter((x) => x.matches.some((m) => m.stance === 'conflicts')).length;
      const badge = p.lastBadge(tabId)!;
      expect(badge.text, name).toBe(matched ? String(matched) : '');
      expect(badge.color, name).toBe(conflicted ? BADGE_COLORS.conflict : BADGE_COLORS.agree);
      expect(badge.title, name).toBe(
        !matched ? 'badgeNoMatches' : conflicted ? `badgeWithConflicts(${matched},${conflicted})` : `badgeMatches(${matched})`,
      );
    }

    // Both branches were exercised: some fixtures show the conflict colour, some the agreement colour.
    const colours = new Set([...reports.keys()].map((id) => p.lastBadge(id)!.color));
    expect(colours).toEqual(new Set([BADGE_COLORS.agree, BADGE_COLORS.conflict]));
  });

  it("'page:paragraphs' for a near-miss page without force → not-coverage (no matches); with force → results", async () => {
    const p = platform();
    const page = pageFromFixture('miss-alaska', p.corpusData);
    expect(page.verdict.isCoverage).toBe(false);
    p.tabs.set(3, page);
    const report = await p.call(
      'page:paragraphs',
      { url: page.url, title: page.title, paragraphs: page.paragraphs, verdict: page.verdict, force: false },
      { tabId: 3, url: page.url },
    );
    expect(report.coverage.isCoverage).toBe(false);
    expect(report.paragraphs.every((x) => x.matches.length === 0)).toBe(true);
    const state = await p.call('tab:get', { tabId: 3 });
    expect(state).toMatchObject({ state: 'not-coverage', url: page.url, title: page.title, coverage: { isCoverage: false } });
    expect(p.lastBadge(3)).toMatchObject({ text: '' });

    const forced = await p.call('tab:check', { tabId: 3, force: true });
    expect(p.injections.at(-1)!.force).toBe(true);
    expect(forced.state).toBe('results');
  });

  it("'tab:get' for an unknown tab → idle", async () => {
    const p = platform();
    expect(await p.call('tab:get', { tabId: 999 })).toEqual({ state: 'idle', url: null });
    p.tabs.set(5, { ...pageFromFixture('miss-recipe', p.corpusData) });
    expect(await p.call('tab:get', { tabId: 5 })).toEqual({ state: 'idle', url: 'https://news.example.com/miss-recipe' });
  });

  it("a 'working' state older than WORKING_TIMEOUT_MS reads back as error 'interrupted'", async () => {
    const p = platform();
    withWireTab(p);
    p.tabs.get(WIRE_TAB)!.extractor = 'silent'; // the worker died before the extractor answered
    const state = await p.call('tab:check', { tabId: WIRE_TAB, force: false });
    expect(state.state).toBe('working');

    p.clock += WORKING_TIMEOUT_MS; // exactly at the limit: still working
    expect((await p.call('tab:get', { tabId: WIRE_TAB })).state).toBe('working');
    p.clock += 1;
    expect(await p.call('tab:get', { tabId: WIRE_TAB })).toEqual({
      state: 'error',
      url: p.tabs.get(WIRE_TAB)!.url,
      error: { code: 'interrupted', message: 'errorInterrupted' },
    });

    // A restarted worker over the same session reads the same.
    const restarted = new FakePlatform({ dbName: p.dbName, sessionMap: p.sessionMap, corpus: p.corpusData });
    platforms.push(restarted);
    restarted.tabs = p.tabs;
    restarted.clock = p.clock;
    restarted.start();
    expect((await restarted.call('tab:get', { tabId: WIRE_TAB })).state).toBe('error');

    // A new check recovers.
    p.tabs.get(WIRE_TAB)!.extractor = 'report';
    expect((await p.call('tab:check', { tabId: WIRE_TAB, force: false })).state).toBe('results');
  });

  // The interrupted state is only computed when read: nothing updates the toolbar, which keeps
  // showing "…" (working) for that tab until the next navigation.
  it('an interrupted check does not leave the toolbar badge on "working" once the interruption is seen', async () => {
    const p = platform();
    withWireTab(p);
    p.tabs.get(WIRE_TAB)!.extractor = 'silent';
    await p.call('tab:check', { tabId: WIRE_TAB, force: false });
    p.clock += WORKING_TIMEOUT_MS + 1;
    expect((await p.call('tab:get', { tabId: WIRE_TAB })).state).toBe('error');
    expect(p.lastBadge(WIRE_TAB)).toMatchObject({ text: '!', color: BADGE_COLORS.error });
  });

  it('a restarted worker (new service, same session map and database) still returns the results', async () => {
    const p = platform();
    withWireTab(p);
    const first = await p.call('tab:check', { tabId: WIRE_TAB, force: false });
    const snapshot = await (await p.service.db()).get('postings', 'current');
    expect(snapshot).toBeDefined();

    const restarted = new FakePlatform({ dbName: p.dbName, sessionMap: p.sessionMap, corpus: p.corpusData });
    platforms.push(restarted);
    restarted.tabs = p.tabs;
    restarted.clock = p.clock + 60_000;
    restarted.start();
    expect(await restarted.call('tab:get', { tabId: WIRE_TAB })).toEqual(first);

    // Its matcher reuses the saved postings (not rebuilt: builtAt unchanged) and gives the same report.
    const again = await restarted.call('tab:check', { tabId: WIRE_TAB, force: false });
    expect(resultsOf(again).paragraphs).toEqual(resultsOf(first).paragraphs);
    expect((await (await restarted.service.db()).get('postings', 'current'))!.builtAt).toBe(snapshot!.builtAt);
  });

  it('onTabNavigated clears the state and the badge; onTabRemoved and page:reset clear the state', async () => {
    const p = platform();
    withWireTab(p);
    await p.call('tab:check', { tabId: WIRE_TAB, force: false });
    expect(p.sessionMap.has(`tab:${WIRE_TAB}`)).toBe(true);
    await p.service.onTabNavigated(WIRE_TAB);
    expect(p.sessionMap.has(`tab:${WIRE_TAB}`)).toBe(false);
    expect(await p.call('tab:get', { tabId: WIRE_TAB })).toEqual({ state: 'idle', url: p.tabs.get(WIRE_TAB)!.url });
    expect(p.lastBadge(WIRE_TAB)).toEqual({ text: '', color: BADGE_COLORS.agree, title: 'actionTitle' });

    await p.call('tab:check', { tabId: WIRE_TAB, force: false });
    expect(await p.call('page:reset', { url: p.tabs.get(WIRE_TAB)!.url }, { tabId: WIRE_TAB, url: null })).toEqual({ cleared: true });
    expect((await p.call('tab:get', { tabId: WIRE_TAB })).state).toBe('idle');
    expect(await p.call('page:reset', { url: 'x' }, { tabId: null, url: null })).toEqual({ cleared: false });

    await p.call('tab:check', { tabId: WIRE_TAB, force: false });
    await p.service.onTabRemoved(WIRE_TAB);
    expect(p.sessionMap.size).toBe(0);
  });

  // The extractor's request was in flight (here: a freshly woken worker building its matcher) when
  // the tab navigated; the late reply then writes the old page's results onto the new page.
  it("a report that arrives after the tab navigated away does not become the new page's results", async () => {
    const p = platform();
    withWireTab(p);
    const old = p.tabs.get(WIRE_TAB)!;
    const inFlight = p.call(
      'page:paragraphs',
      { url: old.url, title: old.title, paragraphs: old.paragraphs, verdict: old.verdict, force: false },
      { tabId: WIRE_TAB, url: old.url },
    );
    // Meanwhile the user follows a link: the tab shows another page.
    p.tabs.set(WIRE_TAB, { ...pageFromFixture('miss-recipe', p.corpusData) });
    await p.service.onTabNavigated(WIRE_TAB);
    await inFlight;
    const state = await p.call('tab:get', { tabId: WIRE_TAB });
    expect(state.url).toBe(p.tabs.get(WIRE_TAB)!.url);
    expect(state.state).not.toBe('results');
    expect(p.lastBadge(WIRE_TAB)?.text ?? '').toBe(''); // no badge was ever set for the new page
  });

  it("a non-http(s) URL gives error 'cannot-script' without injecting", async () => {
    const p = platform();
    for (const [tabId, url] of [
      [10, 'chrome://extensions/'],
      [11, 'about:addons'],
      [12, 'chrome-extension://abc/options.html'],
      [13, 'view-source:https://example.com/'],
    ] as const) {
      p.tabs.set(tabId, { url, title: 't', paragraphs: [], verdict: { isCoverage: false, score: 0, reason: '' } });
      const state = await p.call('tab:check', { tabId, force: true });
      expect(state).toEqual({ state: 'error', url, error: { code: 'cannot-script', message: 'errorCannotScript' } });
      expect(p.lastBadge(tabId)).toMatchObject({ text: '!', color: BADGE_COLORS.error });
    }
    // A tab that has gone away.
    expect(await p.call('tab:check', { tabId: 77, force: false })).toEqual({
      state: 'error',
      url: null,
      error: { code: 'cannot-script', message: 'errorCannotScript' },
    });
    expect(p.injections).toHaveLength(0);

    // The browser refusing the injection (e.g. the Web Store) is also cannot-script.
    p.tabs.set(14, { ...pageFromFixture('cov-01', p.corpusData), extractor: 'throw' });
    expect(await p.call('tab:check', { tabId: 14, force: false })).toMatchObject({ state: 'error', error: { code: 'cannot-script' } });
  });

  it('a loaded page is probed when the detection mode covers its URL, and never otherwise', async () => {
    const p = platform();
    await p.service.onTabLoaded(1, 'https://news.example/world/riyadh-talks');
    await p.service.onTabLoaded(2, 'chrome://extensions/');
    await p.service.onTabLoaded(3, 'file:///home/reader/page.html');
    expect(p.probed).toEqual([1]);
    await p.call('settings:set', { detection: 'sites', sites: ['www.reuters.com'] });
    await p.service.onTabLoaded(4, 'https://www.reuters.com/world/');
    await p.service.onTabLoaded(5, 'https://news.example/world/');
    expect(p.probed).toEqual([1, 4]);
    await p.call('settings:set', { detection: 'on-demand' });
    await p.service.onTabLoaded(6, 'https://www.reuters.com/world/');
    await p.service.onTabUrlChanged(7, 'https://www.reuters.com/world/next');
    expect(p.probed).toEqual([1, 4]);
  });

  it("'gate:positive' runs the check unless detection is on-demand", async () => {
    const p = platform();
    withWireTab(p);
    const page = p.tabs.get(WIRE_TAB)!;
    const req = { url: page.url, title: page.title, verdict: page.verdict };
    expect(await p.call('gate:positive', req, { tabId: null, url: null })).toEqual({ accepted: false });
    expect(await p.call('gate:positive', req, { tabId: WIRE_TAB, url: page.url })).toEqual({ accepted: true });
    expect((await p.call('tab:get', { tabId: WIRE_TAB })).state).toBe('results');
    await p.call('settings:set', { detection: 'on-demand' });
    await p.service.onTabNavigated(WIRE_TAB);
    expect(await p.call('gate:positive', req, { tabId: WIRE_TAB, url: page.url })).toEqual({ accepted: false });
    expect((await p.call('tab:get', { tabId: WIRE_TAB })).state).toBe('idle');
  });

  it("'page:paragraphs' with 50,000 short paragraphs completes; the service caps what it matches", async () => {
    const p = platform();
    const paragraphs = Array.from({ length: 50_000 }, (_, i) => ({
      index: i,
      text: i % 3 === 0 ? `Lavrov and Rubio met in Riyadh on Tuesday, round ${i}.` : `Paragraph ${i} about the weather.`,
    }));
    const verdict = { isCoverage: true, score: 0.5, reason: 'test' };
    const url = 'https://news.example.com/huge';
    p.tabs.set(20, { url, title: 'Huge', paragraphs, verdict });
    const started = Date.now();
    const report = await p.call('page:paragraphs', { url, title: 'Huge', paragraphs, verdict, force: false }, { tabId: 20, url });
    expect(Date.now() - started).toBeLessThan(45_000);
    expect(report.paragraphs.length).toBeGreaterThan(0);
    expect(report.paragraphs.length).toBeLessThanOrEqual(2000);
    expect(report.paragraphs.some((x) => x.matches.length > 0)).toBe(true);
    expect(report.paragraphs[0]!.index).toBe(0);
    expect((await p.call('tab:get', { tabId: 20 })).state).toBe('results');
  }, 60_000);
});

describe('BackgroundService: sources and settings handlers', () => {
  it('ping reports the schema and the seeded corpus', async () => {
    const p = platform();
    await p.service.ensureSeeded();
    expect(await p.call('ping', {})).toEqual({
      version: '0.1.0-test',
      corpus: {
        version: p.corpusData.version,
        schema: SCHEMA_VERSION,
        sources: p.corpusData.sources.length,
        statements: p.corpusData.statements.length,
      },
    });
  });

  it('sources:* round-trip: list, add, rename, export, remove, import, reset', async () => {
    const p = platform();
    const list = await p.call('sources:list', {});
    expect(list.sources.map((s) => s.id)).toEqual(p.corpusData.sources.map((s) => s.id));

    const added = await p.call('source:add', { name: 'My notes', text: ON_TOPIC_TEXT, url: 'https://notes.example.org/x' });
    expect(added.statements).toBeGreaterThan(0);
    const renamed = await p.call('source:update', { id: 'unattributed-wire', name: 'Reuters' });
    expect(renamed.source.name).toBe('Reuters');
    await p.call('source:update', { id: 'post-truth', enabled: false });
    const afterEdits = await p.call('sources:list', {});
    expect(afterEdits.sources.map((s) => s.id)).toEqual([...p.corpusData.sources.map((s) => s.id), added.source.id]);

    const { json } = await p.call('sources:export', {});
    expect(JSON.parse(json).user[0].documents[0].text).toBe(ON_TOPIC_TEXT);
    expect(await p.call('source:remove', { id: added.source.id })).toEqual({ removed: true });
    expect(await p.call('source:remove', { id: added.source.id })).toEqual({ removed: false });
    await p.call('sources:reset', {});
    const reset = await p.call('sources:list', {});
    expect(reset.sources.find((s) => s.id === 'unattributed-wire')!.name).toBe('Unattributed report');
    expect(reset.sources.find((s) => s.id === 'post-truth')!.enabled).toBe(true);

    expect(await p.call('sources:import', { json })).toEqual({ added: 1, updated: p.corpusData.sources.length });
    expect(await p.call('sources:list', {})).toEqual(afterEdits);

    expect(await p.call('sources:reset', {})).toEqual({ sources: p.corpusData.sources.length });
    expect((await p.call('sources:list', {})).sources).toHaveLength(p.corpusData.sources.length);
  });

  it("answers a script in a web page only the requests page scripts make; the rest is for the extension's pages", async () => {
    const p = platform();
    await p.service.ensureSeeded();
    const h = p.service.handlers();
    const before = (await p.call('sources:list', {})).sources.map((x) => x.enabled);
    for (const kind of ['page-script', undefined] as const) {
      const page = { tabId: 7, url: 'https://evil.example/', kind };
      for (const [type, data] of [
        ['sources:reset', {}],
        ['settings:set', { markers: false }],
        ['source:remove', { id: 'user-x' }],
        ['sources:export', {}],
        ['tab:get', { tabId: 1 }],
      ] as const) {
        expect(await dispatch(h, { type, data }, page)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
      expect(await dispatch(h, { type: 'settings:get', data: {} }, page)).toMatchObject({ ok: true });
      expect(await dispatch(h, { type: 'page:reset', data: { url: 'https://evil.example/' } }, page)).toMatchObject({ ok: true });
    }
    expect((await p.call('sources:list', {})).sources.map((x) => x.enabled)).toEqual(before);
    expect(
      await dispatch(
        h,
        { type: 'sources:export', data: {} },
        { tabId: null, url: 'chrome-extension://x/options.html', kind: 'extension-page' },
      ),
    ).toMatchObject({ ok: true });
  });

  it('errors reach the sender as codes through dispatch', async () => {
    const p = platform();
    await p.service.ensureSeeded();
    const h = p.service.handlers();
    const s = { tabId: null, url: null, kind: 'extension-page' as const };
    expect(await dispatch(h, { type: 'source:update', data: { id: 'nope', enabled: false } }, s)).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await dispatch(h, { type: 'source:remove', data: { id: 'arab-news' } }, s)).toMatchObject({
      ok: false,
      error: { code: 'bundled' },
    });
    expect(await dispatch(h, { type: 'sources:import', data: { json: 'nope' } }, s)).toMatchObject({
      ok: false,
      error: { code: 'bad-import' },
    });
    expect(await dispatch(h, { type: 'source:add', data: { name: '', text: 'x' } }, s)).toMatchObject({
      ok: false,
      error: { code: 'bad-name' },
    });
    expect(await dispatch(h, { type: 'settings:set', data: { detection: 'sometimes' } }, s)).toMatchObject({
      ok: false,
      error: { code: 'bad-setting' },
    });
    expect(await dispatch(h, { type: 'source:add-tab', data: { tabId: 1 } }, s)).toMatchObject({
      ok: false,
      error: { code: 'no-page-text', message: 'errorNoPageText' },
    });
    expect(await dispatch(h, { type: 'no-such-type', data: {} }, s)).toBeNull();

    // A full disk while adding a source.
    const patch = failPutWithQuota(2);
    try {
      expect(await dispatch(h, { type: 'source:add', data: { name: 'Notes', text: ON_TOPIC_TEXT } }, s)).toMatchObject({
        ok: false,
        error: { code: 'storage-full' },
      });
    } finally {
      patch.restore();
    }
    expect((await p.call('sources:list', {})).sources).toHaveLength(p.corpusData.sources.length);
  });

  it("'source:add-tab' adds the checked page's text as a source named after its host", async () => {
    const p = platform();
    p.tabs.set(2, pageFromFixture('cov-01', p.corpusData));
    await p.call('tab:check', { tabId: 2, force: false });
    const r = await p.call('source:add-tab', { tabId: 2 });
    expect(r.source).toMatchObject({ name: 'news.example.com', origin: 'user', url: 'https://news.example.com/cov-01' });
    expect(r.statements).toBeGreaterThan(0);
  });

  // For a file: page the host is "", so the default name is empty and the add fails with
  // 'bad-name' although the user gave no name because none is needed.
  it("'source:add-tab' on a file: page without a name still gets a name", async () => {
    const p = platform();
    const page = pageFromFixture('cov-01', p.corpusData);
    page.url = 'file:///home/me/saved/riyadh.html';
    p.tabs.set(2, page);
    expect((await p.call('tab:check', { tabId: 2, force: false })).state).toBe('results');
    const r = await p.call('source:add-tab', { tabId: 2 });
    expect(r.source.name.length).toBeGreaterThan(0);
  });

  it('settings:* round-trip; open tabs are probed when the detection mode changes, markers are broadcast', async () => {
    const p = platform();
    expect(await p.call('settings:get', {})).toEqual(DEFAULT_SETTINGS);
    const next = await p.call('settings:set', { detection: 'sites', sites: ['https://www.Reuters.com/world'] });
    expect(next).toEqual({ ...DEFAULT_SETTINGS, detection: 'sites', sites: ['www.reuters.com'] });
    expect(p.probeInjections).toEqual([next]);
    expect(p.broadcasts).toEqual([]);
    const markersOff = await p.call('settings:set', { markers: false });
    expect(p.broadcasts).toEqual([markersOff]);
    expect(p.probeInjections).toHaveLength(1);
    await p.call('settings:set', { showRelated: false });
    expect(p.probeInjections).toHaveLength(1);
    await p.call('settings:set', { detection: 'on-demand' });
    expect(p.probeInjections).toHaveLength(1);
    expect(p.broadcasts).toHaveLength(1);
    expect(await p.call('settings:get', {})).toEqual({
      ...DEFAULT_SETTINGS,
      detection: 'on-demand',
      sites: ['www.reuters.com'],
      markers: false,
      showRelated: false,
    });
  });

  it('onInstalled seeds, removes the legacy registration and probes open tabs (not in on-demand mode)', async () => {
    const p = platform();
    await p.service.onInstalled();
    expect(p.legacyRemovals).toBe(1);
    expect(p.probeInjections).toHaveLength(1);
    const db = await p.service.db();
    expect(await db.get('meta', 'corpusVersion')).toBe(p.corpusData.version);
    await p.call('settings:set', { detection: 'on-demand' });
    await p.service.onInstalled();
    expect(p.probeInjections).toHaveLength(1);
  });

  it("'tab:show' asks the tab", async () => {
    const p = platform();
    withWireTab(p);
    expect(await p.call('tab:show', { tabId: WIRE_TAB, paragraph: 3 })).toEqual({ shown: true });
    expect(await p.call('tab:show', { tabId: 42, paragraph: 0 })).toEqual({ shown: false });
    expect(p.shown).toEqual([
      { tabId: WIRE_TAB, paragraph: 3 },
      { tabId: 42, paragraph: 0 },
    ]);
  });
});

describe('BackgroundService: disabled sources', () => {
  it("a disabled source's statements never appear in matches afterwards, also after a worker restart", async () => {
    const p = platform();
    withWireTab(p);
    const before = resultsOf(await p.call('tab:check', { tabId: WIRE_TAB, force: false }));
    const victim = [...matchedSources(before)].find((s) => s !== 'unattributed-wire')!;
    expect(victim).toBeTruthy();
    expect((await p.call('overview:get', {})).outlets.map((o) => o.id)).toContain(victim);

    await p.call('source:update', { id: victim, enabled: false });
    const after = resultsOf(await p.call('tab:check', { tabId: WIRE_TAB, force: false }));
    expect(matchedSources(after).has(victim)).toBe(false);
    expect(matchedSources(after).size).toBeGreaterThan(0);
    // The overview leaves it out too.
    const overview = await p.call('overview:get', {});
    expect(overview.outlets.map((o) => o.id)).not.toContain(victim);
    expect(overview.rows.every((r) => !(victim in r.cells) || r.cells[victim] === 'none')).toBe(true);

    // A restarted worker (postings snapshot read back from the database) agrees.
    const restarted = new FakePlatform({ dbName: p.dbName, sessionMap: p.sessionMap, corpus: p.corpusData });
    platforms.push(restarted);
    restarted.tabs = p.tabs;
    restarted.start();
    const again = resultsOf(await restarted.call('tab:check', { tabId: WIRE_TAB, force: false }));
    expect(matchedSources(again).has(victim)).toBe(false);

    // Enabled again, it comes back.
    await p.call('source:update', { id: victim, enabled: true });
    const back = resultsOf(await p.call('tab:check', { tabId: WIRE_TAB, force: false }));
    expect(matchedSources(back).has(victim)).toBe(true);
  });

  it('a user source is matched while enabled and never once disabled or removed', async () => {
    const p = platform();
    p.tabs.set(2, pageFromFixture('cov-01', p.corpusData));
    const { source } = await p.call('source:add', { name: 'My notes', text: ON_TOPIC_TEXT });
    const withUser = resultsOf(await p.call('tab:check', { tabId: 2, force: false }));
    expect(matchedSources(withUser).has(source.id)).toBe(true);

    await p.call('source:update', { id: source.id, enabled: false });
    expect(matchedSources(resultsOf(await p.call('tab:check', { tabId: 2, force: false }))).has(source.id)).toBe(false);
    await p.call('source:update', { id: source.id, enabled: true });
    expect(matchedSources(resultsOf(await p.call('tab:check', { tabId: 2, force: false }))).has(source.id)).toBe(true);
    await p.call('source:remove', { id: source.id });
    expect(matchedSources(resultsOf(await p.call('tab:check', { tabId: 2, force: false }))).has(source.id)).toBe(false);
  });
});

describe('BackgroundService: the database connection closed by a schema upgrade', () => {
  // Another context (an updated extension's page or worker) opens the database at a newer version:
  // the service's connection closes itself so the upgrade is not blocked. Here the upgrade then
  // fails and rolls back, so the database stays at this version and the service, on its next
  // request, must open it again and find everything.
  it('opens the database again on the next request and finds every source', async () => {
    const p = platform();
    await p.service.ensureSeeded();
    const added = (await p.call('source:add', { name: 'My notes', text: ON_TOPIC_TEXT })) as { source: { id: string } };
    const first = await p.service.db();
    expect(isDbClosed(first)).toBe(false);

    await expect(
      openDB(p.dbName, SCHEMA_VERSION + 1, {
        upgrade(_db, _old, _new, tx) {
          tx.done.catch(() => {}); // idb's promise of the aborted transaction: rejected, as wanted
          tx.abort();
        },
      }),
    ).rejects.toThrow();
    expect(isDbClosed(first)).toBe(true);
    expect(() => first.transaction('sources', 'readonly')).toThrow();

    const listed = (await p.call('sources:list', {})) as { sources: { id: string }[] };
    expect(listed.sources.map((s) => s.id)).toContain(added.source.id);
    const second = await p.service.db();
    expect(second).not.toBe(first);
    expect(second.version).toBe(SCHEMA_VERSION);
    expect(await p.service.db()).toBe(second);
  });
});
