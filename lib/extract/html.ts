// Checks that a text is an HTML document before the pipeline spends work on it.

/** True when `text` looks like an HTML page (has at least one common structural tag). */
export function looksLikeHtml(text: string): boolean {
  if (text.includes('\u0000')) return false;
  return /<(?:!doctype\s+html|html|head|body|article|main|p|div|h1)[\s>]/i.test(text.slice(0, 200_000));
}
