// The extraction suite: real page layouts (test/fixtures/extract/<name>/{page.html, expected.json},
// taken from Mozilla Readability's own test pages; see the README there), one table test. Word recall
// and precision of the expected article paragraphs, ours and plain Readability's on the same linkedom
// DOM (tools/extraction-eval.ts; `npm run eval:extract` prints the table with times). The floors are
// what the extractor reaches, so any loss shows; the targets are recall ≥ 0.97 and precision
// ≥ 0.95 on average and ≥ 0.80 on every page.
import { describe, expect, it } from 'vitest';
import { evaluateExtraction, wordScores } from '../../tools/extraction-eval';
import { loadExtractFixtures } from '../../tools/fixtures';

const fixtures = loadExtractFixtures();
const result = evaluateExtraction({ runs: 0, fixtures });

describe('extraction on real page layouts', () => {
  it('has at least 30 layouts, each with reviewed paragraphs and a source', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(30);
    for (const f of fixtures) {
      expect(f.expected.paragraphs.length, f.name).toBeGreaterThan(0);
      expect(f.expected.source, f.name).toMatch(/test-pages/);
      expect(f.expected.kind, f.name).toBeTruthy();
    }
  });

  it.each(result.pages.map((p) => [p.page, p] as const))('%s: keeps the article and little else', (_, p) => {
    expect(p.ours.paragraphs).toBeGreaterThan(0);
    expect(p.ours.recall).toBeGreaterThanOrEqual(0.98);
    expect(p.ours.precision).toBeGreaterThanOrEqual(0.98);
  });

  it('on average keeps as much of the article as Readability and less furniture', () => {
    expect(result.mean.ours.recall).toBeGreaterThanOrEqual(0.995);
    expect(result.mean.ours.precision).toBeGreaterThanOrEqual(0.995);
    expect(result.mean.ours.recall).toBeGreaterThanOrEqual(result.mean.readability.recall - 0.005);
    expect(result.mean.ours.precision).toBeGreaterThan(result.mean.readability.precision);
    expect(result.empty).toEqual([]);
  });

  it('word scores count words as a multiset', () => {
    expect(wordScores('the cat the', 'the cat sat')).toMatchObject({ recall: 2 / 3, precision: 2 / 3 });
    expect(wordScores('', 'anything')).toMatchObject({ recall: 0, precision: 0 });
    expect(wordScores('Déjà vu, 2025!', 'déjà VU 2025')).toMatchObject({ recall: 1, precision: 1 });
  });
});
