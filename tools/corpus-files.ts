// Node-side access to the corpus folder and the compiled output (.generated/).
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileCorpus, type CompiledCorpus, type SourcesFile } from '../lib/corpus/compile';
import { WordVectors } from '../lib/text/embeddings';
import { StanceModel, type StanceModelFile } from '../lib/match/stance-model';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = join(ROOT, 'corpus');
export const GENERATED_DIR = join(ROOT, '.generated');
export const INDEX_FILE = join(GENERATED_DIR, 'corpus-index.json');

export function readSources(): SourcesFile {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'sources.json'), 'utf8')) as SourcesFile;
}

export function readSeeds(): Record<string, string> {
  const seeds: Record<string, string> = {};
  for (const f of readdirSync(CORPUS_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort())
    seeds[f] = readFileSync(join(CORPUS_DIR, f), 'utf8');
  return seeds;
}

let vectors: WordVectors | null = null;

/** The word vectors shipped with the extension (lib/text/embeddings.*). */
export function loadVectors(): WordVectors {
  if (vectors) return vectors;
  const vocab = JSON.parse(readFileSync(join(ROOT, 'lib/text/embeddings-vocab.json'), 'utf8')) as { stems: string[]; dims: number };
  const buf = readFileSync(join(ROOT, 'lib/text/embeddings.bin'));
  return (vectors = new WordVectors(vocab.stems, new Int8Array(buf.buffer, buf.byteOffset, buf.byteLength), vocab.dims));
}

/** The learned stance model (lib/match/weights/stance.json), or null before it is trained. */
export function loadStanceModel(): StanceModel | null {
  const file = join(ROOT, 'lib/match/weights/stance.json');
  return existsSync(file) ? new StanceModel(JSON.parse(readFileSync(file, 'utf8')) as StanceModelFile) : null;
}

let cached: CompiledCorpus | null = null;

/** The compiled corpus: from .generated/ when built, else compiled now from corpus/. */
export function loadCompiled(): CompiledCorpus {
  if (cached) return cached;
  cached = existsSync(INDEX_FILE)
    ? (JSON.parse(readFileSync(INDEX_FILE, 'utf8')) as CompiledCorpus)
    : compileCorpus(readSeeds(), readSources());
  return cached;
}
