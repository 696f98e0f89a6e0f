// Plain-text news document → articles with clean paragraphs.
// Input: a seed file's text (one block per line, blank lines optional) and its source id.
// Output: one Article per article found (a file may carry several), furniture removed and recorded.
// Rules are about the shape of news pages, not about particular files, so a sixth document of the
// same kind parses the same way.
import type { Article, Paragraph } from '../core/corpus';
import { comparisonKey } from '../text/normalize';
import { furnitureReason, isAppeal, isHeadingLike } from '../text/furniture';

interface Block {
  text: string;
  /** Blank lines before this block. */
  gap: number;
}

function toBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let gap = 0;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const t = line.replace(/[\s\u00a0]+$/u, '').replace(/^[\s\u00a0]+/u, '');
    if (!t) { gap++; continue; }
    blocks.push({ text: t, gap });
    gap = 0;
  }
  return blocks;
}

// "(Reuters)", "(EPA/Kristina Kormilitsyna / Sputnik / Kremlin)": a photo credit closing a caption.
const PAREN_CREDIT = /\s*\((?:[A-Z][\w.&' -]*(?:\/[^)]*)?|AP|AFP|EPA[^)]*|Getty[^)]*|Reuters)\)\s*$/;
// "U.S.-Russian talks in Riyadh, Saudi Arabia. Russian Foreign Ministry Press Service":
// a short descriptive sentence followed by an unpunctuated credit.
const TRAILING_CREDIT = /^(.{10,200}?[.!?])\s+([A-Z][^.!?]{2,60})$/;

/** A caption's words without its credit, or null when the block is not shaped like a caption. */
export function captionText(block: string): string | null {
  if (PAREN_CREDIT.test(block)) return block.replace(PAREN_CREDIT, '').trim();
  const m = TRAILING_CREDIT.exec(block);
  if (m && isHeadingLike(m[2]!) && m[2]!.split(/\s+/).length <= 8) return m[1]!.trim();
  return null;
}

// "RIYADH:", "MOSCOW (Reuters) -", "RIYADH, Feb 18 (Wire) –" opening a story.
const DATELINE = /^([A-Z][A-Z .'-]{2,30}?)(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*(?:\([^)]{1,30}\)\s*)?(?::|\s[-\u2013\u2014])\s+/;

/** Splits an opening dateline from a paragraph: ["RIYADH", rest] or null. */
export function splitDateline(paragraph: string): { place: string; rest: string; offset: number } | null {
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  const place = m[1]!.trim();
  if (place.length < 3 || !/[A-Z]{3}/.test(place)) return null;
  return { place, rest: paragraph.slice(m[0].length), offset: m[0].length };
}

interface Draft {
  title: string | null;
  paragraphs: Paragraph[];
  removed: { text: string; why: string }[];
  seen: Set<string>;
}

function newDraft(title: string | null): Draft {
  return { title, paragraphs: [], removed: [], seen: new Set(title ? [comparisonKey(title)] : []) };
}

/** Index from which every block to the end is furniture or appeal (site chrome after the story). */
function tailStart(blocks: Block[]): number {
  let start = blocks.length;
  for (let i = blocks.length - 1; i >= 0; i--) {
    const t = blocks[i]!.text;
    const chrome = furnitureReason(t) !== null || isAppeal(t) || (isHeadingLike(t) && !/[.!?]/.test(t.slice(-1)) && i > 0 && furnitureReason(blocks[i - 1]!.text) === 'post navigation');
    // Post titles under "Prev Post"/"Next Post" are heading-like lines inside the chrome.
    const insideChrome = isHeadingLike(t) && i + 1 < blocks.length && start <= i + 1;
    if (chrome || insideChrome) start = i;
    else break;
  }
  return start;
}

/** Does a heading at `i` open a new article? News templates repeat the headline or put a captioned photo under it. */
function opensArticle(blocks: Block[], i: number): boolean {
  const key = comparisonKey(blocks[i]!.text);
  for (let j = i + 1; j < Math.min(blocks.length, i + 8); j++) {
    if (comparisonKey(blocks[j]!.text) === key) return true;
  }
  const next = blocks[i + 1]?.text;
  return next !== undefined && captionText(next) !== null;
}

/** Parses one document into articles. Article ids are `<sourceId>:<n>` in document order. */
export function parseDocument(text: string, sourceId: string): Article[] {
  const blocks = toBlocks(text);
  const tail = tailStart(blocks);
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let inHeader = false; // between a headline and the first body paragraph: captions live here
  const preamble: { text: string; why: string }[] = [];

  for (let i = 0; i < blocks.length; i++) {
    const { text: t } = blocks[i]!;
    if (i >= tail) {
      (current?.removed ?? preamble).push({ text: t, why: furnitureReason(t) ?? (isAppeal(t) ? 'donation appeal' : 'page chrome after the article') });
      continue;
    }
    // Appeals to readers (support us, donate) are furniture wherever they stand, not only at the end.
    const why = furnitureReason(t) ?? (isAppeal(t) ? 'donation appeal' : null);
    if (why) {
      (current?.removed ?? preamble).push({ text: t, why });
      continue;
    }
    const key = comparisonKey(t);
    if (inHeader && current && captionText(t) !== null) {
      if (current.seen.has(key)) current.removed.push({ text: t, why: 'duplicated caption' });
      else {
        current.seen.add(key);
        current.paragraphs.push({ text: t, kind: 'caption' });
      }
      continue;
    }
    if (isHeadingLike(t)) {
      const startsDoc = current === null || current.paragraphs.every((p) => p.kind !== 'body');
      if (current && current.seen.has(key)) {
        current.removed.push({ text: t, why: 'repeated headline' });
        inHeader = true;
        continue;
      }
      if (current === null || (!startsDoc && opensArticle(blocks, i))) {
        current = newDraft(t);
        drafts.push(current);
        inHeader = true;
        continue;
      }
      if (startsDoc && current.title === null) {
        current.title = t;
        current.seen.add(key);
        inHeader = true;
        continue;
      }
      current.paragraphs.push({ text: t, kind: 'heading' });
      current.seen.add(key);
      continue;
    }
    if (current === null) {
      current = newDraft(null);
      drafts.push(current);
    }
    if (current.seen.has(key)) {
      current.removed.push({ text: t, why: 'duplicate' });
      continue;
    }
    current.seen.add(key);
    inHeader = false;
    current.paragraphs.push({ text: t, kind: 'body' });
  }

  return drafts
    .filter((d) => d.paragraphs.some((p) => p.kind === 'body'))
    .map((d, n) => {
      const firstBody = d.paragraphs.find((p) => p.kind === 'body');
      const dl = firstBody ? splitDateline(firstBody.text) : null;
      return {
        id: `${sourceId}:${n + 1}`,
        source: sourceId,
        title: d.title,
        url: null,
        topic: true,
        topicScore: 0,
        topicReason: '',
        dateline: dl ? dl.place : null,
        paragraphs: d.paragraphs,
        removed: n === 0 ? [...preamble, ...d.removed] : d.removed,
      };
    });
}
