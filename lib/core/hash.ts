// A short, stable hash of a text (two 32-bit FNV-style lanes, hex): corpus versions and source ids.

/** FNV-1a 64-bit as hex: a stable content hash that runs the same in Node and in the browser. */
export function contentHash(text: string): string {
  let h1 = 0x811c9dc5,
    h2 = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}
