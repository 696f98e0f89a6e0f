// Checks on what a person types or imports (names, texts), shared by the store and the background.
import { UserError } from './errors';

/** The longest text a user source may hold (pasted, a page's text, or one imported document). */
export const MAX_TEXT_CHARS = 500_000;

/** A display name a user typed: trimmed, at most 120 characters, null when empty. */
export function cleanName(name: unknown): string | null {
  return typeof name === 'string' ? name.trim().slice(0, 120) || null : null;
}

/**
 * Characters no text a person wrote carries: control characters (other than tab and line breaks),
 * U+FFFD (what a decoder puts for bytes that are not UTF-8) and unpaired surrogates.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNREADABLE = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when a text holds characters that are not text (a damaged or non-UTF-8 file, or binary data). */
export function hasUnreadable(text: string): boolean {
  return UNREADABLE.test(text);
}

/** Problems with a user's text, in words a person acts on; null when it is fine. */
export function textProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'must be text';
  if (text.length > MAX_TEXT_CHARS) return `is longer than ${MAX_TEXT_CHARS.toLocaleString('en')} characters; add a shorter excerpt`;
  if (!text.trim()) return 'is empty';
  return null;
}

/** The text, or a `bad-input` / `too-large` UserError naming `what` ("The text is empty."). */
export function checkText(text: unknown, what: string): string {
  const problem = textProblem(text);
  if (problem)
    throw new UserError(typeof text === 'string' && text.length > MAX_TEXT_CHARS ? 'too-large' : 'bad-input', `${what} ${problem}.`);
  return text as string;
}
