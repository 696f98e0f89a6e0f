// Page DOM → the article's paragraphs in reading order, without navigation, captions, bylines,
// related links, newsletter and donation boxes, cookie banners or comments.
// Mozilla Readability finds the article on a clone of the document (the page is never touched) and
// its judgement is the default: every text block of its output is kept — <p>, <li>, <blockquote>,
// text written straight into <div>s, <br>-separated text — unless there is positive evidence about
// the block itself that it is furniture (its own tag or class or those of its small box, its text;
// see evidence.ts and boilerplate.ts). A guard: when that filter keeps much less than Readability did
// (under 70% of its words), the page is one the filter misreads, and Readability's paragraphs minus
// only unmistakable furniture are returned instead (`method: 'readability-guard'`). Blocks are
// mapped back to the live elements, so markers and "Show in page" can point at them.
import { Readability } from '@mozilla/readability';
import { collapseWhitespace, comparisonKey } from '../text/normalize';
import { bodyBoilerplate, unmistakableBoilerplate } from './boilerplate';
import { isBlockTag, textBlocks, type TextBlock } from './blocks';
import { boxEvidence, MAX_TEXT_NODE_CHARS, TextLengths, wrapperEvidence } from './evidence';

export interface ExtractedParagraph {
  index: number;
  text: string;
}

export interface ExtractedArticle {
  title: string;
  paragraphs: ExtractedParagraph[];
  /** Live elements of the paragraphs, same order (absent when extracting a detached document). */
  elements: (Element | null)[];
  /**
   * How the paragraphs were found: Readability's article through the furniture filter
   * ('readability'); Readability's article minus only unmistakable furniture, because the filter
   * would have dropped more than 30% of its words ('readability-guard'); or the document's own text
   * blocks, because Readability found no article ('fallback').
   */
  method: 'readability' | 'readability-guard' | 'fallback';
}

const MIN_CHARS = 30;
// Past this many paragraphs a page is not one article; keep the first ones so the work stays bounded.
export const MAX_PARAGRAPHS = 400;
/** The filter may drop at most this share of the words Readability's paragraphs hold before the guard steps in. */
export const GUARD_KEEP = 0.7;

/** Cuts every text node of a (cloned) document to MAX_TEXT_NODE_CHARS; returns the document. */
function clipped(doc: Document): Document {
  const root = doc.documentElement;
  if (!root) return doc;
  const walker = doc.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const t = n as Text;
    if (t.data.length > MAX_TEXT_NODE_CHARS) t.data = t.data.slice(0, MAX_TEXT_NODE_CHARS);
  }
  return doc;
}

interface Candidate {
  block: TextBlock;
  text: string;
  /** Why the full filter drops it, or null. */
  drop: string | null;
  /** Why even the guard drops it (unmistakable furniture, headings, fragments), or null. */
  strictDrop: string | null;
  words: number;
  /** comparisonKey of the text, for removing repeats (computed once, when first needed). */
  key?: string;
}

const HEADING = /^h[1-6]$/;

function wordCount(text: string): number {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;
}

/** A block too short to be a paragraph: under 30 characters, unless it is a list item, code or a finished sentence of two words or more. */
function fragment(text: string, tag: string): boolean {
  if (text.length >= MIN_CHARS) return false;
  if (text.length < 12) return true;
  if (tag === 'li' || tag === 'pre') return false;
  return !(/[.!?\u201d"]$/.test(text) && !/(?:\.\.\.|\u2026)$/.test(text) && wordCount(text) >= 2);
}

/** True when some run of six words of `text` also stands in `article` outside `text` itself. */
function repeatedElsewhere(text: string, article: string): boolean {
  const own = text.toLowerCase();
  const rest = article.replace(own, ' ');
  const w = own.split(' ');
  for (let i = 0; i + 6 <= w.length; i++) if (rest.includes(w.slice(i, i + 6).join(' '))) return true;
  return false;
}

/**
 * The text blocks of `root` with why each is dropped. `original` maps a text node of `root` to the
 * same text node in the page as served, where the evidence is read: Readability rewrites the tree it
 * returns (a <div> becomes a <p>, and a DOM may drop its class on the way), the page keeps every
 * element's own tag and class. Without it (a node Readability rebuilt) the evidence is read in `root`.
 */
function candidates(root: Element, title: string, original: (n: Node) => Node | undefined = () => undefined): Candidate[] {
  const lengths = new TextLengths();
  const total = lengths.of(root);
  let articleText: string | undefined;
  const out: Candidate[] = [];
  for (const block of textBlocks(root, MAX_PARAGRAPHS * 4)) {
    const text = collapseWhitespace(block.raw);
    const tag = block.run ? 'p' : block.tag;
    const len = text.replace(/\s+/g, '').length;
    const orig = block.first ? original(block.first) : undefined;
    const origEl = orig ? blockOf(orig) : null;
    const [el, first, stop] = origEl && orig ? [origEl, orig, null] : [block.el, block.first, root];
    const evidence = (strictOnly: boolean) =>
      boxEvidence(el, len, total, stop, lengths, strictOnly) ?? (first ? wrapperEvidence(first, el, text, strictOnly) : null);
    let strictDrop: string | null = null;
    if (HEADING.test(block.tag) || HEADING.test(block.el.closest('h1,h2,h3,h4,h5,h6')?.tagName.toLowerCase() ?? '')) strictDrop = 'heading';
    else if (fragment(text, tag)) strictDrop = 'fragment';
    else strictDrop = evidence(true) ?? unmistakableBoilerplate(text);
    let drop = strictDrop ?? evidence(false) ?? (block.linkChars >= 0.8 * len ? 'links' : null) ?? bodyBoilerplate(text, tag, title);
    // A pull quote is furniture because it repeats the body; one that says something the body does
    // not (a quote set large, as blogs do) is text.
    if (
      drop &&
      /pull[\s-]?quote/.test(drop) &&
      !repeatedElsewhere(text, (articleText ??= collapseWhitespace(root.textContent ?? '').toLowerCase()))
    )
      drop = strictDrop = null;
    out.push({ block, text, drop, strictDrop, words: wordCount(text) });
  }
  return out;
}

/** The kept candidates, deduplicated, at most MAX_PARAGRAPHS. */
function keep(cands: Candidate[], strict: boolean): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of cands) {
    if (strict ? c.strictDrop : c.drop) continue;
    const key = (c.key ??= comparisonKey(c.text));
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length >= MAX_PARAGRAPHS) break;
  }
  return out;
}

const sumWords = (cs: Candidate[]) => cs.reduce((n, c) => n + c.words, 0);

/** The full filter, or the guard's selection when the filter keeps under GUARD_KEEP of the guard's words. */
function select(cands: Candidate[]): { kept: Candidate[]; guarded: boolean } {
  const filtered = keep(cands, false);
  const guard = keep(cands, true);
  if (sumWords(filtered) < GUARD_KEEP * sumWords(guard)) return { kept: guard, guarded: true };
  return { kept: filtered, guarded: false };
}

/**
 * Pairs every text node of `clone` with the node at the same place in `doc` (the clone is an exact
 * copy until Readability runs).
 */
function pairTextNodes(doc: Document, clone: Document): WeakMap<Node, Node> {
  const pairs = new WeakMap<Node, Node>();
  // From the root element: a DOM need not link the doctype to it as a sibling (linkedom does not).
  const stack: [Node | null, Node | null][] = [[doc.documentElement?.firstChild ?? null, clone.documentElement?.firstChild ?? null]];
  while (stack.length) {
    const top = stack.pop()!;
    let [a, b] = top;
    while (a && b) {
      if (a.nodeType === 3) pairs.set(b, a);
      else if (a.firstChild && b.firstChild) stack.push([a.firstChild, b.firstChild]);
      a = a.nextSibling;
      b = b.nextSibling;
    }
  }
  return pairs;
}

const NOT_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * The page's own text node for a text node of Readability's output, or undefined: the paired node,
 * else (for the nodes Readability rebuilds when it reparses its candidate on a retry pass) the
 * page's only text node with the same words, for texts of 20 characters or more.
 */
function originalOf(doc: Document, pairs: WeakMap<Node, Node>): (n: Node) => Node | undefined {
  let byText: Map<string, Node | null> | null = null;
  const index = (): Map<string, Node | null> => {
    const m = new Map<string, Node | null>();
    const walk = (n: Node): void => {
      for (let c = n.firstChild; c; c = c.nextSibling) {
        if (c.nodeType === 3) {
          const key = collapseWhitespace(c.nodeValue ?? '');
          if (key.length >= 20) m.set(key, m.has(key) ? null : c);
        } else if (c.nodeType === 1 && !NOT_TEXT.has((c as Element).tagName.toUpperCase())) walk(c);
      }
    };
    if (doc.documentElement) walk(doc.documentElement);
    return m;
  };
  return (n) => {
    const p = pairs.get(n);
    if (p) return p;
    const key = collapseWhitespace(n.nodeValue ?? '');
    if (key.length < 20) return undefined;
    return (byText ??= index()).get(key) ?? undefined;
  };
}

/** The live block element holding a live text node: its nearest block-level ancestor. */
function blockOf(node: Node): Element | null {
  for (let e = node.parentElement; e; e = e.parentElement) if (isBlockTag(e.tagName.toLowerCase())) return e;
  return null;
}

/** Maps the kept blocks to live elements: through the clone's text nodes, else by text. */
function locate(doc: Document, kept: Candidate[], original: (n: Node) => Node | undefined): (Element | null)[] {
  let byKey: Map<string, Element> | null = null;
  return kept.map((c) => {
    const live = c.block.first && original(c.block.first);
    if (live) return blockOf(live);
    if (!byKey) {
      byKey = new Map();
      const root = doc.body ?? doc.documentElement;
      if (root)
        for (const b of textBlocks(root)) {
          const key = comparisonKey(b.raw);
          if (!byKey.has(key)) byKey.set(key, b.el);
        }
    }
    return byKey.get(comparisonKey(c.text)) ?? null;
  });
}

/** Every text block Readability's article holds, with why the filter and the guard drop it: for diagnostics (`npm run eval:extract -- --why NAME`). */
export function extractionTrace(doc: Document): { tag: string; text: string; drop: string | null; strictDrop: string | null }[] {
  const clone = clipped(doc.cloneNode(true) as Document);
  const original = originalOf(doc, pairTextNodes(doc, clone));
  const result = new Readability<Element>(clone, { keepClasses: true, serializer: (n) => n as Element, charThreshold: 300 }).parse();
  if (!result?.content) return [];
  return candidates(result.content, `${titleOf(doc, null)} ${result.title ?? ''} ${doc.title ?? ''}`, original).map((c) => ({
    tag: `${c.block.tag}${c.block.run ? ' run' : ''}${c.block.el.getAttribute('class') ? `.${c.block.el.getAttribute('class')}` : ''}`,
    text: c.text,
    drop: c.drop,
    strictDrop: c.strictDrop,
  }));
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
  const clone = clipped(doc.cloneNode(true) as Document);
  const original = originalOf(doc, pairTextNodes(doc, clone));
  const title = titleOf(doc, null);
  let kept: Candidate[] = [];
  let method: ExtractedArticle['method'] = 'readability';
  let rTitle: string | null | undefined;
  try {
    const result = new Readability<Element>(clone, { keepClasses: true, serializer: (n) => n as Element, charThreshold: 300 }).parse();
    rTitle = result?.title;
    if (result?.content) {
      const sel = select(candidates(result.content, `${title} ${rTitle ?? ''} ${doc.title ?? ''}`, original));
      kept = sel.kept;
      if (sel.guarded) method = 'readability-guard';
    }
  } catch {
    kept = [];
  }
  let fromLive = false;
  if (kept.length === 0) {
    // Short or unusual pages: take the document's own text blocks, minus furniture.
    method = 'fallback';
    const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
    if (root)
      kept = keep(
        candidates(root, title, (n) => n),
        false,
      );
    fromLive = true;
  }
  const texts = kept.map((c) => c.text);
  let elements: (Element | null)[] = texts.map(() => null);
  if (opts.live) elements = fromLive ? kept.map((c) => c.block.el) : locate(doc, kept, original);
  return {
    title: titleOf(doc, rTitle),
    paragraphs: texts.map((text, index) => ({ index, text })),
    elements,
    method,
  };
}
