// npm run bench:doc — renders the table of measured figures in docs/benchmarks.md from bench/results.json
// (written by `npm run bench`, which also calls writeBenchDoc). The table and the line naming the run's
// date and machine sit between the markers below; the prose around them is written by hand. Every
// figure in the table comes from results.json: a field it needs that is missing fails loudly, naming
// the field. test/bench-doc.test.ts fails when the committed doc differs from what this renders.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const RESULTS_FILE = join(ROOT, 'bench/results.json');
export const BENCH_DOC = join(ROOT, 'docs/benchmarks.md');

/** The value at a dotted path of results.json, or an error naming the path and what was expected. */
function field(results: unknown, path: string, kind: 'number' | 'string' | 'array' | 'object'): unknown {
  let v: unknown = results;
  for (const key of path.split('.')) {
    v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  }
  const ok =
    kind === 'array'
      ? Array.isArray(v) && v.length > 0
      : kind === 'object'
        ? v !== null && typeof v === 'object'
        : kind === 'number'
          ? typeof v === 'number' && Number.isFinite(v)
          : typeof v === 'string' && v !== '';
  if (!ok) {
    const what = kind === 'array' ? 'a non-empty array' : kind === 'object' ? 'an object' : `a ${kind}`;
    throw new Error(`bench/results.json: ${path} is missing or not ${what} (got ${JSON.stringify(v)}); rerun npm run bench`);
  }
  return v;
}
const num = (r: unknown, path: string) => field(r, path, 'number') as number;
const str = (r: unknown, path: string) => field(r, path, 'string') as string;
const arr = (r: unknown, path: string) => field(r, path, 'array') as unknown[];
/** An optional part of a run (`--no-browser`, `--no-fnc1` leave it null): null when absent, an error when malformed. */
const optional = (r: unknown, path: string) => {
  const v = (r as Record<string, unknown> | null)?.[path];
  return v === null || v === undefined ? null : field(r, path, 'object');
};

/** x rounded half-up to d decimals, as text ("62.15" → "62.2"). */
function fixed(x: number, d: number): string {
  if (/e/i.test(String(x))) return x.toFixed(d);
  return Number(`${Math.round(Number(`${x}e${d}`))}e-${d}`).toFixed(d);
}
/** An integer with thousands separators ("2,495"). */
function int(x: number): string {
  return String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
const kb = (bytes: number) => `${int(bytes / 1024)} KB`;

/** The markdown between the markers: the run's date and machine, then the table (what / measured / target). */
export function renderBenchTable(results: unknown): string {
  const r = results;
  if ((r as { quick?: unknown } | null)?.quick === true)
    throw new Error('bench/results.json is from a --quick run (tiny inputs); the doc shows full runs only: rerun npm run bench');
  const rows: [string, string, string][] = [];
  const notMeasured = (flag: string) => `not measured in this run (\`${flag}\`)`;

  rows.push(['gate on non-coverage pages (Node, realistic fixtures)', `${fixed(num(r, 'gate_ms.nonCoverage.median'), 3)} ms`, '≤ 1 ms']);
  const probeRaw = num(r, 'bundle_bytes.chrome.probe.raw');
  const probeGzip = num(r, 'bundle_bytes.chrome.probe.gzip');
  rows.push(['always-injected script (the probe)', `${int(probeRaw)} B, **${int(probeGzip)} B gzipped**`, '≤ 15 KB gzipped']);
  const gateRaw = num(r, 'bundle_bytes.chrome.gate.raw');
  const gateGzip = num(r, 'bundle_bytes.chrome.gate.gzip');
  rows.push([
    'gate, injected only where the probe finds the event’s names (with its learned model)',
    `${int(gateRaw)} B, ${int(gateGzip)} B gzipped`,
    '',
  ]);
  const extract = arr(r, 'extract_ms').map((_, i) => num(r, `extract_ms.${i}.ms.median`));
  rows.push([
    `extraction of the ${extract.length} longest fixtures (Node, linkedom)`,
    `${fixed(Math.min(...extract), 1)}–${fixed(Math.max(...extract), 1)} ms`,
    '≤ 20 ms',
  ]);
  rows.push(['match a 20-paragraph article, warm', `**${fixed(num(r, 'match_ms.warm.median'), 1)} ms**`, '≤ 25 ms']);
  rows.push([
    'match, cold (open IndexedDB, load statements, postings, vectors, model)',
    `${fixed(num(r, 'match_ms.cold.median'), 1)} ms`,
    '≤ 300 ms',
  ]);
  const scale = arr(r, 'scale').map((_, i) => ({
    factor: num(r, `scale.${i}.factor`),
    statements: num(r, `scale.${i}.statements`),
    match: num(r, `scale.${i}.match.median`),
    heapMb: num(r, `scale.${i}.heapMb`),
  }));
  const first = scale[0]!;
  const last = scale[scale.length - 1]!;
  rows.push([
    `match at ${scale.map((s) => `${s.factor}×`).join(' / ')} the corpus (${int(first.statements)} → ${int(last.statements)} statements)`,
    `${scale.map((s) => fixed(s.match, 1)).join(' / ')} ms`,
    '≤ 150 ms at 1000×, sublinear',
  ]);
  rows.push([
    `heap at ${first.factor}× / ${last.factor}× the corpus (Node, after the index and a match)`,
    `${int(first.heapMb)} MB / ${int(last.heapMb)} MB`,
    '≤ 80 MB at 1×',
  ]);
  rows.push(['whole Chrome build', kb(num(r, 'bundle_bytes.chrome.total')), '≤ 8 MB']);
  rows.push([
    'learned weights: stance model with the per-statement lexical models (shipped) / FNC-1 model',
    `${kb(num(r, 'weights_bytes.stance'))} / ${kb(num(r, 'weights_bytes.fnc1'))}`,
    '≤ 1 MB each (asserted)',
  ]);
  rows.push(['word vectors (a GloVe-derived lexicon the engine ships, not fitted here)', kb(num(r, 'weights_bytes.wordVectors')), '']);

  const browser = optional(r, 'browser');
  const badge = browser ? `${int(num(r, 'browser.badgeAfterDclMs.median'))} ms` : notMeasured('--no-browser');
  rows.push(['Chromium: badge after `DOMContentLoaded` (coverage page)', badge, '≤ 500 ms']);
  const load = browser
    ? `${fixed(num(r, 'browser.pageLoad.withExtension.median'), 1)} / ${fixed(num(r, 'browser.pageLoad.withoutExtension.median'), 1)} ms, ` +
      `ratio ${fixed(num(r, 'browser.pageLoad.ratio'), 2)}`
    : notMeasured('--no-browser');
  rows.push(['Chromium: page load with / without the extension (non-coverage page, interleaved runs)', load, '≤ 1.02']);
  const control = browser ? `ratio ${fixed(num(r, 'browser.pageLoad.controlRatio'), 2)}` : notMeasured('--no-browser');
  rows.push(['… A/A control: a second browser without the extension', control, 'noise floor']);

  const fnc1 = optional(r, 'fnc1_s');
  if (fnc1) {
    const counts = field(r, 'fnc1_s.counts', 'object') as Record<string, unknown>;
    const pairs = Object.keys(counts).reduce((n, k) => n + num(r, `fnc1_s.counts.${k}`), 0);
    rows.push([`FNC-1: ${int(pairs)} competition test pairs`, `${fixed(num(r, 'fnc1_s.seconds'), 1)} s`, '≤ 60 s']);
  } else rows.push(['FNC-1: the competition test pairs', notMeasured('--no-fnc1'), '≤ 60 s']);

  const date = str(r, 'date').slice(0, 10);
  const run =
    `Last full run: ${date}, ${num(r, 'machine.cpus')} × ${str(r, 'machine.cpu')}, ${num(r, 'machine.memGb')} GB, ` +
    `Node ${str(r, 'machine.node')}; the whole bench took ${fixed(num(r, 'seconds'), 1)} s.`;
  return [
    run,
    '',
    '| what | measured | target |',
    '|---|---|---|',
    ...rows.map(([what, measured, target]) => `| ${what} | ${measured} | ${target} |`),
  ].join('\n');
}

/** The text between the markers of a doc (without the newlines that frame it); an error when they are missing. */
export function generatedPart(doc: string): string {
  const start = doc.indexOf(BENCH_START);
  const end = doc.indexOf(BENCH_END);
  if (start < 0 || end < start)
    throw new Error(`docs/benchmarks.md: the markers ${BENCH_START} … ${BENCH_END} are missing or out of order`);
  return doc.slice(start + BENCH_START.length, end).replace(/^\n+|\n+$/g, '');
}

/** The doc with the part between the markers replaced by the table rendered from `results`. */
export function withBenchTable(doc: string, results: unknown): string {
  generatedPart(doc); // the markers must be there
  const start = doc.indexOf(BENCH_START) + BENCH_START.length;
  const end = doc.indexOf(BENCH_END);
  return `${doc.slice(0, start)}\n${renderBenchTable(results)}\n${doc.slice(end)}`;
}

/** Rewrites docs/benchmarks.md's generated part from `results` (by default, the committed bench/results.json). */
export function writeBenchDoc(results: unknown = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')), docPath = BENCH_DOC): void {
  const doc = readFileSync(docPath, 'utf8');
  writeFileSync(docPath, withBenchTable(doc, results));
  console.log(`wrote ${relative(ROOT, docPath)} (its table from the results)`);
}

if (process.argv[1] && /bench-doc\.ts$/.test(process.argv[1])) writeBenchDoc();
