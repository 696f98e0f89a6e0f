// Word tokens for indexing, entity lookup and comparison.
// Input: raw text in any typography. Output: lower-case tokens with their character offsets;
// "U.S."/"US" become "usa" (so the pronoun "us" is not the country), "isn't" yields "is" + "not".
import { normalizePunctuation } from './normalize';

export interface Token {
  /** Canonical lower-case form. */
  norm: string;
  /** Offsets into the text given to `tokenize`. */
  start: number;
  end: number;
}

// Letters (incl. accented), dotted initialisms (U.S.), numbers with separators (4.5, 2,000), contractions.
const TOKEN_RE = /(?:[A-Za-z]\.){2,}|\d+(?:[.,]\d+)*|[A-Za-z\u00c0-\u024f]+(?:'[A-Za-z]+)?/g;

/** Tokens of `text` with offsets; keeps numbers, drops punctuation. */
export function tokenize(text: string): Token[] {
  // normalizePunctuation keeps string length except for a few rare characters; offsets stay usable
  // for ordinary text, and callers that need exact offsets pass normalised text.
  const src = normalizePunctuation(text);
  const out: Token[] = [];
  TOKEN_RE.lastIndex = 0;
  for (let m = TOKEN_RE.exec(src); m; m = TOKEN_RE.exec(src)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (raw.includes('.') && /[A-Za-z]\./.test(raw)) {
      const joined = raw.replace(/\./g, '').toLowerCase();
      out.push({ norm: joined === 'us' ? 'usa' : joined, start, end });
      continue;
    }
    if (raw === 'US' || raw === 'USA') {
      out.push({ norm: 'usa', start, end });
      continue;
    }
    const apos = raw.indexOf("'");
    if (apos > 0) {
      const head = raw.slice(0, apos).toLowerCase();
      const tail = raw.slice(apos + 1).toLowerCase();
      if (tail === 't' && head.endsWith('n')) {
        const base = head === 'won' ? 'will' : head === 'can' ? 'can' : head.slice(0, -1);
        out.push({ norm: base, start, end: start + apos - 1 }, { norm: 'not', start: start + apos - 1, end });
      } else if (tail === 's') {
        out.push({ norm: head, start, end: start + apos });
      } else {
        out.push({ norm: head, start, end: start + apos });
        if (tail === 're' || tail === 've' || tail === 'll' || tail === 'd' || tail === 'm') continue;
        out.push({ norm: tail, start: start + apos + 1, end });
      }
      continue;
    }
    out.push({ norm: raw.toLowerCase(), start, end });
  }
  return out;
}

/** Just the canonical words of `text`. */
export function words(text: string): string[] {
  return tokenize(text).map((t) => t.norm);
}
