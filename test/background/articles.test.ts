// Per-article switches (issue #13): an article switched off leaves the checks of open pages, comes back
// when switched on, is reported by sources:list, and a bad list of switched-off articles is refused.
import { describe, it, expect, afterEach } from 'vitest';
import type { TabState } from '../../lib/messages';
import type { XrefReport } from '../../lib/core/report';
import { MAX_DISABLED_ARTICLES } from '../../lib/store/settings';
import { FakePlatform, pageFromArticle } from './fake-platform';

const platforms: FakePlatform[] = [];
function platform(): FakePlatform {
  const p = new FakePlatform();
  platforms.push(p);
  p.start();
  return p;
}
afterEach(async () => {
  for (const p of platforms.splice(0)) await p.closeAll();
});

const TAB = 1;

function resultsOf(state: TabState | undefined): XrefReport {
  if (state?.state !== 'results') throw new Error(`expected results, got ${state?.state}`);
  return state.report;
}

/** The articles whose statements a report lists. */
const matchedArticles = (r: XrefReport) =>
  new Set(r.paragraphs.flatMap((p) => p.matches.flatMap((m) => (m.statementId ? [m.statementId.split('#')[0]!] : []))));

describe('BackgroundService: per-article switches', () => {
  it("switching an article off removes its statements from an open tab's next check; on brings them back; sources:list says so", async () => {
    const p = platform();
    const page = p.corpusData.articles.find((a) => a.id === 'unattributed-wire:1')!;
    p.tabs.set(TAB, pageFromArticle(page, p.corpusData));
    const before = resultsOf(await p.call('tab:check', { tabId: TAB, force: false }));
    // An article of another outlet whose statements this page lists.
    const victim = [...matchedArticles(before)].find((id) => !id.startsWith('unattributed-wire'))!;
    expect(victim).toBeTruthy();
    const listed = await p.call('sources:list', {});
    expect(listed.articles.every((a) => a.enabled)).toBe(true);

    const off = await p.call('article:update', { id: victim, enabled: false });
    expect(off.article).toMatchObject({ id: victim, enabled: false });
    expect((await p.call('sources:list', {})).articles.find((a) => a.id === victim)!.enabled).toBe(false);
    expect((await p.call('settings:get', {})).disabledArticles).toEqual([victim]);
    // The open tab was marked stale and checked again without its statements.
    await p.service.rechecked();
    const rechecked = resultsOf(await p.call('tab:get', { tabId: TAB }));
    expect(rechecked.paragraphs.length).toBe(before.paragraphs.length);
    expect(matchedArticles(rechecked).has(victim)).toBe(false);
    expect(matchedArticles(rechecked).size).toBeGreaterThan(0);
    // Its source stays on, and the source's other articles are still matched.
    expect((await p.call('sources:list', {})).sources.find((s) => victim.startsWith(`${s.id}:`))!.enabled).toBe(true);

    // A restarted worker (the postings snapshot read back) leaves it out too.
    const restarted = new FakePlatform({ dbName: p.dbName, sessionMap: p.sessionMap, corpus: p.corpusData });
    platforms.push(restarted);
    restarted.tabs = p.tabs;
    restarted.start();
    expect(matchedArticles(resultsOf(await restarted.call('tab:check', { tabId: TAB, force: false }))).has(victim)).toBe(false);

    const on = await p.call('article:update', { id: victim, enabled: true });
    expect(on.article).toMatchObject({ id: victim, enabled: true });
    await p.service.rechecked();
    const back = resultsOf(await p.call('tab:get', { tabId: TAB }));
    expect(matchedArticles(back)).toEqual(matchedArticles(before));
    expect((await p.call('sources:list', {})).articles.every((a) => a.enabled)).toBe(true);
    expect((await p.call('settings:get', {})).disabledArticles).toEqual([]);
  });

  it('refuses an unknown article, a non-boolean switch and a bad list of switched-off articles, changing nothing', async () => {
    const p = platform();
    await p.service.ensureSeeded();
    const some = p.corpusData.articles[0]!.id;
    await expect(p.call('article:update', { id: 'no-such-article', enabled: false })).rejects.toMatchObject({ code: 'not-found' });
    await expect(p.call('article:update', { id: some, enabled: 'no' as unknown as boolean })).rejects.toMatchObject({
      code: 'bad-request',
    });
    for (const bad of [
      'arab-news:1',
      [42],
      [some, null],
      ['no-such-article'],
      Array.from({ length: MAX_DISABLED_ARTICLES + 1 }, (_, i) => `x${i}`),
    ]) {
      await expect(p.call('settings:set', { disabledArticles: bad as string[] })).rejects.toMatchObject({ code: 'bad-setting' });
    }
    expect((await p.call('settings:get', {})).disabledArticles).toEqual([]);
    // A good list is kept (duplicates once) and changes what is matched, like the switch.
    const next = await p.call('settings:set', { disabledArticles: [some, some] });
    expect(next.disabledArticles).toEqual([some]);
    expect((await p.call('sources:list', {})).articles.find((a) => a.id === some)!.enabled).toBe(false);
  });
});
