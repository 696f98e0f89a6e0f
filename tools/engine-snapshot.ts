// Prints the engine's whole output on the gold pages and on every real-world article (both halves),
// then its SHA-256: a refactor that claims to change nothing must leave this hash unchanged.
// Usage: npm run --silent snapshot [-- --out FILE]
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { bundledMatcher, crossReferenceHtml } from './page-pipeline';
import { loadGoldPages } from './fixtures';
import { runReal } from './real';
import { loadReal } from './fixtures';

const m = bundledMatcher();
const out: Record<string, unknown> = {};
for (const p of loadGoldPages()) out[`gold/${p.name}`] = crossReferenceHtml(p.html, `https://gold.example/${p.name}`, {}, m);
for (const half of ['dev', 'test'] as const) for (const a of loadReal(half)) out[`real/${half}/${a.name}`] = runReal(a, m);
const json = JSON.stringify(out, null, 1);
const at = process.argv.indexOf('--out');
if (at > 0 && process.argv[at + 1]) writeFileSync(process.argv[at + 1]!, json);
console.log(`${Object.keys(out).length} pages, engine output sha256 ${createHash('sha256').update(json).digest('hex')}`);
