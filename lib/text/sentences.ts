// Sentence boundaries in one paragraph, aware of quotes and abbreviations.
// Input: a paragraph as written. Output: verbatim slices (start/end offsets into the input), so a
// statement's text is always found character for character in its source.

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

// Words that end with a period without ending a sentence (compared lower case, without the period).
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'rep',
  'sen',
  'gov',
  'pres',
  'amb',
  'rev',
  'hon',
  'messrs',
  'mt',
  'ft',
  'no',
  'nos',
  'vol',
  'vs',
  'etc',
  'al',
  'approx',
  'est',
  'inc',
  'corp',
  'ltd',
  'co',
  'dept',
  'univ',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'mon',
  'tue',
  'tues',
  'wed',
  'thu',
  'thur',
  'thurs',
  'fri',
  'sat',
  'sun',
  'fig',
  'p',
  'pp',
  'ch',
]);

const NUMBERED = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'no',
  'nos',
  'vol',
  'p',
  'pp',
  'fig',
  'ch',
]);

const OPEN_QUOTES = '\u201c\u00ab\u201e';
const CLOSE_QUOTES = '\u201d\u00bb';
const TRAILERS = '\u201d\u00bb\u2019"\')]';

function wordBefore(text: string, dot: number): string {
  let i = dot - 1;
  while (i >= 0 && /[A-Za-z.]/.test(text[i]!)) i--;
  return text.slice(i + 1, dot);
}

function isNonTerminalPeriod(text: string, dot: number, next: number): boolean {
  const word = wordBefore(text, dot);
  if (!word) return false;
  const bare = word.replace(/\./g, '').toLowerCase();
  // "Feb. 18", "No. 5", "p. 3": a number after these abbreviations continues the sentence.
  if (NUMBERED.has(bare) && /^\d/.test(text.slice(next))) return true;
  if (ABBREVIATIONS.has(bare) && !/^\d/.test(text.slice(next))) return true;
  // A single capital initial ("George W. Bush") or a dotted initialism followed by a capitalised
  // word ("U.S. Secretary") does not end a sentence in news text.
  if (/^[A-Z]$/.test(word)) return true;
  if (/^(?:[A-Za-z]\.)+[A-Za-z]$/.test(word)) return true;
  return false;
}

/** Splits a paragraph into sentences; quotes spanning several sentences stay in one piece. */
export function splitSentences(paragraph: string): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  const n = paragraph.length;
  let depth = 0;
  let straightOpen = false;
  let start = 0;
  const push = (end: number) => {
    const raw = paragraph.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (text) spans.push({ text, start: start + lead, end: start + lead + text.length });
  };
  for (let i = 0; i < n; i++) {
    const ch = paragraph[i]!;
    if (OPEN_QUOTES.includes(ch)) depth++;
    else if (CLOSE_QUOTES.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === '"') {
      // A straight quote closes an open curly quote (typos like “… predetermine") or toggles.
      if (depth > 0 && !straightOpen) depth--;
      else if (straightOpen) {
        straightOpen = false;
        depth = Math.max(0, depth - 1);
      } else {
        straightOpen = true;
        depth++;
      }
    }
    if (ch !== '.' && ch !== '!' && ch !== '?') continue;
    let j = i + 1;
    while (j < n && (paragraph[j] === '.' || paragraph[j] === '!' || paragraph[j] === '?')) j++;
    while (j < n && TRAILERS.includes(paragraph[j]!)) {
      const q = paragraph[j]!;
      if (CLOSE_QUOTES.includes(q)) depth = Math.max(0, depth - 1);
      else if (q === '"' && depth > 0) {
        depth--;
        straightOpen = false;
      }
      j++;
    }
    if (depth > 0) {
      i = j - 1;
      continue;
    }
    let k = j;
    while (k < n && /\s/.test(paragraph[k]!)) k++;
    if (k === j && k < n) {
      i = j - 1;
      continue;
    } // "4.5", "U.S.-Russia": no space, no boundary
    if (k >= n) break;
    const next = paragraph[k]!;
    const startsSentence = /[A-Z0-9\u00c0-\u00de]/.test(next) || OPEN_QUOTES.includes(next) || next === '"' || next === '(';
    if (!startsSentence) {
      i = j - 1;
      continue;
    }
    if (ch === '.' && j === i + 1 && isNonTerminalPeriod(paragraph, i, k)) {
      i = j - 1;
      continue;
    }
    push(j);
    start = k;
    i = k - 1;
  }
  push(n);
  return spans;
}
