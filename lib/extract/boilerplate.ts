// Lines inside an article body that are not its text: bylines and datelines, photo credits,
// disclaimers, copyright and contact lines, market tickers, topic lists, charity notes, a headline
// repeated in the body. Input: one block's text (whitespace collapsed). Output: why it is not text.
import { furnitureReason, isAppeal, isHeadingLike } from '../text/furniture';

const PATTERNS: readonly [RegExp, string][] = [
  // "By Ines Varga · …", "By DALE FERRIS Courier Staff Writer" — a capitalised name, on a short line.
  [/^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}(?:[\s,\u00b7|]|$)(?!.{100})/, 'byline'],
  [/^(?:copyright|\u00a9)|all rights reserved|(?:\u00a9|\(c\)|copyright)\s*(?:19|20)\d\d/i, 'copyright'],
  [/\bis a (?:registered )?(?:service ?mark|trademark) of\b/i, 'copyright'],
  [/\bviews expressed\b.*\b(?:author|writer|columnist)/i, 'disclaimer'],
  [
    /\b(?:views|opinions)\b.{0,40}\b(?:here|on this (?:site|blog|website))\b.{0,60}\b(?:belong|represent|reflect)|\bdo(?:es)? not (?:necessarily )?(?:represent|reflect) the (?:views|opinions)\b/i,
    'disclaimer',
  ],
  // "Posted on Tuesday 15 October 2019 at 09:11 by …", "Published 21 November 2019".
  [/^(?:posted|published|updated|last updated|written)\b(?=.{0,120}$)(?=.*\b(?:\d{1,2}:\d{2}|(?:19|20)\d\d)\b)/i, 'byline or dateline'],
  [/^our standards\b/i, 'disclaimer'],
  [/^(?:explore|more|read|see) (?:more )?(?:on|about) (?:these|this|the) topics?\b|^topics?:/i, 'topic links'],
  [/registered charity|tax[- ]deductible/i, 'charity note'],
  [/^contact\b.{0,80}@[\w-]+\.[\w.]+/i, 'contact line'],
  [/\((?:[^()]*\b(?:photo|photograph|image|picture|file|credit)\b[^()]*)\)\s*$/i, 'photo caption'],
];

// "Karim Haddad · 18 Feb 2025, 7:30 PM · 5 min read": short lines of metadata joined by separators.
const META_SEPARATORS = /\s[\u00b7|\u2022]\s/;
const DATE_OR_TIME =
  /\b(?:\d{1,2}:\d{2}|\d{4}|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}|\d{1,2}\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*|min(?:ute)?s? read)\b/i;

// An appeal names what it asks for (money, a sign-up, the reader's questions or reviews) or speaks of
// the publication itself: a blog post that says "you" and "support", or an article about journalism
// that says "we", is not one.
const APPEAL_ASK = new RegExp(
  [
    'donat\\w* (?:now|today|here|to us|to our)',
    'make a (?:donation|gift)',
    'your (?:donation|gift|subscription|support)',
    'donations? (?:help|keep|make|support)',
    'subscribe (?:now|today|here|to us|to our)',
    'become a (?:subscriber|member|patron|supporter)',
    'newsletter',
    'sign(?:ing)? up (?:now|today|here|for our|for the|to our|to the)',
    'support (?:us|our|independent|quality|this)',
    'contribut\\w* (?:today|now|monthly)',
    '(?:send|sent|tell|email|e-mail|contact|follow|join|review) us',
    'to us',
    'let us know',
    '(?:this|our) (?:explainer|newsletter|podcast|episode|show|site|mailbag|live ?blog|coverage)',
  ]
    .map((x) => `\\b${x}\\b`)
    .join('|'),
  'i',
);
// Furniture lines are short: the line patterns (a newsletter box, a copyright line, a ticker) are not
// read into a long paragraph that happens to mention a newsletter or to quote many figures.
const LINE_CHARS = 400;

/** A short line set as a subheading (not a sentence cut short by an ellipsis). */
function headingLine(t: string): boolean {
  if (!isHeadingLike(t) || /(?:\u2026|\.\.\.)$/.test(t)) return false;
  const words = t.split(/\s+/);
  const capitalised = words.filter((w) => /^[A-Z0-9\u201c"'\u2018(]/.test(w)).length;
  return words.length <= 10 || capitalised / words.length >= 0.6;
}

/** Why a block of an article body is not part of its text, or null. `title` is the page's headline (or its <title>). */
export function bodyBoilerplate(text: string, tag: string, title: string): string | null {
  const t = text.trim();
  if (t.length < LINE_CHARS) {
    const f = furnitureReason(t);
    if (f) return f;
  }
  if (t.length < 700 && isAppeal(t) && APPEAL_ASK.test(t)) return 'appeal to readers';
  for (const [re, why] of PATTERNS) if ((t.length < LINE_CHARS || (why === 'disclaimer' && t.length < 700)) && re.test(t)) return why;
  if (t.length < 160 && META_SEPARATORS.test(t) && DATE_OR_TIME.test(t)) return 'byline or dateline';
  // Market tickers and score lines: mostly figures, percentages and prices.
  const figures = (t.match(/[$%\u20ac\u00a3]|[+\u2212-]?\d+(?:[.,]\d+)?%?/g) ?? []).length;
  if (tag !== 'pre' && t.length < LINE_CHARS && figures >= 6 && figures / t.split(/\s+/).length > 0.35) return 'ticker';
  if (tag !== 'li' && isHeadingLike(t) && t.length >= 20 && title.toLowerCase().includes(t.toLowerCase())) return 'repeated headline';
  if (tag !== 'li' && headingLine(t)) return 'heading';
  return null;
}

/**
 * The unmistakable part of bodyBoilerplate, kept when the filter falls back to Readability's own
 * paragraphs: short furniture lines (share, sign-up, credit lines), bylines, copyright and photo
 * credits, metadata lines. No appeals, no headings, nothing a long paragraph could trip.
 */
export function unmistakableBoilerplate(text: string): string | null {
  const t = text.trim();
  if (t.length < 200) {
    const f = furnitureReason(t);
    if (f) return f;
  }
  if (t.length < 300) for (const [re, why] of PATTERNS) if (re.test(t)) return why;
  if (t.length < 160 && META_SEPARATORS.test(t) && DATE_OR_TIME.test(t)) return 'byline or dateline';
  return null;
}
