// On-topic decision (lib/corpus/topic.ts): the five Riyadh articles are coverage, the Oman article is not.
import { describe, it, expect } from 'vitest';
import { decideTopics } from '../../lib/corpus/topic';
import { parseDocument } from '../../lib/corpus/parse';
import { eventWindow } from '../../lib/corpus/compile';
import { allSeeds, sourcesFile } from './seeds';

const file = sourcesFile();
const seeds = allSeeds();
const articles = file.sources.flatMap((s) => parseDocument(seeds[s.file]!, s.id));
const decision = decideTopics(articles, eventWindow(file));

describe('decideTopics', () => {
  it('parses six articles from the five seeds', () => {
    expect(articles.map((a) => a.id)).toEqual([
      'asharq-al-awsat:1', 'asharq-al-awsat:2', 'unattributed-wire:1', 'moscow-times:1', 'post-truth:1', 'arab-news:1',
    ]);
  });

  it('the Oman article is off topic, the five Riyadh articles on topic', () => {
    expect(decision.topic).toEqual([true, false, true, true, true, true]);
  });

  it('explains each verdict', () => {
    decision.reasons.forEach((r, i) => expect(r.startsWith(decision.topic[i] ? 'on topic' : 'off topic')).toBe(true));
  });

  it('the off-topic article scores below half of every on-topic article, and below the gate threshold', () => {
    const off = decision.scores[1]!;
    const on = decision.scores.filter((_, i) => decision.topic[i]);
    for (const s of on) expect(off).toBeLessThan(0.5 * s);
    expect(decision.signature.threshold).toBeGreaterThan(0);
    expect(decision.signature.threshold).toBeLessThanOrEqual(Math.min(...on));
  });

  it('is deterministic', () => {
    expect(decideTopics(articles, eventWindow(file))).toEqual(decision);
  });
});
