// The cheap signals of a page the gate reads: title, URL, headings, description and the first few
// thousand characters of paragraph text. Reads textContent only (no layout, no innerText).
import type { CoverageInput } from './coverage';

export const GATE_TEXT_CHARS = 3000;
/** The most text the gate's input holds. */
const MAX_SIGNAL_CHARS = GATE_TEXT_CHARS + 2000;

/** Collects the gate's input from a document without forcing layout. */
export function pageSignals(doc: Document, url: string): CoverageInput {
  const parts: string[] = [];
  const meta = doc.querySelector('meta[name="description"], meta[property="og:description"]');
  const desc = meta?.getAttribute('content');
  if (desc) parts.push(desc.slice(0, MAX_SIGNAL_CHARS));
  // Every part is cut to the most the gate reads (the joined text is cut there too), so a page with
  // megabytes in one element costs no more than a normal one.
  const cut = (t: string) => t.slice(0, MAX_SIGNAL_CHARS);
  for (const h of Array.from(doc.querySelectorAll('h1, h2, h3')).slice(0, 12)) parts.push(cut(h.textContent ?? ''));
  // Publication dates: <time datetime> and the article meta, so "when" can be checked.
  const published = doc.querySelector('meta[property="article:published_time"]')?.getAttribute('content');
  if (published) parts.push(published.slice(0, 10));
  for (const tm of Array.from(doc.querySelectorAll('time')).slice(0, 3))
    parts.push(tm.getAttribute('datetime')?.slice(0, 10) ?? tm.textContent ?? '');
  let chars = 0;
  const paras = doc.getElementsByTagName('p');
  for (let i = 0; i < paras.length && chars < GATE_TEXT_CHARS; i++) {
    const t = paras[i]!.textContent ?? '';
    parts.push(cut(t));
    chars += t.length;
  }
  const ogTitle = doc.querySelector('meta[property="og:title"]')?.getAttribute('content');
  return { title: `${doc.title ?? ''} ${ogTitle ?? ''}`.trim(), url, text: parts.join('\n').slice(0, MAX_SIGNAL_CHARS) };
}
