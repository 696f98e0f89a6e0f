// Change events and stale results: a change to the sources is pushed to the pages (a record in
// session storage), marks the results already shown for open tabs stale and re-checks those tabs,
// as they were checked (forced or not); where a re-check cannot run, the stale results stay so the
// popup can offer one.
import { describe, it, expect, afterEach } from 'vitest';
import { SOURCES_CHANGED_KEY, type SourcesChange, type TabState } from '../../lib/messages';
import type { XrefReport } from '../../lib/core/report';
import { BADGE_COLORS } from '../../lib/background/badge';
import { FakePlatform, pageFromArticle, pageFromFixture } from './fake-platform';
import { ON_TOPIC_TEXT } from '../store/helpers';

const platforms: FakePlatform[] = [];
function platform(opts: ConstructorParameters<typeof FakePlatform>[0] = {}): FakePlatform {
  const p = new FakePlatform(opts);
  platforms.push(p);
  p.start();
  return p;
}
afterEach(async () => {
  for (const p of platforms.splice(0)) {
    await p.service.rechecked();
    await p.closeAll();
  }
});

const TAB = 1;
function withWireTab(p: FakePlatform, tabId = TAB): void {
  const a = p.corpusData.articles.find((x) => x.id === 'unattributed-wire:1')!;
  p.tabs.set(tabId, pageFromArticle(a, p.corpusData));
}

function resultsOf(state: TabState | undefined): XrefReport & { stale?: boolean; forced?: boolean } {
  if (state?.state !== 'results') throw new Error(`expected results, got ${state?.state}`);
  return { ...state.report, stale: state.stale, forced: state.forced };
}
const matchedSources = (r: XrefReport) => new Set(r.paragraphs.flatMap((x) => x.matches.map((m) => m.sourceId)));
const stored = (p: FakePlatform, tabId: number) => p.session.get<TabState>(`tab:${tabId}`);
const lastChange = (p: FakePlatform) => p.session.get<SourcesChange>(SOURCES_CHANGED_KEY);

describe('change events: sources', () => {
  it('each change to the sources writes a new change record (what the popup and options page listen for)', async () => {
    const p = platform();
    await p.service.ensureSeeded();
    expect(await lastChange(p)).toBeUndefined();
    await p.call('source:update', { id: 'post-truth', enabled: false });
    expect(await lastChange(p)).toEqual({ rev: 1, at: p.clock, kind: 'update' });
    const { source } = await p.call('source:add', { name: 'My notes', text: ON_TOPIC_TEXT });
    expect((await lastChange(p))?.kind).toBe('add');
    await p.call('source:remove', { id: source.id });
    expect(await lastChange(p)).toMatchObject({ rev: 3, kind: 'remove' });
    // Removing what is not there changes nothing: no event.
    await p.call('source:remove', { id: source.id });
    expect((await lastChange(p))?.rev).toBe(3);
    const { json } = await p.call('sources:export', {});
    await p.call('sources:import', { json });
    expect((await lastChange(p))?.kind).toBe('import');
    await p.call('sources:reset', {});
    expect(await lastChange(p)).toMatchObject({ rev: 5, kind: 'reset' });

    // Two changes at once get two revisions.
    await Promise.all([
      p.call('source:update', { id: 'post-truth', enabled: false }),
      p.call('source:update', { id: 'arab-news', enabled: false }),
    ]);
    expect((await lastChange(p))?.rev).toBe(7);
    // A restarted worker carries on from the stored revision.
    const restarted = platform({ dbName: p.dbName, sessionMap: p.sessionMap, corpus: p.corpusData });
    await restarted.call('source:update', { id: 'arab-news', enabled: true });
    expect((await lastChange(restarted))?.rev).toBe(8);
  });

  it("'sources:status' counts the sources and those switched on", async () => {
    const p = platform();
    const n = p.corpusData.sources.length;
    expect(await p.call('sources:status', {})).toEqual({ total: n, enabled: n });
    await p.call('source:update', { id: 'post-truth', enabled: false });
    expect(await p.call('sources:status', {})).toEqual({ total: n, enabled: n - 1 });
  });
});

describe('change events: open tabs follow the sources', () => {
  it('disabling an outlet marks the results shown stale, then re-checks the tab: the outlet is gone, the badge follows', async () => {
    const p = platform();
    withWireTab(p);
    const before = resultsOf(await p.call('tab:check', { tabId: TAB, force: false }));
    const victim = [...matchedSources(before)].find((s) => s !== 'unattributed-wire')!;
    expect(victim).toBeTruthy();
    const pushedBefore = p.statesPushed(TAB).length;
    const injectionsBefore = p.injections.length;

    await p.call('source:update', { id: victim, enabled: false });
    await p.service.rechecked();

    // What an open popup was told, in order: the old results marked stale, working, the new results.
    const pushed = p.statesPushed(TAB).slice(pushedBefore);
    expect(pushed.map((s) => `${s.state}${s.state === 'results' && s.stale ? ' stale' : ''}`)).toEqual([
      'results stale',
      'working',
      'results',
    ]);
    expect(resultsOf(pushed[0]).paragraphs).toEqual(before.paragraphs);
    const after = resultsOf(await stored(p, TAB));
    expect(after.stale).toBeUndefined();
    expect(matchedSources(after).has(victim)).toBe(false);
    expect(matchedSources(after).size).toBeGreaterThan(0);
    expect(p.injections.length).toBe(injectionsBefore + 1);
    expect(p.injections.at(-1)!.force).toBe(false);
    const matched = after.paragraphs.filter((x) => x.matches.some((m) => m.stance !== 'related')).length;
    expect(p.lastBadge(TAB)!.text).toBe(matched ? String(matched) : '');

    // Switched on again, it comes back the same way.
    await p.call('source:update', { id: victim, enabled: true });
    await p.service.rechecked();
    expect(matchedSources(resultsOf(await stored(p, TAB))).has(victim)).toBe(true);
  });

  it('adding, renaming and removing a user source update every open tab with results', async () => {
    const p = platform();
    p.tabs.set(2, pageFromFixture('cov-01', p.corpusData));
    p.tabs.set(3, pageFromFixture('cov-02', p.corpusData));
    await p.call('tab:check', { tabId: 2, force: false });
    await p.call('tab:check', { tabId: 3, force: false });
    const { source } = await p.call('source:add', { name: 'My notes', text: ON_TOPIC_TEXT });
    await p.service.rechecked();
    expect(matchedSources(resultsOf(await stored(p, 2))).has(source.id)).toBe(true);
    expect(resultsOf(await stored(p, 3)).stale).toBeUndefined();

    await p.call('source:update', { id: source.id, name: 'Field notes' });
    await p.service.rechecked();
    const names = resultsOf(await stored(p, 2)).paragraphs.flatMap((x) =>
      x.matches.filter((m) => m.sourceId === source.id).map((m) => m.source),
    );
    expect(names.length).toBeGreaterThan(0);
    expect(new Set(names)).toEqual(new Set(['Field notes']));

    await p.call('source:remove', { id: source.id });
    await p.service.rechecked();
    for (const tabId of [2, 3]) {
      const r = resultsOf(await stored(p, tabId));
      expect(r.stale).toBeUndefined();
      expect(matchedSources(r).has(source.id)).toBe(false);
    }
  });

  it('a forced check is labelled forced and re-checked forced', async () => {
    const p = platform();
    const page = pageFromFixture('miss-alaska', p.corpusData);
    expect(page.verdict.isCoverage).toBe(false);
    p.tabs.set(3, page);
    const forced = resultsOf(await p.call('tab:check', { tabId: 3, force: true }));
    expect(forced.forced).toBe(true);
    // A forced check of a page that is coverage is an ordinary one.
    withWireTab(p);
    expect(resultsOf(await p.call('tab:check', { tabId: TAB, force: true })).forced).toBeUndefined();

    await p.call('source:update', { id: 'post-truth', enabled: false });
    await p.service.rechecked();
    expect(p.injections.filter((i) => i.tabId === 3).map((i) => i.force)).toEqual([true, true]);
    expect(resultsOf(await stored(p, 3))).toMatchObject({ forced: true, stale: undefined });
  });

  it('a tab whose re-check cannot run keeps its results, marked stale (the popup offers the re-check)', async () => {
    const p = platform();
    withWireTab(p);
    const before = resultsOf(await p.call('tab:check', { tabId: TAB, force: false }));
    const badge = p.lastBadge(TAB);
    p.tabs.get(TAB)!.extractor = 'throw'; // e.g. the page went into a state the browser refuses to script
    await p.call('source:update', { id: 'post-truth', enabled: false });
    await p.service.rechecked();
    const after = resultsOf(await stored(p, TAB));
    expect(after.stale).toBe(true);
    expect(after.paragraphs).toEqual(before.paragraphs);
    expect(p.lastBadge(TAB)).toEqual(badge);
    expect(p.lastBadge(TAB)!.color).not.toBe(BADGE_COLORS.error);

    // The reader's re-check (the popup's button) clears it once the page can be read.
    p.tabs.get(TAB)!.extractor = 'report';
    expect(resultsOf(await p.call('tab:check', { tabId: TAB, force: false })).stale).toBeUndefined();
  });

  it('tabs that navigated, closed, or hold no results are not re-checked; a closed tab keeps no state', async () => {
    const p = platform();
    withWireTab(p, 1);
    withWireTab(p, 2);
    p.tabs.set(3, pageFromFixture('miss-alaska', p.corpusData));
    await p.call('tab:check', { tabId: 1, force: false });
    await p.call('tab:check', { tabId: 2, force: false });
    expect((await p.call('tab:check', { tabId: 3, force: false })).state).toBe('not-coverage');
    // Tab 1 now shows another page (its navigation event not seen yet); tab 2 closed unseen.
    p.tabs.set(1, { ...pageFromFixture('cov-03', p.corpusData) });
    p.tabs.delete(2);
    const injections = p.injections.length;
    await p.call('source:update', { id: 'post-truth', enabled: false });
    await p.service.rechecked();
    expect(p.injections.length).toBe(injections);
    expect((await stored(p, 3))?.state).toBe('not-coverage');
    // A popup left open on a closed tab asking for a check stores nothing for it.
    await p.service.onTabRemoved(2);
    await p.call('tab:check', { tabId: 2, force: false });
    expect(await stored(p, 2)).toBeUndefined();
    await p.service.onTabRemoved(1);
    await p.service.onTabRemoved(3);
    expect([...p.sessionMap.keys()]).toEqual([SOURCES_CHANGED_KEY]);
  });

  it('a check in flight while the sources change ends with results from the changed sources', async () => {
    const p = platform();
    withWireTab(p);
    const first = resultsOf(await p.call('tab:check', { tabId: TAB, force: false }));
    const victim = [...matchedSources(first)].find((s) => s !== 'unattributed-wire')!;
    await p.service.onTabNavigated(TAB);
    const page = p.tabs.get(TAB)!;
    // The extractor's paragraphs arrive while the outlet is being switched off.
    const inFlight = p.call(
      'page:paragraphs',
      { url: page.url, title: page.title, paragraphs: page.paragraphs, verdict: page.verdict, force: false },
      { tabId: TAB, url: page.url },
    );
    await p.call('source:update', { id: victim, enabled: false });
    await inFlight;
    await p.service.rechecked();
    const after = resultsOf(await stored(p, TAB));
    expect(after.stale).toBeUndefined();
    expect(matchedSources(after).has(victim)).toBe(false);
  });

  it('with every source switched off the re-checked tab lists nothing and its badge clears', async () => {
    const p = platform();
    withWireTab(p);
    await p.call('tab:check', { tabId: TAB, force: false });
    expect(p.lastBadge(TAB)!.text).toMatch(/^\d+$/);
    for (const s of p.corpusData.sources) await p.call('source:update', { id: s.id, enabled: false });
    await p.service.rechecked();
    expect(await p.call('sources:status', {})).toMatchObject({ enabled: 0 });
    const r = resultsOf(await stored(p, TAB));
    expect(r.stale).toBeUndefined();
    expect(r.paragraphs.flatMap((x) => x.matches)).toEqual([]);
    expect(p.lastBadge(TAB)!.text).toBe('');
    // Many changes in a row re-check the tab far fewer times than there were changes.
    expect(p.injections.length).toBeLessThan(1 + p.corpusData.sources.length);
  });
});
