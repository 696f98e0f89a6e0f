// Page furniture in plain-text news documents: the words a site wraps around an article
// (newsletter boxes, donation appeals, share / prev / next / comment links, stray markers, credits).
// Input: one block (a line) of text. Output: why it is furniture, or null for reporting.

const FURNITURE_PATTERNS: readonly [RegExp, string][] = [
  [/^(sign up|subscribe)\b/i, 'newsletter box'],
  [/\bnewsletter\b/i, 'newsletter box'],
  [/\bprivacy policy\b/i, 'newsletter box'],
  [/^share (this|on)\b/i, 'share links'],
  [/^shareable url$/i, 'share links'],
  [/^(prev|previous|next) (post|article|story)$/i, 'post navigation'],
  [/^leave a (reply|comment)$/i, 'comment form'],
  [/your email address will not be published/i, 'comment form'],
  [/^(post|submit) (a )?comment$/i, 'comment form'],
  [/^read (more|next|also)\b/i, 'read-more link'],
  [/^(related|recommended|most read|more from)\b.{0,40}$/i, 'related links'],
  [/^support\b.{0,60}!$/i, 'donation appeal'],
  [/^a message from\b/i, 'donation appeal'],
  [/^dear readers\b/i, 'donation appeal'],
  [/^(once|monthly|annual|annually|yearly|one-time|continue|donate|donate now|preview)\.?$/i, 'donation appeal'],
  [/\bready to support\b/i, 'donation appeal'],
  [/^remind me later\.?$/i, 'donation appeal'],
  [/\b(payment|paiment) methods?\b/i, 'donation appeal'],
  [/\bcontributed (to this )?report(ing)?\.?$/i, 'credit line'],
  [/^(reporting|editing|writing) by\b/i, 'credit line'],
  [/^advertisement$/i, 'advertisement'],
  [/^(photo|image|video)( credit)?:/i, 'photo credit'],
];

// Words of appeals to readers (support, subscribe) rather than reporting.
const APPEAL_WORDS = /\b(support|donat\w*|contribut\w*|subscri\w*|newsletter|mailbox|journalism|readers|independent|help us|monthly)\b/gi;
// "US" in capitals is the country, so only the lower-case pronoun counts.
const FIRST_PERSON_PLURAL = /\b(?:[Ww]e|[Oo]urs?|us)\b/g;
const SECOND_PERSON = /\b(you|your|yours)\b/gi;

/** A lone short token in capitals ("TT") or a run of symbols left by a page template. */
export function isStrayMarker(block: string): boolean {
  const t = block.trim();
  return t.length <= 3 && /^[A-Z]{1,3}$|^[^A-Za-z0-9]+$/.test(t);
}

/** Text outside quotation marks, where a reporter speaks in their own voice. */
function outsideQuotes(block: string): string {
  return block.replace(/[\u201c"][^\u201d"]*[\u201d"]/g, ' ');
}

/** A block that speaks to the reader in the site's own voice ("we need your help"). */
export function isAppeal(block: string): boolean {
  const own = outsideQuotes(block);
  const appeal = (own.match(APPEAL_WORDS) ?? []).length;
  const we = (own.match(FIRST_PERSON_PLURAL) ?? []).length;
  const you = (own.match(SECOND_PERSON) ?? []).length;
  return (we >= 2 && appeal + you >= 1) || (you >= 1 && appeal >= 1) || we + you >= 4;
}

/** Why a block is furniture, or null when it reads as reporting. */
export function furnitureReason(block: string): string | null {
  const t = block.trim();
  if (!t) return 'empty';
  if (isStrayMarker(t)) return 'stray marker';
  for (const [re, why] of FURNITURE_PATTERNS) if (re.test(t)) return why;
  return null;
}

/** Heading-like: short, capitalised, no closing punctuation (headlines, section titles, post titles). */
export function isHeadingLike(block: string): boolean {
  const t = block.trim();
  if (!t || t.length > 160) return false;
  if (/[.!?:;,"\u201d)]$/.test(t)) return false;
  const n = t.split(/\s+/).length;
  return n >= 2 && n <= 18 && /^[A-Z0-9\u201c"'\u2018]/.test(t);
}
