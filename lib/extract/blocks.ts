// A DOM subtree → its text blocks in reading order, as a reader sees paragraphs: every <p>, <li>,
// <blockquote>, <dd>, heading …, and also text written straight into a <div>/<section>/<td> (a run of
// inline content between two block elements) and text separated by <br><br> (or by a single <br>
// after a finished sentence). Each block keeps the element it sits in (the <p>, or the <div> of a
// run) and its first text node, so it can be mapped back to the live page.

/** Elements that start a new block (CSS block-level by default, plus table cells and list parts). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);
/** Elements whose text is never article text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'textarea',
  'button',
  'head',
  'title',
]);
/** Containers whose single <br> is a line break inside one paragraph (an address, a poem line). */
const PARAGRAPH_TAGS = new Set([
  'p',
  'li',
  'dd',
  'dt',
  'pre',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'caption',
  'figcaption',
  'summary',
  'legend',
]);

export interface TextBlock {
  /** The element the block's text sits in: the block element itself, or the container of a text run. */
  el: Element;
  /** Lower-case tag of `el`. */
  tag: string;
  /** True when the block is a run of text directly inside a container (not a whole <p>, <li> …). */
  run: boolean;
  /** Raw text (whitespace not yet collapsed). */
  raw: string;
  /** Non-space characters of the text that sit inside links. */
  linkChars: number;
  /** The first non-blank text node of the block, for mapping a clone's block to the live page. */
  first: Node | null;
}

export function isBlockTag(tag: string): boolean {
  return BLOCK_TAGS.has(tag);
}

function hidden(el: Element): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return !!style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}

/**
 * The text blocks under `root` in document order. A block element with block children yields the
 * runs of text around them and its children's blocks; an inline element is transparent. Stops after
 * `limit` blocks.
 */
export function textBlocks(root: Element, limit = Infinity): TextBlock[] {
  const out: TextBlock[] = [];
  // The run being collected, and the block element it belongs to.
  let raw = '';
  let first: Node | null = null;
  let owner: Element = root;
  let brs = 0;
  let linkChars = 0;
  let inLink = 0;
  const flush = (): void => {
    if (first && raw.trim()) {
      const tag = owner.tagName.toLowerCase();
      out.push({ el: owner, tag, run: !PARAGRAPH_TAGS.has(tag) && tag !== 'blockquote', raw, linkChars, first });
    }
    raw = '';
    first = null;
    brs = 0;
    linkChars = 0;
  };
  const walk = (node: Node): void => {
    for (let n = node.firstChild; n && out.length < limit; n = n.nextSibling) {
      if (n.nodeType === 3) {
        const t = n.nodeValue ?? '';
        if (t.trim()) {
          if (!first) first = n;
          brs = 0;
          if (inLink) linkChars += t.replace(/\s+/g, '').length;
        }
        raw += t;
        continue;
      }
      if (n.nodeType !== 1) continue;
      const el = n as Element;
      const tag = el.tagName.toLowerCase();
      if (SKIP_TAGS.has(tag) || hidden(el)) continue;
      if (tag === 'br') {
        brs++;
        // Two <br>s end a paragraph anywhere; one ends it inside a container when the text so far
        // reads as a finished sentence.
        const ownerTag = owner.tagName.toLowerCase();
        if (brs >= 2 || (!PARAGRAPH_TAGS.has(ownerTag) && /[.!?:\u201d"\u2019')\]]\s*$/.test(raw))) flush();
        else raw += ' ';
        continue;
      }
      if (tag === 'img' || tag === 'hr') {
        if (tag === 'hr') flush();
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush();
        const saved = owner;
        owner = el;
        walk(el);
        flush();
        owner = saved;
        continue;
      }
      // Inline (a, em, span, font, custom elements …): part of the current run.
      if (tag === 'a') inLink++;
      walk(el);
      if (tag === 'a') inLink--;
    }
  };
  owner = root;
  walk(root);
  flush();
  return out;
}
