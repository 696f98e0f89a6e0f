// The gate's life in a page (lib/page/gate-runner.ts), on real fixture pages parsed by linkedom: it
// tells the background through the typed page protocol when a page covers the event, stays silent on
// one that does not, and stops when the extension goes away.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { runGate } from '../../lib/page/gate-runner';
import type { SendFromPage } from '../../lib/page/types';
import { ROOT, loadCompiled } from '../../tools/corpus-files';

const sig = loadCompiled().signature;

function pageWindow(name: string, url: string): Window {
  const html = readFileSync(join(ROOT, 'test/fixtures/pages', name, 'page.html'), 'utf8');
  const { document } = parseHTML(html);
  // What runGate uses of a window: its document, its URL and its events (none fire here).
  return { document, location: { href: url }, addEventListener: () => undefined } as unknown as Window;
}

describe('runGate', () => {
  afterEach(() => vi.useRealTimers());

  it('sends gate:positive once for a coverage page', async () => {
    vi.useFakeTimers();
    const sent: [string, unknown][] = [];
    const send = (async (type, data) => {
      sent.push([type, data]);
      return { accepted: true };
    }) as SendFromPage;
    const ctl = runGate(sig, { send }, pageWindow('wire-story', 'https://wire.example/riyadh'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent.map(([t]) => t)).toEqual(['gate:positive']);
    expect(sent[0]![1]).toMatchObject({ url: 'https://wire.example/riyadh', verdict: { isCoverage: true } });
    ctl.abort();
  });

  it('stays silent on a page that does not cover the event', async () => {
    vi.useFakeTimers();
    const sent: string[] = [];
    const send = (async (type) => {
      sent.push(type);
      return { accepted: true };
    }) as SendFromPage;
    const ctl = runGate(sig, { send }, pageWindow('not-coverage-near-miss', 'https://other.example/a'));
    await vi.advanceTimersByTimeAsync(2000);
    expect(sent).toEqual([]);
    ctl.abort();
  });

  it('stops itself when the background no longer answers (extension reloaded)', async () => {
    vi.useFakeTimers();
    const send = (async () => {
      throw new Error('Extension context invalidated.');
    }) as SendFromPage;
    const ctl = runGate(sig, { send }, pageWindow('wire-story', 'https://wire.example/riyadh'));
    await vi.advanceTimersByTimeAsync(10);
    expect(ctl.signal.aborted).toBe(true);
  });
});
