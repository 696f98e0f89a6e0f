// Text normalisation shared by the corpus parser, the matcher and the gate.
// Input: any string from a seed file or a page. Output: the same words in one canonical spelling
// (straight quotes, plain spaces, ASCII dashes) so that equal text compares equal.

const QUOTE_MAP: Record<string, string> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u201b': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u201f': '"',
  '\u2033': '"',
  '\u00ab': '"',
  '\u00bb': '"',
  '\u2013': '-',
  '\u2014': ' - ',
  '\u2012': '-',
  '\u2010': '-',
  '\u2011': '-',
  '\u2212': '-',
  '\u00a0': ' ',
  '\u2009': ' ',
  '\u200a': ' ',
  '\u202f': ' ',
  '\u2007': ' ',
  '\u3000': ' ',
  '\u200b': '',
  '\u200c': '',
  '\u200d': '',
  '\ufeff': '',
  '\u2026': '...',
};
// Each of these characters is replaced on its own, the zero-width joiner included.
const QUOTE_RE =
  // eslint-disable-next-line no-misleading-character-class
  /[\u2018\u2019\u201a\u201b\u2032\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\u2013\u2014\u2012\u2010\u2011\u2212\u00a0\u2009\u200a\u202f\u2007\u3000\u200b\u200c\u200d\ufeff\u2026]/g;

/** Canonical spelling of punctuation and spaces; keeps letters and case. */
export function normalizePunctuation(text: string): string {
  return text.replace(QUOTE_RE, (ch) => QUOTE_MAP[ch] ?? ch);
}

/** Collapses every run of whitespace to one space and trims. */
export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Key for comparing two texts "up to whitespace and typography" (used for verbatim checks and dedup). */
export function comparisonKey(text: string): string {
  return collapseWhitespace(normalizePunctuation(text.normalize('NFKC'))).toLowerCase();
}
