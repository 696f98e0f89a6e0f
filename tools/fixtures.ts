// The one loader of the evaluation fixtures under test/fixtures/: extraction pages (pages/<name>/page.html +
// expected.json), the gold pages and pairs (gold/), and the real-world articles (real/{dev,test}/, see
// the README there). Used by the evaluation, training and benchmark tools and by the tests.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './corpus-files';
import { comparisonKey } from '../lib/text/normalize';
import type { GoldPage, PairLabel } from './evaluate';

export const PAGES_DIR = join(ROOT, 'test/fixtures/pages');

export interface PageFixture {
  name: string;
  html: string;
  expected: { title: string; isCoverage: boolean; paragraphs: string[] };
}

export function loadPageFixtures(): PageFixture[] {
  return readdirSync(PAGES_DIR)
    .filter((d) => existsSync(join(PAGES_DIR, d, 'page.html')))
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(join(PAGES_DIR, name, 'page.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(PAGES_DIR, name, 'expected.json'), 'utf8')),
    }));
}

/** Paragraph-level precision/recall of extracted paragraphs against the expected ones (compared up to typography). */
export function compareParagraphs(
  got: string[],
  want: string[],
): { precision: number; recall: number; extra: string[]; missing: string[]; inOrder: boolean } {
  const g = got.map(comparisonKey),
    w = want.map(comparisonKey);
  const wantSet = new Set(w),
    gotSet = new Set(g);
  const extra = got.filter((_, i) => !wantSet.has(g[i]!));
  const missing = want.filter((_, i) => !gotSet.has(w[i]!));
  const common = g.filter((x) => wantSet.has(x));
  const inOrder = common.every((x, i) => i === 0 || w.indexOf(x) > w.indexOf(common[i - 1]!));
  return {
    precision: got.length ? (got.length - extra.length) / got.length : 1,
    recall: want.length ? (want.length - missing.length) / want.length : 1,
    extra,
    missing,
    inOrder,
  };
}

export const GOLD_DIR = join(ROOT, 'test/fixtures/gold');

export interface GoldPageFile extends GoldPage {
  html: string;
}

export function loadGoldPages(): GoldPageFile[] {
  const dir = join(GOLD_DIR, 'pages');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const name = f.replace(/\.json$/, '');
      const meta = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Omit<GoldPage, 'name'>;
      return { ...meta, name, html: readFileSync(join(dir, `${name}.html`), 'utf8') };
    });
}

export interface GoldPair {
  a: string;
  aSource: string;
  b: string;
  bSource: string;
  label: PairLabel;
}

export function loadGoldPairs(): GoldPair[] {
  return readFileSync(join(GOLD_DIR, 'pairs.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldPair);
}

export const REAL_DIR = join(ROOT, 'test/fixtures/real');
export type Half = 'dev' | 'test';

export interface RealLabel {
  stance: 'corroborates' | 'conflicts';
  source: string;
  statementContains: string;
  note?: string;
}

export interface RealParagraph {
  text: string;
  body: boolean;
  why?: string;
  expect?: RealLabel[];
  borderline?: Omit<RealLabel, 'stance'>[];
}

export interface RealArticle {
  name: string;
  half: Half;
  url: string;
  site: string;
  outlet: string;
  wire: string | null;
  /** The outlet group the split dealt as one (copies of one story, one outlet, one wire). */
  group?: string;
  /** Set on a fixture written before its labels existed (never in a committed fixture). */
  unlabelled?: boolean;
  date: string | null;
  title: string | null;
  kind: 'coverage' | 'near-miss';
  event: string;
  style: string;
  paragraphs: RealParagraph[];
}

export function realFiles(half: Half): string[] {
  const dir = join(REAL_DIR, half);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => join(dir, f));
}

export function loadReal(half: Half): RealArticle[] {
  return realFiles(half).map((file) => {
    const a = JSON.parse(readFileSync(file, 'utf8')) as Omit<RealArticle, 'name' | 'half'>;
    return { ...a, name: file.replace(/^.*\//, '').replace(/\.json$/, ''), half };
  });
}

/** SHA-256 over the half's file names and bytes, in name order: the frozen half's fingerprint. */
export function realHash(half: Half): string {
  const h = createHash('sha256');
  for (const f of realFiles(half)) h.update(f.replace(/^.*\//, '')).update('\0').update(readFileSync(f)).update('\0');
  return h.digest('hex');
}

export const EXTRACT_DIR = join(ROOT, 'test/fixtures/extract');

/** A real page layout of the extraction suite (test/fixtures/extract/<name>/, see the README there). */
export interface ExtractFixture {
  name: string;
  html: string;
  expected: { title: string | null; source: string; kind: string; paragraphs: string[]; notes?: string };
}

export function loadExtractFixtures(): ExtractFixture[] {
  return readdirSync(EXTRACT_DIR)
    .filter((d) => existsSync(join(EXTRACT_DIR, d, 'page.html')))
    .sort()
    .map((name) => ({
      name,
      html: readFileSync(join(EXTRACT_DIR, name, 'page.html'), 'utf8'),
      expected: JSON.parse(readFileSync(join(EXTRACT_DIR, name, 'expected.json'), 'utf8')),
    }));
}
