// Compiling the corpus (lib/corpus/compile.ts): deterministic version hash that follows the seeds,
// six articles from five sources, statements of on-topic articles only.
import { describe, it, expect } from 'vitest';
import { compileCorpus, eventWindow } from '../../lib/corpus/compile';
import { contentHash } from '../../lib/core/hash';
import { FILES, allSeeds, sourcesFile } from './seeds';

const seeds = allSeeds();
const file = sourcesFile();
const corpus = compileCorpus(seeds, file);

describe('compileCorpus', () => {
  it('five sources and six articles, with the expected titles and topics', () => {
    expect(corpus.sources.map((s) => s.id)).toEqual(['asharq-al-awsat', 'unattributed-wire', 'moscow-times', 'post-truth', 'arab-news']);
    expect(corpus.articles.map((a) => [a.id, a.title, a.topic])).toEqual([
      ['asharq-al-awsat:1', 'Riyadh Meeting Paves Way to Restoring US-Russian Ties', true],
      ['asharq-al-awsat:2', 'Russia\u2019s Putin Discusses US-Iran Nuclear Talks with Sultan of Oman', false],
      ['unattributed-wire:1', null, true],
      ['moscow-times:1', 'U.S.-Russia Talks Begin in Saudi Arabia', true],
      ['post-truth:1', 'Rebuilding ties and charting a new era: Russia-US talks in Riyadh', true],
      ['arab-news:1', null, true],
    ]);
  });

  it('statements come from on-topic articles only', () => {
    const onTopic = new Set(corpus.articles.filter((a) => a.topic).map((a) => a.id));
    expect(corpus.statements.length).toBeGreaterThan(0);
    for (const s of corpus.statements) expect(onTopic.has(s.article)).toBe(true);
  });

  it('indexes every statement', () => {
    expect(JSON.stringify(corpus.index).length).toBeGreaterThan(0);
    expect(corpus.event.date).toBe('2025-02-18');
  });

  it('is deterministic: the same seeds give the same version and content', () => {
    const again = compileCorpus(allSeeds(), sourcesFile());
    expect(again.version).toBe(corpus.version);
    expect(again.version).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(again)).toBe(JSON.stringify(corpus));
  });

  it('the version changes when a seed text changes', () => {
    const changed = { ...seeds, [FILES.arabNews]: seeds[FILES.arabNews]!.replace('176 drones', '177 drones') };
    expect(changed[FILES.arabNews]).not.toBe(seeds[FILES.arabNews]);
    expect(compileCorpus(changed, file).version).not.toBe(corpus.version);
    const oman = { ...seeds, [FILES.asharq]: seeds[FILES.asharq]!.replace('April 17', 'April 18') };
    expect(compileCorpus(oman, file).version).not.toBe(corpus.version);
  });

  it('the version changes when an outlet\'s metadata changes', () => {
    const renamed = { ...file, sources: file.sources.map((s) => (s.id === 'unattributed-wire' ? { ...s, name: 'Named by the user', attributed: true } : s)) };
    expect(compileCorpus(seeds, renamed).version).not.toBe(corpus.version);
  });

  it('throws a clear error when sources.json names a missing file', () => {
    const { [FILES.wire]: _gone, ...rest } = seeds;
    expect(() => compileCorpus(rest, file)).toThrow(/001_fafa6a3430f658bd\.txt/);
  });

  it('does not mutate its inputs', () => {
    const before = JSON.stringify(file);
    compileCorpus(seeds, file);
    expect(JSON.stringify(file)).toBe(before);
  });
});

describe('contentHash / eventWindow', () => {
  it('contentHash is stable and sensitive', () => {
    expect(contentHash('abc')).toBe(contentHash('abc'));
    expect(contentHash('abc')).not.toBe(contentHash('abd'));
    expect(contentHash('')).toMatch(/^[0-9a-f]{16}$/);
  });

  it('eventWindow spans the event date to the last publication, widened by five days', () => {
    expect(eventWindow(file)).toEqual({ from: '2025-02-13', to: '2025-02-25' });
  });
});
