// "Add this page as a source" from the popup: 'source:preview-tab' reads the checked tab's text as
// 'source:add-tab' would store it — outlet name, statements, topic — and writes nothing.
import { describe, it, expect, afterEach } from 'vitest';
import { siteName } from '../../lib/core/safe-url';
import { FakePlatform, pageFromFixture } from './fake-platform';
import { dumpDb } from '../store/helpers';

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

describe("'source:preview-tab'", () => {
  it('lists the statements that would be stored and writes nothing', async () => {
    const p = platform();
    p.tabs.set(2, { ...pageFromFixture('cov-01', p.corpusData), url: 'https://www.example.org:8443/news/cov-01' });
    expect((await p.call('tab:check', { tabId: 2, force: false })).state).toBe('results');
    const db = await p.service.db();
    const before = await dumpDb(db);
    const session = JSON.stringify([...p.sessionMap]);

    const preview = await p.call('source:preview-tab', { tabId: 2 });
    expect(preview).toMatchObject({ name: 'example.org', url: 'https://www.example.org:8443/news/cov-01', onTopic: true, published: null });
    expect(preview.title.length).toBeGreaterThan(0);
    expect(preview.total).toBeGreaterThan(0);
    expect(preview.statements.length).toBe(Math.min(30, preview.total));
    expect(preview.statements.every((s) => typeof s === 'string' && s.length > 0)).toBe(true);

    expect(await dumpDb(db)).toEqual(before);
    expect(JSON.stringify([...p.sessionMap])).toBe(session);

    // Saving stores what was previewed, under the same default name.
    const added = await p.call('source:add-tab', { tabId: 2 });
    expect(added.source.name).toBe('example.org');
    expect(added.statements).toBe(preview.total);
  });

  it('flags an off-topic page before anything is saved', async () => {
    const p = platform();
    const page = pageFromFixture('miss-alaska', p.corpusData);
    p.tabs.set(3, page);
    expect((await p.call('tab:check', { tabId: 3, force: true })).state).toBe('results');
    const db = await p.service.db();
    const before = await dumpDb(db);
    const preview = await p.call('source:preview-tab', { tabId: 3 });
    expect(preview.onTopic).toBe(false);
    expect(preview.topicReason.length).toBeGreaterThan(0);
    expect(await dumpDb(db)).toEqual(before);
  });

  it('refuses a tab without checked text', async () => {
    const p = platform();
    await expect(p.call('source:preview-tab', { tabId: 9 })).rejects.toMatchObject({ code: 'no-page-text' });
  });
});

describe("'source:add-tab' default name", () => {
  it('is the site without www. or a port; a name given is kept', async () => {
    const p = platform();
    p.tabs.set(2, { ...pageFromFixture('cov-02', p.corpusData), url: 'http://www.arabnews.com:8080/node/123' });
    await p.call('tab:check', { tabId: 2, force: false });
    expect((await p.call('source:add-tab', { tabId: 2 })).source.name).toBe('arabnews.com');
    p.tabs.set(4, { ...pageFromFixture('cov-03', p.corpusData), url: 'http://127.0.0.1:5173/page' });
    await p.call('tab:check', { tabId: 4, force: false });
    expect((await p.call('source:add-tab', { tabId: 4, name: '  My Outlet ' })).source.name).toBe('My Outlet');
  });

  it('siteName: host without www. or port; empty for non-web pages', () => {
    expect(siteName('https://www.arabnews.com/x')).toBe('arabnews.com');
    expect(siteName('http://localhost:3000/a')).toBe('localhost');
    expect(siteName('https://WWW.Reuters.com:443/')).toBe('reuters.com');
    expect(siteName('file:///home/me/a.html')).toBe('');
    expect(siteName(null)).toBe('');
  });
});
