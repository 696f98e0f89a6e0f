// Shared by the corpus tests: the seed texts and sources.json as shipped, read from corpus/.
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourcesFile } from '../../lib/corpus/compile';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CORPUS_DIR = join(ROOT, 'corpus');

export const FILES = {
  asharq: '000_6a96f076610337d4.txt',
  wire: '001_fafa6a3430f658bd.txt',
  moscowTimes: '002_7e08fa9f5354397c.txt',
  postTruth: '003_a57554ab30ea13d2.txt',
  arabNews: '004_45e419be4402e168.txt',
} as const;

export function seed(file: string): string {
  return readFileSync(join(CORPUS_DIR, file), 'utf8');
}

export function allSeeds(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort()) out[f] = seed(f);
  return out;
}

export function sourcesFile(): SourcesFile {
  return JSON.parse(readFileSync(join(CORPUS_DIR, 'sources.json'), 'utf8')) as SourcesFile;
}

/** Whitespace-insensitive form for "found verbatim up to whitespace" checks. */
export function ws(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}
