// Page DOM → the article's paragraphs in reading order, without navigation, captions, bylines,
// related links, newsletter and donation boxes, cookie banners or comments.
// Mozilla Readability finds the article on a clone of the document (the page is never touched);
// then its text blocks are filtered for the furniture Readability keeps and mapped back to the
// live elements, so markers and "Show in page" can point at them.
import { Readability } from '@mozilla/readability';
import { collapseWhitespace, comparisonKey } from '../text/normalize';
import { bodyBoilerplate } from './boilerplate';

export interface ExtractedParagraph {
  index: number;
  text: string;
}

export interface ExtractedArticle {
  title: string;
  paragraphs: ExtractedParagraph[];
  /** Live elements of the paragraphs, same order (absent when extracting a detached document). */
  elements: (Element | null)[];
  /** What Readability said, for diagnostics. */
  method: 'readability' | 'fallback';
}

const BLOCKS = 'p, li, blockquote, pre, dd';
// Class or id words of furniture Readability may leave inside an article.
const FURNITURE_CLASS =
  /(^|[\s_-])(caption|credit|byline|author|bio|share|social|related|read-?more|newsletter|signup|subscribe|promo|donat|support|pull-?quote|pullquote|advert|ad-slot|sponsor|comment|cookie|consent|tags?|breadcrumb|timestamp|dateline-box|gallery-count|sub|subtitle|subhead|standfirst|dek|kicker|disclaimer|ticker)([\s_-]|$)/i;
const MIN_CHARS = 30;
// Past this many paragraphs a page is not one article; keep the first ones so the work stays bounded.
export const MAX_PARAGRAPHS = 400;

function hasFurnitureAncestor(el: Element, stop: Element | null): boolean {
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    const tag = e.tagName.toLowerCase();
    if (tag === 'figcaption' || tag === 'aside' || tag === 'nav' || tag === 'footer' || tag === 'form' || tag === 'figure') return true;
    const cls = `${e.getAttribute('class') ?? ''} ${e.getAttribute('id') ?? ''}`;
    if (cls.trim() && FURNITURE_CLASS.test(cls)) return true;
  }
  return false;
}

function keepText(text: string, tag: string, title: string): boolean {
  if (text.length < MIN_CHARS && tag !== 'li') return false;
  if (text.length < 12) return false;
  return bodyBoilerplate(text, tag, title) === null;
}

/** Text blocks under `root`, innermost blocks only (a <li> holding <p>s yields the <p>s). */
function blocksOf(root: Element): Element[] {
  const out: Element[] = [];
  for (const el of Array.from(root.querySelectorAll(BLOCKS))) {
    if (el.querySelector(BLOCKS)) continue;
    out.push(el);
  }
  return out;
}

function paragraphsFrom(root: Element, title: string): { text: string; tag: string }[] {
  const seen = new Set<string>();
  const out: { text: string; tag: string }[] = [];
  for (const el of blocksOf(root)) {
    if (hasFurnitureAncestor(el, root)) continue;
    const tag = el.tagName.toLowerCase();
    const text = collapseWhitespace(el.textContent ?? '');
    if (!keepText(text, tag, title)) continue;
    const key = comparisonKey(text);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ text, tag });
    if (out.length >= MAX_PARAGRAPHS) break;
  }
  return out;
}

/** Maps paragraph texts back to live elements of `doc` by their text. */
function locate(doc: Document, texts: string[]): (Element | null)[] {
  const byKey = new Map<string, Element>();
  const root = doc.body ?? doc.documentElement;
  if (!root) return texts.map(() => null);
  for (const el of blocksOf(root)) {
    const key = comparisonKey(el.textContent ?? '');
    if (!byKey.has(key)) byKey.set(key, el);
  }
  return texts.map((t) => byKey.get(comparisonKey(t)) ?? null);
}

function titleOf(doc: Document, fallback: string | null | undefined): string {
  const h1 = doc.querySelector('article h1, main h1, h1');
  const t = collapseWhitespace(h1?.textContent ?? '') || collapseWhitespace(fallback ?? '') || collapseWhitespace(doc.title ?? '');
  return t.slice(0, 300);
}

/**
 * Extracts the article of `doc`. Readability runs on a clone; `live` says whether `doc` is the page
 * the user sees (then paragraphs are mapped back to its elements).
 */
export function extractArticle(doc: Document, opts: { live?: boolean } = {}): ExtractedArticle {
  const clone = doc.cloneNode(true) as Document;
  const title = titleOf(doc, null);
  let paragraphs: { text: string; tag: string }[] = [];
  let method: ExtractedArticle['method'] = 'readability';
  let rTitle: string | null | undefined;
  try {
    const result = new Readability<Element>(clone, { keepClasses: true, serializer: (n) => n as Element, charThreshold: 300 }).parse();
    rTitle = result?.title;
    if (result?.content) paragraphs = paragraphsFrom(result.content, title);
  } catch {
    paragraphs = [];
  }
  if (paragraphs.length === 0) {
    // Short or unusual pages: take the document's own text blocks, minus furniture.
    method = 'fallback';
    const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
    if (root) paragraphs = paragraphsFrom(root, title);
  }
  const texts = paragraphs.map((p) => p.text);
  return {
    title: titleOf(doc, rTitle),
    paragraphs: texts.map((text, index) => ({ index, text })),
    elements: opts.live ? locate(doc, texts) : texts.map(() => null),
    method,
  };
}
