// Positive evidence that one text block of an article body is page furniture (a caption, a byline,
// share or related links, a newsletter box, comments …), read off the block itself: its own tag and
// class, and those of its *box* — the nearest containers that hold little more than the block. A
// wrapper around much of the article is never evidence, whatever words its class carries
// ("article-sub", "post-tags-wrapper", "comment-free-zone" are common on real article bodies).

/** Tags whose box is furniture wherever it sits inside an article. */
const FURNITURE_TAGS = new Set(['figcaption', 'nav', 'aside', 'footer', 'form', 'header', 'figure', 'menu', 'label', 'fieldset']);

// Class or id words (whole words of a class or id name, split at '-', '_' and camelCase humps) that
// mark furniture wherever they stand in the name ("article-caption", "sharebar-top").
const WORDS = new Set([
  'adslot',
  'attribution',
  'advert',
  'advertisement',
  'advertising',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'bylines',
  'caption',
  'captions',
  'comment',
  'comments',
  'consent',
  'cookie',
  'cookies',
  'dateline',
  'disclaimer',
  'donate',
  'donation',
  'newsletter',
  'promo',
  'promotion',
  'pullquote',
  'readmore',
  'related',
  'share',
  'sharing',
  'signup',
  'social',
  'sponsor',
  'sponsored',
  'standfirst',
  'subhead',
  'subheading',
  'subscribe',
  'subscription',
  'subtitle',
  'ticker',
  'timestamp',
  'toolbar',
]);
// Short words that name furniture only as the head of a name ("sub", "story-sub", "post-meta",
// "entry-tags", "author-bio"), never inside a longer one ("sub_buzz_desc", "meta-content-body").
const HEAD_WORDS = new Set(['ad', 'ads', 'author', 'authors', 'bio', 'credit', 'credits', 'dek', 'kicker', 'meta', 'sub', 'tags']);
// Glued forms ("sharebar", "commentlist", "relatedposts") and two-word names ("pull-quote", "read-more").
const GLUED =
  /^(?:share|social|comment|related|promo|newsletter|caption|byline|credit|sponsor|advert|breadcrumb|subscribe)(?:s|bar|box|tools|links?|list|block|buttons?|container|wrap(?:per)?|area|count|ed|stories|posts|articles|content)$/;
const PHRASES =
  /(?:^|[\s_-])(?:pull[\s_-]?quote|read[\s_-]?more|read[\s_-]?also|see[\s_-]?also|sr[\s_-]only|visually[\s_-]hidden|screen[\s_-]?reader|more[\s_-]from|you[\s_-]may[\s_-]like)(?:$|[\s_-])/i;

/** Words a block's own class must carry to be dropped even when the filter falls back to Readability's paragraphs. */
const UNMISTAKABLE = new Set([
  'caption',
  'captions',
  'byline',
  'bylines',
  'share',
  'sharing',
  'social',
  'newsletter',
  'comment',
  'comments',
  'advert',
  'advertisement',
  'sponsored',
  'breadcrumb',
  'breadcrumbs',
  'pullquote',
  'related',
]);

/** The class names and id of `el`, each split into lower-case words. */
function classNames(el: Element): string[][] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (!raw.trim()) return [];
  return raw
    .split(/\s+/)
    .filter(Boolean)
    .map((name) =>
      name
        .replace(/([a-z])([A-Z])/g, '$1 $2')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean),
    );
}

/** The class/id word of `el` that marks furniture, or null. */
export function furnitureClass(el: Element, strictOnly = false): string | null {
  const names = classNames(el);
  for (const words of names) {
    for (const w of words) if (strictOnly ? UNMISTAKABLE.has(w) : WORDS.has(w) || GLUED.test(w)) return w;
    const head = words[words.length - 1];
    if (!strictOnly && head && HEAD_WORDS.has(head)) return head;
  }
  if (!strictOnly && names.length) {
    const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
    const m = PHRASES.exec(raw);
    if (m) return m[0].trim();
  }
  return null;
}

/**
 * The longest text node the extraction reads (the matcher reads at most 5,000 characters of a
 * paragraph): a page with megabytes in one element would otherwise hold the page's main thread for
 * seconds.
 */
export const MAX_TEXT_NODE_CHARS = 20_000;

/** Text length of elements, memoised for one extraction. */
export class TextLengths {
  private readonly memo = new Map<Element, number>();
  of(el: Element): number {
    let n = this.memo.get(el);
    if (n === undefined) {
      n = nonSpaceLength(el);
      this.memo.set(el, n);
    }
    return n;
  }
}

/**
 * Non-space characters of an element's text, each text node read up to `clip` characters (as the
 * extraction's copy of the page is clipped): a page with megabytes in one element costs no more
 * than a long article.
 */
export function nonSpaceLength(el: Element, clip = MAX_TEXT_NODE_CHARS): number {
  const doc = el.ownerDocument;
  const walker = doc.createTreeWalker(el, 4 /* NodeFilter.SHOW_TEXT */);
  let n = 0;
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    const data = (t as Text).data;
    n += (data.length > clip ? data.slice(0, clip) : data).replace(/\s+/g, '').length;
  }
  return n;
}

/**
 * Why the block in `el` (text of `len` non-space characters) is furniture, from its own tag and class
 * and those of its box, or null. `el` is the block's own element when it holds nothing but the block
 * (a <p>, an <li>, a <div> of one run); otherwise, and for every ancestor, it counts only as a box:
 * an element that holds at most a third of the article's text (`total` characters) and not much more
 * than the block (3× its text plus 400 characters) — a caption's <div>, a related-links list, a
 * byline's header — never a wrapper around much of the article. The walk stops at `stop` (the
 * article root) or at the first element that is no box. `strictOnly` keeps to the unmistakable: a
 * <figcaption> box and the block element's own class words for captions, bylines, share, related,
 * newsletter, comment and ad boxes.
 */
export function boxEvidence(
  el: Element,
  len: number,
  total: number,
  stop: Element | null,
  lengths: TextLengths,
  strictOnly = false,
): string | null {
  const limit = Math.min(total * 0.34, len * 3 + 400);
  for (let e: Element | null = el; e && e !== stop; e = e.parentElement) {
    const own = e === el && lengths.of(e) <= len * 1.2 + 20;
    if (!own && lengths.of(e) > limit) break;
    const tag = e.tagName.toLowerCase();
    if (tag === 'body' || tag === 'html') break;
    if (strictOnly) {
      if (tag === 'figcaption') return 'caption';
      if (own) {
        const w = furnitureClass(e, true);
        if (w) return `class ${w}`;
      }
      continue;
    }
    if (FURNITURE_TAGS.has(tag)) return `<${tag}>`;
    const w = furnitureClass(e);
    if (w) return `class ${w}`;
  }
  return null;
}

/**
 * The inline element that holds a block's whole text (a <time>, a <span class="byline">, a
 * <span class="pb-caption"> inside a <p>), and why it marks furniture, or null. `first` is the
 * block's first text node, `owner` its block element, `text` its collapsed text.
 */
export function wrapperEvidence(first: Node, owner: Element, text: string, strictOnly = false): string | null {
  let w: Element | null = null;
  for (let e = first.parentElement; e && e !== owner; e = e.parentElement) w = e;
  if (!w) return null;
  // A wrapper holding far more than the block cannot hold just the block (and may hold megabytes).
  const whole = w.textContent ?? '';
  if (whole.length > 2 * text.length + 1000 || whole.replace(/\s+/g, ' ').trim() !== text) return null;
  if (w.tagName.toLowerCase() === 'time') return '<time>';
  const c = furnitureClass(w, strictOnly);
  return c ? `class ${c}` : null;
}
