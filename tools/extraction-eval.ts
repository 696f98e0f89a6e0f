// npm run eval:extract — how much of each real page's article our extractor keeps, next to plain
// Mozilla Readability on the same linkedom DOM and the same pages (test/fixtures/extract/, see the
// README there). Word recall: the share of the expected paragraphs' words (a multiset, lower-cased
// letters and digits) that the output holds; word precision: the share of the output's words that
// are in the expected paragraphs. Readability's output is its article's textContent (captions,
// bylines and all: what a reader view shows). Time: median of `runs` extractions of a parsed page.
//   npx tsx tools/extraction-eval.ts            the table
//   npx tsx tools/extraction-eval.ts --json     the figures as JSON
//   npx tsx tools/extraction-eval.ts --why NAME every block of Readability's article on that page and why the filter drops it
import { Readability } from '@mozilla/readability';
import { extractArticle, extractionTrace } from '../lib/extract/article';
import { parseDocument } from './page-pipeline';
import { loadExtractFixtures, type ExtractFixture } from './fixtures';

/** Lower-cased words (letters and digits) of `text`, NFKC-normalised. */
export function words(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

function bag(ws: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const w of ws) m.set(w, (m.get(w) ?? 0) + 1);
  return m;
}

/** Word recall and precision of `got` against `want` (multisets of words). */
export function wordScores(got: string, want: string): { recall: number; precision: number; gotWords: number; wantWords: number } {
  const g = bag(words(got));
  const w = bag(words(want));
  let common = 0;
  let gotWords = 0;
  let wantWords = 0;
  for (const [k, n] of g) {
    common += Math.min(n, w.get(k) ?? 0);
    gotWords += n;
  }
  for (const n of w.values()) wantWords += n;
  return {
    recall: wantWords ? common / wantWords : 1,
    precision: gotWords ? common / gotWords : wantWords ? 0 : 1,
    gotWords,
    wantWords,
  };
}

export interface ExtractionPageScore {
  page: string;
  kind: string;
  bytes: number;
  expectedWords: number;
  ours: { recall: number; precision: number; paragraphs: number; method: string; ms: number };
  readability: { recall: number; precision: number; found: boolean; ms: number };
}

export interface ExtractionEval {
  pages: ExtractionPageScore[];
  mean: { ours: { recall: number; precision: number; ms: number }; readability: { recall: number; precision: number; ms: number } };
  min: { ours: { recall: number; precision: number; recallPage: string; precisionPage: string } };
  /** Pages where Readability finds an article and ours yields no paragraph. */
  empty: string[];
  /** Median time of ours on the four largest pages. */
  longPagesMs: { page: string; ms: number }[];
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1] ?? 0;
}

function timeIt(f: () => void, runs: number): number {
  f(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    t.push(performance.now() - t0);
  }
  return r3(median(t));
}

function readabilityText(doc: Document): string | null {
  try {
    const r = new Readability(doc.cloneNode(true) as Document, { charThreshold: 300 }).parse();
    return r?.textContent ?? null;
  } catch {
    return null;
  }
}

/** Scores our extractor and plain Readability on every page of the suite. `runs` = timed runs per page (0: no timing). */
export function evaluateExtraction(opts: { runs?: number; fixtures?: ExtractFixture[] } = {}): ExtractionEval {
  const runs = opts.runs ?? 5;
  const pages: ExtractionPageScore[] = [];
  for (const f of opts.fixtures ?? loadExtractFixtures()) {
    const doc = parseDocument(f.html);
    const want = f.expected.paragraphs.join('\n');
    const a = extractArticle(doc);
    const ours = wordScores(a.paragraphs.map((p) => p.text).join('\n'), want);
    const rText = readabilityText(doc);
    const rd = wordScores(rText ?? '', want);
    pages.push({
      page: f.name,
      kind: f.expected.kind,
      bytes: f.html.length,
      expectedWords: ours.wantWords,
      ours: {
        recall: r3(ours.recall),
        precision: r3(ours.precision),
        paragraphs: a.paragraphs.length,
        method: a.method,
        ms: runs ? timeIt(() => extractArticle(doc), runs) : 0,
      },
      readability: {
        recall: r3(rd.recall),
        precision: r3(rd.precision),
        found: !!rText?.trim(),
        ms: runs ? timeIt(() => readabilityText(doc), runs) : 0,
      },
    });
  }
  const mean = (f: (p: ExtractionPageScore) => number) => r3(pages.reduce((s, p) => s + f(p), 0) / Math.max(1, pages.length));
  const minBy = (f: (p: ExtractionPageScore) => number) => pages.reduce((m, p) => (f(p) < f(m) ? p : m), pages[0]!);
  const minR = minBy((p) => p.ours.recall);
  const minP = minBy((p) => p.ours.precision);
  return {
    pages,
    mean: {
      ours: { recall: mean((p) => p.ours.recall), precision: mean((p) => p.ours.precision), ms: mean((p) => p.ours.ms) },
      readability: {
        recall: mean((p) => p.readability.recall),
        precision: mean((p) => p.readability.precision),
        ms: mean((p) => p.readability.ms),
      },
    },
    min: { ours: { recall: minR.ours.recall, precision: minP.ours.precision, recallPage: minR.page, precisionPage: minP.page } },
    empty: pages.filter((p) => p.readability.found && p.ours.paragraphs === 0).map((p) => p.page),
    longPagesMs: [...pages]
      .sort((a, b) => b.bytes - a.bytes)
      .slice(0, 4)
      .map((p) => ({ page: p.page, ms: p.ours.ms })),
  };
}

function printTable(e: ExtractionEval): void {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(6);
  console.log(
    `Extraction on ${e.pages.length} real page layouts (test/fixtures/extract): word recall / precision of the expected paragraphs`,
  );
  console.log(`${'page'.padEnd(30)} ${'KB'.padStart(4)}  ours: R       P      ms  paras method             Readability: R       P      ms`);
  for (const p of e.pages)
    console.log(
      `${p.page.padEnd(30)} ${(p.bytes / 1024).toFixed(0).padStart(4)}        ${pct(p.ours.recall)} ${pct(p.ours.precision)} ${p.ours.ms
        .toFixed(1)
        .padStart(6)} ${String(p.ours.paragraphs).padStart(5)} ${p.ours.method.padEnd(18)}               ${pct(p.readability.recall)} ${pct(
        p.readability.precision,
      )} ${p.readability.ms.toFixed(1).padStart(6)}`,
    );
  console.log(
    `${'mean'.padEnd(30)} ${''.padStart(4)}        ${pct(e.mean.ours.recall)} ${pct(e.mean.ours.precision)} ${e.mean.ours.ms.toFixed(1).padStart(6)}${''.padEnd(40)}${pct(
      e.mean.readability.recall,
    )} ${pct(e.mean.readability.precision)} ${e.mean.readability.ms.toFixed(1).padStart(6)}`,
  );
  console.log(
    `lowest page: recall ${pct(e.min.ours.recall).trim()} (${e.min.ours.recallPage}), precision ${pct(e.min.ours.precision).trim()} (${e.min.ours.precisionPage}); ` +
      `pages with no paragraph where Readability finds an article: ${e.empty.length ? e.empty.join(', ') : 'none'}`,
  );
  console.log(
    `largest pages, ours: ${e.longPagesMs.map((p) => `${p.page} ${p.ms.toFixed(1)} ms`).join(', ')} (targets: R ≥ 97%, P ≥ 95%, each page ≥ 80%, ≤ 20 ms)`,
  );
}

if (process.argv[1] && /extraction-eval\.ts$/.test(process.argv[1])) {
  const why = process.argv.indexOf('--why');
  if (why > 0) {
    const name = process.argv[why + 1];
    const f = loadExtractFixtures().find((x) => x.name === name);
    if (!f) throw new Error(`no fixture ${name}`);
    for (const b of extractionTrace(parseDocument(f.html)))
      console.log(
        `${b.drop ? `DROP ${b.drop}${b.strictDrop ? ' (also in the guard)' : ''}` : 'keep'} [${b.tag.slice(0, 40)}] ${b.text.slice(0, 140)}`,
      );
  } else {
    const e = evaluateExtraction({ runs: process.argv.includes('--quick') ? 1 : 5 });
    if (process.argv.includes('--json')) console.log(JSON.stringify(e, null, 2));
    else printTable(e);
  }
}
