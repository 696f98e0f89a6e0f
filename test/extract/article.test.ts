// lib/extract/article.ts on the layout fixtures (Readability-style: page.html + expected.json):
// the article's paragraphs in reading order, and nothing else.
import { describe, expect, it } from 'vitest';
import { extractArticle, MAX_PARAGRAPHS } from '../../lib/extract/article';
import { parseDocument } from '../../tools/page-pipeline';
import { loadPageFixtures, compareParagraphs } from '../../tools/fixtures';
import { comparisonKey } from '../../lib/text/normalize';

const fixtures = loadPageFixtures();

describe('extractArticle on the layout fixtures', () => {
  it('has at least the eight layouts the issue names', () => {
    const names = fixtures.map((f) => f.name);
    for (const n of [
      'wire-story',
      'live-blog',
      'opinion-pull-quotes',
      'split-divs',
      'infinite-scroll',
      'heavy-comments',
      'amp-like',
      'rtl-chrome',
    ])
      expect(names).toContain(n);
  });

  for (const f of fixtures) {
    it(`${f.name}: exactly the expected paragraphs, in order, and the headline`, () => {
      const a = extractArticle(parseDocument(f.html));
      const got = a.paragraphs.map((p) => comparisonKey(p.text));
      expect(got).toEqual(f.expected.paragraphs.map(comparisonKey));
      expect(a.title).toBe(f.expected.title);
      expect(a.paragraphs.map((p) => p.index)).toEqual(a.paragraphs.map((_, i) => i));
    });
  }

  it('compareParagraphs counts extra and missing paragraphs', () => {
    const c = compareParagraphs(['a real paragraph of text here', 'Share this article'], ['a real paragraph of text here', 'missing one']);
    expect(c.precision).toBe(0.5);
    expect(c.recall).toBe(0.5);
  });
});

describe('extractArticle on hostile and huge pages', () => {
  it('keeps markup-looking text as text and runs no script', () => {
    const html = `<html><head><title>t</title></head><body><article><h1>Riyadh talks</h1>
      <p>Lavrov said &lt;img src=x onerror="globalThis.__pwned=1"&gt; the talks in Riyadh were useful, according to officials.</p>
      <p>&lt;script&gt;globalThis.__pwned=2&lt;/script&gt; Rubio met Lavrov in Riyadh on Tuesday for four and a half hours.</p></article></body></html>`;
    const a = extractArticle(parseDocument(html));
    expect(a.paragraphs[0]!.text).toContain('<img src=x onerror="globalThis.__pwned=1">');
    expect(a.paragraphs[1]!.text).toContain('<script>');
    expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('bounds the work on a 50,000-paragraph page', () => {
    const body = Array.from(
      { length: 50_000 },
      (_, i) => `<p>Paragraph ${i} of an endless page about the talks in Riyadh between delegations.</p>`,
    ).join('');
    const a = extractArticle(parseDocument(`<html><body><main>${body}</main></body></html>`));
    expect(a.paragraphs.length).toBeLessThanOrEqual(MAX_PARAGRAPHS);
    expect(a.paragraphs.length).toBeGreaterThan(100);
  });
});
