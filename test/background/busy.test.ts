// A large import does not hold the background: user texts are read article by article with pauses,
// so a tab's check still answers within a second while ~2 MB of text is being imported.
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { FakePlatform, pageFromArticle } from './fake-platform';
import { EXPORT_FORMAT } from '../../lib/store/export-format';
import { parseUserTextInSteps } from '../../lib/corpus/user-text';
import { ROOT } from '../../tools/corpus-files';
import { dumpDb } from '../store/helpers';

const platforms: FakePlatform[] = [];
afterEach(async () => {
  for (const p of platforms.splice(0)) await p.closeAll();
});

/** ~480,000 characters of real coverage (the seed texts, repeated). */
function longText(): string {
  const dir = join(ROOT, 'corpus');
  const seeds = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'))
    .join('\n\n');
  let text = '';
  while (text.length < 480_000) text += `${seeds}\n\n`;
  return text.slice(0, 480_000);
}

describe('background under a large import', () => {
  it("answers a tab's check within a second while importing four 480,000-character documents", async () => {
    const p = new FakePlatform();
    platforms.push(p);
    p.start();
    await p.service.ensureSeeded();
    const wire = p.corpusData.articles.find((a) => a.id === 'unattributed-wire:1')!;
    p.tabs.set(1, pageFromArticle(wire, p.corpusData));
    await p.call('tab:check', { tabId: 1, force: false }); // the matcher is loaded, as in a browser that was used
    const text = longText();
    const json = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '',
      bundled: [],
      user: [
        {
          id: 'user-big',
          name: 'Big',
          url: null,
          enabled: true,
          addedAt: 1,
          documents: [1, 2, 3, 4].map(() => ({ title: null, url: null, text })),
        },
      ],
    });
    const started = performance.now();
    let importDone = 0;
    const importing = p.call('sources:import', { json }).then((r) => {
      importDone = performance.now() - started;
      return r;
    });
    // Ask 300 ms into the import (it is reading the texts by then), and time from when the request
    // was due: a background busy in one long task would start on it only when that task ends.
    const due = performance.now() + 300;
    await new Promise((r) => setTimeout(r, 300));
    const state = await p.call('tab:check', { tabId: 1, force: false });
    const answeredIn = performance.now() - due;
    expect(state.state).toBe('results');
    expect(await importing).toEqual({ added: 1, updated: 0 });
    // The import took seconds; the check in the middle of it did not wait for it.
    expect(importDone).toBeGreaterThan(answeredIn);
    expect(answeredIn).toBeLessThan(1000);
  }, 120_000);

  it('sources:cancel stops an import while its texts are read: the reply says so and nothing is written', async () => {
    const p = new FakePlatform();
    platforms.push(p);
    p.start();
    await p.service.ensureSeeded();
    const db = await p.service.db();
    const before = await dumpDb(db);
    const text = longText();
    const json = JSON.stringify({
      format: EXPORT_FORMAT,
      version: 1,
      exportedAt: '',
      bundled: [{ id: 'arab-news', enabled: false }],
      user: [{ id: 'user-big', name: 'Big', url: null, enabled: true, addedAt: 1, documents: [{ title: null, url: null, text }] }],
    });
    const importing = p.call('sources:import', { json }).then(
      () => null,
      (e: { code?: string; message?: string }) => e,
    );
    await new Promise((r) => setTimeout(r, 200));
    expect(await p.call('sources:cancel', {})).toEqual({ cancelled: true });
    const err = await importing;
    expect(err).toMatchObject({ code: 'cancelled' });
    expect(await dumpDb(db)).toEqual(before);
    // Nothing runs any more; the same file imports when not cancelled.
    expect(await p.call('sources:cancel', {})).toEqual({ cancelled: false });
    expect(await p.call('sources:import', { json })).toEqual({ added: 1, updated: 1 });
  }, 120_000);

  it('reading a long text reports progress and stops when cancelled', async () => {
    const sig = new FakePlatform().corpusData.signature;
    const seen: number[] = [];
    const ctl = new AbortController();
    const reading = parseUserTextInSteps('user-x-1', { text: longText() }, sig, {
      signal: ctl.signal,
      onProgress: (done) => {
        seen.push(done);
        if (done > 0.3) ctl.abort();
      },
    });
    await expect(reading).rejects.toMatchObject({ name: 'AbortError' });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every((x, i) => x > 0 && x < 1 && (i === 0 || x > seen[i - 1]!))).toBe(true);
    const whole: number[] = [];
    const done = await parseUserTextInSteps('user-x-1', { text: 'Lavrov met Rubio in Riyadh on Tuesday.' }, sig, {
      onProgress: (d) => whole.push(d),
    });
    expect(done.statements.length).toBeGreaterThan(0);
    expect(whole.at(-1)).toBe(1);
  });
});
