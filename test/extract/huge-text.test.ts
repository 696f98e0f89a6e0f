// A page with megabytes in one element: extraction reads at most MAX_TEXT_NODE_CHARS of each text
// node (the time it saves is measured by the browser test of odd pages), and the article's opening is still found and mapped to the live paragraph.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/article';
import { MAX_TEXT_NODE_CHARS } from '../../lib/extract/evidence';
import { parseDocument } from '../../tools/page-pipeline';

const SENTENCE = 'Sergey Lavrov and Marco Rubio met at Diriyah Palace in Riyadh on Tuesday, with Ushakov, Waltz and Witkoff. ';

describe('extraction of a 5 MB paragraph', () => {
  it('reads a clipped copy, keeps the opening, and leaves the page itself untouched', () => {
    const huge = SENTENCE.repeat(Math.ceil(5_000_000 / SENTENCE.length));
    const doc = parseDocument(
      `<!doctype html><html><head><title>Riyadh talks</title></head><body><article><h1>Riyadh talks</h1><p>${SENTENCE}${SENTENCE}</p><p>${huge}</p></article></body></html>`,
    );
    const a = extractArticle(doc, { live: true });
    const long = a.paragraphs.find((p) => p.text.length > 10_000);
    expect(long).toBeDefined();
    expect(long!.text.length).toBeLessThanOrEqual(MAX_TEXT_NODE_CHARS);
    expect(huge.startsWith(long!.text.trim().slice(0, 200))).toBe(true);
    expect(a.elements[a.paragraphs.indexOf(long!)]?.textContent?.length).toBe(huge.length);
  });
});
