// The furniture filter's rules on small pages: text beyond <p>, evidence only about the block itself,
// the guard, and the mapping back to the live page's elements.
import { describe, expect, it } from 'vitest';
import { extractArticle } from '../../lib/extract/article';
import { textBlocks } from '../../lib/extract/blocks';
import { furnitureClass } from '../../lib/extract/evidence';
import { parseDocument } from '../../tools/page-pipeline';

const sentence = (i: number) =>
  `Paragraph ${i} of the story says that the delegations met for several hours and agreed to keep talking about the next steps in the process.`;
const page = (body: string) => `<html><head><title>A story</title></head><body><article><h1>A story</h1>${body}</article></body></html>`;

describe('text blocks', () => {
  it('reads text written straight into divs and text separated by <br>, in reading order', () => {
    const doc = parseDocument(
      `<div id="x">${sentence(1)}<br><br>${sentence(2)}<div class="inner"><p>${sentence(3)}</p></div>${sentence(4)}<br>${sentence(5)}</div>`,
    );
    const blocks = textBlocks(doc.querySelector('#x')!).map((b) => b.raw.replace(/\s+/g, ' ').trim());
    expect(blocks).toEqual([sentence(1), sentence(2), sentence(3), sentence(4), sentence(5)]);
  });

  it('keeps a line broken by one <br> inside a paragraph together', () => {
    const doc = parseDocument('<p id="x">First line of an address<br>second line</p>');
    expect(textBlocks(doc.querySelector('#x')!).map((b) => b.raw.replace(/\s+/g, ' ').trim())).toEqual([
      'First line of an address second line',
    ]);
  });
});

describe('furniture evidence', () => {
  it('reads class words whole, and short ones only as the head of a name', () => {
    const el = (cls: string) => parseDocument(`<p class="${cls}">x</p>`).querySelector('p')!;
    expect(furnitureClass(el('article-caption'))).toBe('caption');
    expect(furnitureClass(el('sub'))).toBe('sub');
    expect(furnitureClass(el('story-sub'))).toBe('sub');
    expect(furnitureClass(el('sub_buzz_desc'))).toBeNull();
    expect(furnitureClass(el('post-meta'))).toBe('meta');
    expect(furnitureClass(el('meta-content-body'))).toBeNull();
    expect(furnitureClass(el('commentary'))).toBeNull();
    expect(furnitureClass(el('sharebar'))).toBe('sharebar');
  });

  it('never drops the body because a wrapper carries a furniture word', () => {
    const body = [1, 2, 3, 4, 5].map((i) => `<p>${sentence(i)}</p>`).join('');
    for (const cls of ['article-sub', 'post-tags', 'comment-free', 'share-wrapper', 'related-content', 'promo-body']) {
      const a = extractArticle(parseDocument(page(`<div class="${cls}">${body}</div>`)));
      expect(a.paragraphs.length, cls).toBe(5);
    }
  });

  it('drops a small box that says what it is: a caption, a byline, related links', () => {
    const body = [1, 2, 3, 4, 5, 6].map((i) => `<p>${sentence(i)}</p>`).join('');
    const a = extractArticle(
      parseDocument(
        page(
          `${body}<div class="photo-caption"><p>The delegations arrive at the palace on Tuesday morning, photographed from afar.</p></div>` +
            `<p class="byline">Reporting from the capital by a staff correspondent of this newspaper</p>` +
            `<div class="related-stories"><ul><li><a href="/a">Another story about the talks in the capital city today</a></li></ul></div>`,
        ),
      ),
    );
    expect(a.paragraphs.map((p) => p.text)).toEqual([1, 2, 3, 4, 5, 6].map(sentence));
    expect(a.method).toBe('readability');
  });

  it('keeps a pull quote that does not repeat the body, drops one that does', () => {
    const body = [1, 2, 3, 4, 5].map((i) => `<p>${sentence(i)}</p>`).join('');
    const own = 'Words need defenders, and this one has been misused for a very long time by all of us.';
    const a = extractArticle(
      parseDocument(
        page(`${body}<blockquote class="pullquote">${own}</blockquote><blockquote class="pullquote">${sentence(2)}</blockquote>`),
      ),
    );
    expect(a.paragraphs.map((p) => p.text)).toEqual([...[1, 2, 3, 4, 5].map(sentence), own]);
  });
});

describe('the guard', () => {
  it("falls back to Readability's paragraphs minus unmistakable furniture when the filter would drop most of the article", () => {
    // Every paragraph carries a class the filter reads as furniture ("meta" as a name's head), but
    // these are the article: the guard keeps them and says so.
    const body = [1, 2, 3, 4, 5, 6].map((i) => `<p class="entry-meta">${sentence(i)}</p>`).join('');
    const a = extractArticle(
      parseDocument(page(`${body}<p class="share-links">Share this story with your friends on social media today.</p>`)),
    );
    expect(a.method).toBe('readability-guard');
    expect(a.paragraphs.map((p) => p.text)).toEqual([1, 2, 3, 4, 5, 6].map(sentence));
  });
});

describe('live elements', () => {
  it('maps each paragraph to the element of the page it came from, also for <div> and <br> text', () => {
    const doc = parseDocument(
      page(
        `<p id="p1">${sentence(1)}</p><div id="d">${sentence(2)}<br><br>${sentence(3)}</div><div id="d2"><span>${sentence(4)}</span></div>`,
      ),
    );
    const a = extractArticle(doc, { live: true });
    expect(a.paragraphs.map((p) => p.text)).toEqual([1, 2, 3, 4].map(sentence));
    expect(a.elements.map((e) => e?.getAttribute('id'))).toEqual(['p1', 'd', 'd', 'd2']);
    expect(a.elements.every((e) => e && doc.contains(e))).toBe(true);
    // Detached extraction maps nothing.
    expect(extractArticle(doc).elements.every((e) => e === null)).toBe(true);
  });
});
