// npm run train:stance — fits the stance model offline: a gradient-boosted model over the pair
// features of lib/match/pair-features.ts, on the DEV gold pages, the real-world development half
// (test/fixtures/real/dev) and the labelled corpus pairs (never the held-out gold pages nor the frozen
// real-world test half), with listing thresholds chosen on out-of-fold predictions (10 folds by outlet
// group: a page and its copies are never on both sides). `-- --no-real` leaves the real articles out.
// Writes lib/match/weights/stance.json. Deterministic (fixed seeds).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { predictProba, type GbdtModel } from '../lib/match/gbdt';
import { trainGbdt } from './gbdt-train';
import { PAIR_FEATURES } from '../lib/match/pair-features';
import { matcherFromCorpus } from '../lib/match/engine';
import { decideFromProbabilities } from '../lib/match/stance-model';
import { loadCompiled, loadVectors, ROOT } from './corpus-files';
import { loadGoldPages, loadGoldPairs } from './fixtures';
import { CLASSES, pageRows, pairRow, type Row } from './stance-data';
import { prf } from './evaluate';
import { fitLex, lexProbability, type LexModel, type StatementLexFile } from '../lib/match/statement-lex';
import { comparisonKey } from '../lib/text/normalize';
import { createHash } from 'node:crypto';
import { realAsLabelled } from './real';
import { loadReal } from './fixtures';

const WEIGHTS: Record<string, number> = { none: 1, related: 1.5, corroborates: 4, conflicts: 8 };
const OPTS = { rounds: 150, learningRate: 0.07, maxDepth: 3, minLeaf: 6, l2: 2, subsample: 0.9, colsample: 0.9, seed: 7 };

function fit(rows: Row[]): GbdtModel {
  return trainGbdt(
    rows.map((r) => r.x),
    rows.map((r) => CLASSES.indexOf(r.label)),
    {
      classes: CLASSES,
      features: [...PAIR_FEATURES],
      sampleWeight: rows.map((r) => WEIGHTS[r.label]!),
      ...OPTS,
    },
  );
}

type Scored = Row & { p: number[] };
type Thresholds = { corroborates: number; related: number; conflicts?: number; agree?: number };

function f1s(rows: Scored[], t: Thresholds, missed: { corroborates: number; conflicts: number }) {
  const c = { corroborates: { tp: 0, fp: 0, fn: missed.corroborates }, conflicts: { tp: 0, fp: 0, fn: missed.conflicts } };
  for (const r of rows) {
    const d = decideFromProbabilities(
      { related: r.p[1]!, corroborates: r.p[2]!, conflicts: r.p[3]!, clash: r.clash, claims: r.claims },
      t,
    ).stance;
    for (const s of ['corroborates', 'conflicts'] as const) {
      // As in the evaluation: a corroboration of a pair gold calls "related" is not counted either way.
      if (d === s && r.label === s) c[s].tp++;
      else if (d === s && !(s === 'corroborates' && r.label === 'related')) c[s].fp++;
      else if (d !== s && r.label === s) c[s].fn++;
    }
  }
  return { corroborates: prf(c.corroborates), conflicts: prf(c.conflicts) };
}

const started = performance.now();
const m = matcherFromCorpus(loadCompiled(), undefined, loadVectors(), null);
const dev = loadGoldPages().filter((g) => g.kind === 'coverage' && g.split === 'dev');
const useReal = !process.argv.includes('--no-real');
const realDev = useReal ? loadReal('dev').filter((a) => a.kind === 'coverage') : [];
const pages = [
  ...dev.map((g) => ({ name: g.name, group: `gold:${g.name}`, ...pageRows(m, g) })),
  ...realDev.map((a) => ({ name: a.name, group: `real:${a.group ?? a.name}`, ...pageRows(m, realAsLabelled(a)) })),
];
const FOLDS = 10;
// --fraction F: only that share of the real articles' outlet groups is trained on (all are still
// scored out of fold) — the learning curve in docs/evaluation.md. --dry: print, do not write.
const fracArg = process.argv.indexOf('--fraction');
const fraction = fracArg > 0 ? Number(process.argv[fracArg + 1]) : 1;
const inFraction = (group: string) =>
  !group.startsWith('real:') ||
  parseInt(createHash('sha256').update(`frac:${group}`).digest('hex').slice(0, 8), 16) / 0xffffffff < fraction;
const foldOf = (group: string) => parseInt(createHash('sha256').update(group).digest('hex').slice(0, 8), 16) % FOLDS;
const pairRows = loadGoldPairs().map((p) => pairRow(m, p));
const missed = pages.reduce(
  (a, p) => ({ corroborates: a.corroborates + p.unretrieved.corroborates, conflicts: a.conflicts + p.unretrieved.conflicts }),
  { corroborates: 0, conflicts: 0 },
);
const counts = Object.fromEntries(CLASSES.map((c) => [c, pages.flatMap((p) => p.rows).filter((r) => r.label === c).length]));
console.log(
  `rows: ${JSON.stringify(counts)} from ${dev.length} gold dev pages + ${realDev.length} real dev articles + ${pairRows.length} pairs; labelled matches never retrieved: ${JSON.stringify(missed)}`,
);

// Per-statement lexical models (lib/match/statement-lex.ts), stacked: each row's lexScore comes from
// models fit without its fold, so the stance model learns how far to trust them on unseen pages.
const LEX = process.argv.includes('--no-lex') ? -1 : PAIR_FEATURES.indexOf('lexScore');
// L2 by out-of-fold corroborates F1 on the real development articles: 0.2 → 0.583, 0.05 → 0.607,
// 0.01 → 0.619, 0.002 → 0.621 (the smaller model of the two best kept).
const LEX_OPTS = { l2: 0.01, rounds: 150 };
function fitLexModels(rows: Row[]): Map<number, LexModel> {
  const byDoc = new Map<number, { terms: ReadonlySet<string>; y: 0 | 1 }[]>();
  for (const r of rows) {
    if (r.doc === undefined || !r.terms) continue;
    let list = byDoc.get(r.doc);
    if (!list) byDoc.set(r.doc, (list = []));
    list.push({ terms: r.terms, y: r.label === 'corroborates' ? 1 : 0 });
  }
  const out = new Map<number, LexModel>();
  for (const [doc, ex] of byDoc) if (ex.some((e) => e.y === 1)) out.set(doc, fitLex(ex, LEX_OPTS));
  return out;
}
if (LEX >= 0) {
  for (let f = 0; f < FOLDS; f++) {
    const models = fitLexModels(pages.filter((p) => foldOf(p.group) !== f && inFraction(p.group)).flatMap((p) => p.rows));
    for (const p of pages.filter((q) => foldOf(q.group) === f)) {
      for (const r of p.rows) {
        const lm = r.doc === undefined ? undefined : models.get(r.doc);
        r.x[LEX] = lm && r.terms ? lexProbability(lm, r.terms) : Number.NaN;
      }
    }
  }
}

// Out-of-fold probabilities: each page scored by a model fit without its fold (folds by outlet group).
const oof: Scored[] = [];
for (let f = 0; f < FOLDS; f++) {
  const held = pages.filter((p) => foldOf(p.group) === f);
  if (!held.length) continue;
  const model = fit([...pages.filter((p) => foldOf(p.group) !== f && inFraction(p.group)).flatMap((p) => p.rows), ...pairRows]);
  for (const p of held) for (const r of p.rows) oof.push({ ...r, p: predictProba(model, r.x) });
}
let best: Thresholds = { corroborates: 0.5, related: 0.35 };
let bestScore = -1;
// Conflicts come from claim frames (no threshold); the corroboration threshold is chosen by F1, and
// among thresholds within 0.005 of the best F1 the highest (a false "confirms" misleads a reader more).
const grid: { t: Thresholds; score: number }[] = [];
// With real articles in the training data, the threshold is chosen on them alone: real text is what
// readers bring, and the gold pages (written to exercise the claims) would pull it towards themselves.
const realRows = oof.filter((r) => r.group.startsWith('real:'));
const realMissed = pages
  .filter((p) => p.group.startsWith('real:'))
  .reduce((a, p) => ({ corroborates: a.corroborates + p.unretrieved.corroborates, conflicts: a.conflicts + p.unretrieved.conflicts }), {
    corroborates: 0,
    conflicts: 0,
  });
for (let k = 0.1; k <= 0.8; k += 0.025) {
  const t = { corroborates: +k.toFixed(3), related: 0.35 };
  grid.push({ t, score: realRows.length ? f1s(realRows, t, realMissed).corroborates.f1 : f1s(oof, t, missed).corroborates.f1 });
}
bestScore = Math.max(...grid.map((g) => g.score));
best = grid.filter((g) => g.score >= bestScore - 0.005).at(-1)!.t;
// Then how plausible the model must find a claim frame's verdict for it to stand: the conflict
// threshold by conflicts F1 over every development page (real conflicts are few), the agreement
// threshold by the real articles' corroborates F1; the lowest within 0.005 of the best (the frames
// keep their say unless the data says otherwise).
const confGrid: { v: number; score: number }[] = [];
for (let v = 0; v <= 0.6; v += 0.025)
  confGrid.push({ v: +v.toFixed(3), score: f1s(oof, { ...best, conflicts: +v.toFixed(3) }, missed).conflicts.f1 });
const confBest = Math.max(...confGrid.map((g) => g.score));
best = { ...best, conflicts: confGrid.find((g) => g.score >= confBest - 0.005)!.v };
const agreeGrid: { v: number; score: number }[] = [];
for (let v = 0; v <= best.corroborates; v += 0.025) {
  const t = { ...best, agree: +v.toFixed(3) };
  agreeGrid.push({
    v: +v.toFixed(3),
    score: realRows.length ? f1s(realRows, t, realMissed).corroborates.f1 : f1s(oof, t, missed).corroborates.f1,
  });
}
const agreeBest = Math.max(...agreeGrid.map((g) => g.score));
best = { ...best, agree: agreeGrid.find((g) => g.score >= agreeBest - 0.005)!.v };
const cv = f1s(oof, best, missed);
const fmt = (x: ReturnType<typeof prf>) => `F1 ${x.f1.toFixed(3)} (P ${x.precision.toFixed(3)} R ${x.recall.toFixed(3)})`;
console.log(`out-of-fold on dev pages: corroborates ${fmt(cv.corroborates)}, conflicts ${fmt(cv.conflicts)} at ${JSON.stringify(best)}`);
if (realDev.length) {
  const rv = f1s(realRows, best, realMissed);
  console.log(`  of which real dev articles: corroborates ${fmt(rv.corroborates)}, conflicts ${fmt(rv.conflicts)}`);
}

if (process.argv.includes('--dry')) process.exit(0);
const model = fit([...pages.flatMap((p) => p.rows), ...pairRows]);
let lex: StatementLexFile | undefined;
if (LEX >= 0) {
  lex = { models: {} };
  for (const [doc, lm] of fitLexModels(pages.flatMap((p) => p.rows))) lex.models[comparisonKey(m.data.statements[doc]!.text)] = lm;
}
const file = {
  model,
  ...best,
  ...(lex ? { lex } : {}),
  meta: {
    trainedOn: { devPages: dev.map((g) => g.name), realDevArticles: realDev.map((a) => a.name), pairs: pairRows.length, rows: counts },
    options: OPTS,
    classWeights: WEIGHTS,
    lexOptions: LEX >= 0 ? LEX_OPTS : null,
    outOfFold: { corroboratesF1: +cv.corroborates.f1.toFixed(4), conflictsF1: +cv.conflicts.f1.toFixed(4) },
  },
};
const json = JSON.stringify(file);
writeFileSync(join(ROOT, 'lib/match/weights/stance.json'), json);
console.log(
  `wrote lib/match/weights/stance.json (${(json.length / 1024).toFixed(1)} KB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);
