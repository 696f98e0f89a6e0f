// The only links the extension renders or stores: http(s) URLs. A `javascript:`, `data:` or any other
// scheme from an imported file, a page or a corpus record is refused at import and never rendered.

/** The URL, normalised, when it is an absolute http: or https: URL; otherwise null. */
export function safeHttpUrl(url: unknown): string | null {
  if (typeof url !== 'string' || url.length > 4096) return null;
  try {
    const u = new URL(url.trim());
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** A page's site as an outlet name: its host without `www.` or a port ("https://www.arabnews.com:8080/x" → "arabnews.com"). */
export function siteName(url: string | null | undefined): string {
  if (!url || !/^https?:/i.test(url)) return '';
  try {
    return new URL(url).hostname.replace(/^www\./i, '');
  } catch {
    return '';
  }
}
