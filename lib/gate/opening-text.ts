// The probe's view of a page: the first few thousand characters of its paragraphs, read through
// textContent (no layout). Kept free of imports: it is bundled into the script every page runs.

/** The first `max` characters (about) of the page's <p> text. */
export function openingText(doc: Document, max = 3000): string {
  let out = '';
  const ps = doc.getElementsByTagName('p');
  // Each paragraph cut to what is still wanted: a page may hold megabytes in one <p>.
  for (let i = 0; i < ps.length && out.length < max; i++) out += `${(ps[i]!.textContent ?? '').slice(0, max - out.length)}\n`;
  return out;
}
