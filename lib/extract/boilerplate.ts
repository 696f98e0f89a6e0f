// Lines inside an article body that are not its text: bylines and datelines, photo credits,
// disclaimers, copyright and contact lines, market tickers, topic lists, charity notes, a headline
// repeated in the body. Input: one block's text (whitespace collapsed). Output: why it is not text.
import { furnitureReason, isAppeal, isHeadingLike } from '../text/furniture';

const PATTERNS: readonly [RegExp, string][] = [
  // "By Ines Varga · …", "By DALE FERRIS Courier Staff Writer" — a capitalised name, on a short line.
  [/^By\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,4}(?:[\s,\u00b7|]|$)(?!.{100})/, 'byline'],
  [/^(?:copyright|\u00a9)|all rights reserved/i, 'copyright'],
  [/\bviews expressed\b.*\b(?:author|writer|columnist)/i, 'disclaimer'],
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

/** Why a block of an article body is not part of its text, or null. `title` is the page's headline. */
export function bodyBoilerplate(text: string, tag: string, title: string): string | null {
  const t = text.trim();
  const f = furnitureReason(t);
  if (f) return f;
  if (isAppeal(t)) return 'appeal to readers';
  for (const [re, why] of PATTERNS) if (re.test(t)) return why;
  if (t.length < 160 && META_SEPARATORS.test(t) && DATE_OR_TIME.test(t)) return 'byline or dateline';
  // Market tickers and score lines: mostly figures, percentages and prices.
  const figures = (t.match(/[$%\u20ac\u00a3]|[+\u2212-]?\d+(?:[.,]\d+)?%?/g) ?? []).length;
  if (figures >= 6 && figures / t.split(/\s+/).length > 0.35) return 'ticker';
  if (tag !== 'li' && isHeadingLike(t)) return t.toLowerCase() === title.toLowerCase() ? 'repeated headline' : 'heading';
  return null;
}
