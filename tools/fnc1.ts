// npm run --silent fnc1 -- --bodies <bodies.csv> --stances <stances.csv> --out <predictions.csv>
// FNC-1 stance prediction from the terminal: reads the pairs (with or without a Stance column), predicts
// agree / disagree / discuss / unrelated with tools/fnc1-model/fnc1.json and writes Headline,Body ID,Stance
// rows in input order. Also the shared FNC-1 data helpers (CSV parser and writer, loaders, the body-ID
// split, the relative score) used by the training and evaluation scripts and the tests.
import { readFileSync, writeFileSync, existsSync, realpathSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './corpus-files';
import { mulberry32 } from './gbdt-train';
import {
  FNC1_CLASSES,
  prepareBody,
  predictFnc1Index,
  makeIdf,
  fnc1Features,
  type BodyPrep,
  type Fnc1Class,
  type Fnc1Model,
  type IdfModel,
  type IdfTable,
} from './fnc1-features';

/**
 * Where the FNC-1 CSVs are: $FNC1_DIR, else the workspace's shared datasets beside the checkout
 * (../shared/datasets/fnc-1), else the workspace's usual absolute place (/work/shared/datasets/fnc-1).
 */
export const FNC1_DIR = resolve(
  process.env.FNC1_DIR ??
    [join(ROOT, '..', 'shared', 'datasets', 'fnc-1'), '/work/shared/datasets/fnc-1'].find((d) => existsSync(join(d, 'train_bodies.csv'))) ??
    join(ROOT, '..', 'shared', 'datasets', 'fnc-1'),
);
export const WEIGHTS_DIR = join(ROOT, 'tools', 'fnc1-model');
export const MODEL_FILE = join(WEIGHTS_DIR, 'fnc1.json');
export const VALFOLD_FILE = join(WEIGHTS_DIR, 'fnc1-valfold.json');
export const VALIDATION_FILE = join(WEIGHTS_DIR, 'fnc1-validation.json');

/** Seed and share of the body-ID hold-out (validation) split of the train set. */
export const SPLIT_SEED = 1534;
export const HOLDOUT_SHARE = 0.2;

/** A bad input the CLI reports as one line and exit status 2. */
export class InputError extends Error {}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180): quoted fields may hold commas, CR/LF and "" escapes; records end at CRLF, LF or CR.

/** All records of a CSV text, each as an array of fields. A BOM is dropped; a final newline adds no record. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let quoted = false;
  let fieldStarted = false;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      // Copy the run up to the next quote in one slice (bodies are long).
      const q = text.indexOf('"', i);
      const end = q < 0 ? n : q;
      field += text.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      row.push(field);
      field = '';
      fieldStarted = false;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      fieldStarted = false;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    // A stray quote inside an unquoted field is kept as text (lenient, like most readers).
    field += ch;
    fieldStarted = true;
    i++;
  }
  if (quoted) throw new InputError('unterminated quoted field at end of CSV');
  if (fieldStarted || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** One CSV field, quoted only when it must be. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** CSV text (CRLF-free: LF line ends) of a header and rows. */
export function formatCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------
// FNC-1 files.

export interface Fnc1Pair {
  headline: string;
  bodyId: string;
  /** Gold label when the file has a Stance column. */
  stance?: Fnc1Class;
}

function readCsvFile(path: string, what: string): string[][] {
  if (!existsSync(path)) throw new InputError(`${what} file not found: ${path}`);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`cannot read ${what} file ${path}: ${(e as Error).message}`);
  }
  const rows = parseCsv(text);
  if (!rows.length) throw new InputError(`${what} file is empty: ${path}`);
  return rows;
}

function column(header: string[], name: string, path: string, what: string): number {
  const i = header.findIndex((h) => h.trim().toLowerCase() === name.toLowerCase());
  if (i < 0) throw new InputError(`${what} file ${path} has no "${name}" column (header: ${header.join(',')})`);
  return i;
}

/** Body ID → article body. */
export function readBodies(path: string): Map<string, string> {
  const rows = readCsvFile(path, 'bodies');
  const header = rows[0]!;
  const id = column(header, 'Body ID', path, 'bodies');
  const body = column(header, 'articleBody', path, 'bodies');
  const out = new Map<string, string>();
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0] === '') continue;
    if (row.length <= Math.max(id, body)) throw new InputError(`bodies file ${path}: row ${r + 1} has ${row.length} fields`);
    out.set(row[id]!.trim(), row[body]!);
  }
  return out;
}

/** The pairs in file order; `stance` is set when the file has a Stance column. */
export function readStances(path: string): Fnc1Pair[] {
  const rows = readCsvFile(path, 'stances');
  const header = rows[0]!;
  const h = column(header, 'Headline', path, 'stances');
  const b = column(header, 'Body ID', path, 'stances');
  const s = header.findIndex((x) => x.trim().toLowerCase() === 'stance');
  const out: Fnc1Pair[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    if (row.length === 1 && row[0] === '') continue;
    if (row.length <= Math.max(h, b)) throw new InputError(`stances file ${path}: row ${r + 1} has ${row.length} fields`);
    const pair: Fnc1Pair = { headline: row[h]!, bodyId: row[b]!.trim() };
    if (s >= 0) {
      const label = (row[s] ?? '').trim().toLowerCase();
      if (!(FNC1_CLASSES as readonly string[]).includes(label))
        throw new InputError(`stances file ${path}: row ${r + 1} has unknown stance "${row[s]}"`);
      pair.stance = label as Fnc1Class;
    }
    out.push(pair);
  }
  return out;
}

export interface Fnc1Data {
  bodies: Map<string, string>;
  pairs: Fnc1Pair[];
}

export function loadTrain(dir = FNC1_DIR): Fnc1Data {
  return { bodies: readBodies(join(dir, 'train_bodies.csv')), pairs: readStances(join(dir, 'train_stances.csv')) };
}

export function loadCompetition(dir = FNC1_DIR): Fnc1Data {
  return {
    bodies: readBodies(join(dir, 'competition_test_bodies.csv')),
    pairs: readStances(join(dir, 'competition_test_stances_unlabeled.csv')),
  };
}

/**
 * The body-ID hold-out split (like the official baseline): body ids sorted numerically, shuffled with a
 * seeded PRNG, the first 80% fit the model and the rest validate it. No body is on both sides.
 */
export function splitBodies(
  bodyIds: Iterable<string>,
  seed = SPLIT_SEED,
  holdout = HOLDOUT_SHARE,
): { fit: Set<string>; validation: Set<string> } {
  const ids = [...new Set(bodyIds)].sort((a, b) => Number(a) - Number(b) || a.localeCompare(b));
  const rand = mulberry32(seed);
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const nFit = Math.round(ids.length * (1 - holdout));
  return { fit: new Set(ids.slice(0, nFit)), validation: new Set(ids.slice(nFit)) };
}

// ---------------------------------------------------------------------------------------------
// The FNC-1 score.

export interface Fnc1Score {
  /** Raw score as a percentage of the best possible. */
  relativeScore: number;
  raw: number;
  best: number;
  /** confusion[gold][predicted] in FNC1_CLASSES order. */
  confusion: number[][];
  n: number;
  accuracy: number;
}

export function scoreFnc1(gold: readonly Fnc1Class[], predicted: readonly Fnc1Class[]): Fnc1Score {
  const K = FNC1_CLASSES.length;
  const confusion = Array.from({ length: K }, () => new Array<number>(K).fill(0));
  let raw = 0,
    best = 0,
    right = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!,
      p = predicted[i]!;
    confusion[FNC1_CLASSES.indexOf(g)]![FNC1_CLASSES.indexOf(p)]!++;
    if (g === p) right++;
    if (g === 'unrelated') {
      best += 0.25;
      if (p === 'unrelated') raw += 0.25;
    } else {
      best += 1;
      if (p !== 'unrelated') raw += 0.25;
      if (p === g) raw += 0.75;
    }
  }
  return {
    relativeScore: best ? (100 * raw) / best : 0,
    raw,
    best,
    confusion,
    n: gold.length,
    accuracy: gold.length ? right / gold.length : 0,
  };
}

/** The confusion matrix as aligned text (rows gold, columns predicted). */
export function formatConfusion(confusion: number[][]): string {
  const w = 10;
  const lines = ['gold \\ pred'.padEnd(12) + FNC1_CLASSES.map((c) => c.padStart(w)).join('')];
  confusion.forEach((row, i) => lines.push(FNC1_CLASSES[i]!.padEnd(12) + row.map((v) => String(v).padStart(w)).join('')));
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Prediction.

/** Pairs the feature fingerprint is taken over: the first ones of train_stances.csv. */
export const FINGERPRINT_PAIRS = 300;

/**
 * A hash of the feature rows of the first train pairs under `idf`. Training stores it in the model's
 * meta; when lib/text or the feature code changes, the fingerprint changes and the model should be retrained.
 */
export function featureFingerprint(bodies: Map<string, string>, pairs: readonly Fnc1Pair[], idf: IdfTable): string {
  const model = makeIdf(idf);
  const preps = new Map<string, BodyPrep>();
  let h = 0x811c9dc5;
  for (const p of pairs.slice(0, FINGERPRINT_PAIRS)) {
    let prep = preps.get(p.bodyId);
    if (!prep) preps.set(p.bodyId, (prep = prepareBody(bodies.get(p.bodyId) ?? '', model)));
    for (const v of fnc1Features(p.headline, prep)) {
      const s = v.toPrecision(9);
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
      h = Math.imul(h ^ 0x2c, 0x01000193) >>> 0;
    }
  }
  return h.toString(16).padStart(8, '0');
}

export function loadModel(path = MODEL_FILE): Fnc1Model {
  if (!existsSync(path)) throw new InputError(`model file not found: ${path} (run: npx tsx tools/train-fnc1.ts)`);
  return JSON.parse(readFileSync(path, 'utf8')) as Fnc1Model;
}

/** Labels for `pairs` in order; each body is prepared once. Throws InputError for a Body ID with no body. */
export function predictPairs(model: Fnc1Model, bodies: Map<string, string>, pairs: readonly Fnc1Pair[]): Fnc1Class[] {
  const idf: IdfModel = makeIdf(model.idf);
  const prepared = new Map<string, BodyPrep>();
  const out: Fnc1Class[] = [];
  for (const p of pairs) {
    let prep = prepared.get(p.bodyId);
    if (!prep) {
      const text = bodies.get(p.bodyId);
      if (text === undefined) throw new InputError(`Body ID ${p.bodyId} (headline "${p.headline.slice(0, 60)}") is not in the bodies file`);
      prep = prepareBody(text, idf);
      prepared.set(p.bodyId, prep);
    }
    out.push(FNC1_CLASSES[predictFnc1Index(model, p.headline, prep)]!);
  }
  return out;
}

export interface CliResult {
  counts: Record<Fnc1Class, number>;
  seconds: number;
  n: number;
}

/** The CLI's work without the argument parsing: read, predict, write; returns class counts and time. */
export function runFnc1(
  bodiesPath: string,
  stancesPath: string,
  outPath: string | null,
  modelPath = MODEL_FILE,
): CliResult & { labels: Fnc1Class[]; pairs: Fnc1Pair[] } {
  const t0 = performance.now();
  const bodies = readBodies(bodiesPath);
  const pairs = readStances(stancesPath);
  const model = loadModel(modelPath);
  const labels = predictPairs(model, bodies, pairs);
  if (outPath) {
    const rows: string[][] = [['Headline', 'Body ID', 'Stance']];
    pairs.forEach((p, i) => rows.push([p.headline, p.bodyId, labels[i]!]));
    try {
      writeFileSync(outPath, formatCsv(rows));
    } catch (e) {
      throw new InputError(`cannot write ${outPath}: ${(e as Error).message}`);
    }
  }
  const counts = Object.fromEntries(FNC1_CLASSES.map((c) => [c, 0])) as Record<Fnc1Class, number>;
  for (const l of labels) counts[l]++;
  return { counts, seconds: (performance.now() - t0) / 1000, n: pairs.length, labels, pairs };
}

const USAGE = 'usage: npm run --silent fnc1 -- --bodies <bodies.csv> --stances <stances.csv> --out <predictions.csv>';

function parseArgs(argv: string[]): { bodies: string; stances: string; out: string } {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const m = /^--(bodies|stances|out)(?:=(.*))?$/.exec(a);
    if (!m) throw new InputError(`unknown argument "${a}"; ${USAGE}`);
    const v = m[2] ?? argv[++i];
    if (v === undefined || v === '') throw new InputError(`--${m[1]} needs a value; ${USAGE}`);
    args[m[1]!] = v;
  }
  for (const k of ['bodies', 'stances', 'out']) if (!args[k]) throw new InputError(`missing --${k}; ${USAGE}`);
  return args as { bodies: string; stances: string; out: string };
}

function main(): void {
  try {
    const a = parseArgs(process.argv.slice(2));
    const r = runFnc1(a.bodies, a.stances, a.out);
    const counts = FNC1_CLASSES.map((c) => `${c} ${r.counts[c]}`).join(', ');
    process.stderr.write(`fnc1: ${r.n} pairs → ${a.out} (${counts}) in ${r.seconds.toFixed(1)} s\n`);
  } catch (e) {
    if (e instanceof InputError) {
      process.stderr.write(`fnc1: ${e.message.replace(/\s*\n\s*/g, ' ')}\n`);
      process.exit(2);
    }
    throw e;
  }
}

const invoked = process.argv[1]
  ? (() => {
      try {
        return realpathSync(process.argv[1]!);
      } catch {
        return '';
      }
    })()
  : '';
if (invoked === fileURLToPath(import.meta.url)) main();
