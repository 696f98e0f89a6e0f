// Extraction fixtures (test/fixtures/pages/<name>/page.html + expected.json) and their comparison.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../scripts/corpus-files';
import { comparisonKey } from '../../lib/text/normalize';

export const PAGES_DIR = join(ROOT, 'test/fixtures/pages');

export interface PageFixture {
  name: string;
  html: string;
  expected: { title: string; isCoverage: boolean; paragraphs: string[] };
}

export function loadPageFixtures(): PageFixture[] {
  return readdirSync(PAGES_DIR).filter((d) => existsSync(join(PAGES_DIR, d, 'page.html'))).sort().map((name) => ({
    name,
    html: readFileSync(join(PAGES_DIR, name, 'page.html'), 'utf8'),
    expected: JSON.parse(readFileSync(join(PAGES_DIR, name, 'expected.json'), 'utf8')),
  }));
}

/** Paragraph-level precision/recall of extracted paragraphs against the expected ones (compared up to typography). */
export function compareParagraphs(got: string[], want: string[]): { precision: number; recall: number; extra: string[]; missing: string[]; inOrder: boolean } {
  const g = got.map(comparisonKey), w = want.map(comparisonKey);
  const wantSet = new Set(w), gotSet = new Set(g);
  const extra = got.filter((_, i) => !wantSet.has(g[i]!));
  const missing = want.filter((_, i) => !gotSet.has(w[i]!));
  const common = g.filter((x) => wantSet.has(x));
  const inOrder = common.every((x, i) => i === 0 || w.indexOf(x) > w.indexOf(common[i - 1]!));
  return { precision: got.length ? (got.length - extra.length) / got.length : 1, recall: want.length ? (want.length - missing.length) / want.length : 1, extra, missing, inOrder };
}
