// npx tsx tools/train-fnc1.ts [--quick]
// Offline training of the FNC-1 stance model (agree / disagree / discuss / unrelated).
// 1. Split train_stances.csv by Body ID (seeded, 20% of the bodies held out for validation; no body on
//    both sides), idf statistics from the fit bodies only.
// 2. Fit lib/match/gbdt.ts on the fit part for a small grid of settings; choose the one with the best FNC-1
//    relative score on the validation part (the only place settings are compared) among those whose trees
//    keep the model under 1 MB. --quick skips the grid and fits DEFAULT_SETTINGS (the grid's last choice),
//    which gives the same model files.
// 3. Print the validation confusion matrix and score, save that validation-fold model (fit on the 80% only)
//    to tools/fnc1-model/fnc1-valfold.json and its metrics to fnc1-validation.json.
// 4. Refit on all train pairs (idf from all train bodies) with the chosen settings and write
//    tools/fnc1-model/fnc1.json. The competition test files are never read here.
// Deterministic: same data, same seeds, same files.
import { mkdirSync, writeFileSync } from 'node:fs';
import { predictProbaInto, type GbdtModel } from '../lib/match/gbdt';
import { trainGbdt, featureImportance } from './gbdt-train';
import {
  FNC1_CLASSES,
  FNC1_FEATURES,
  buildIdfTable,
  bodyTerms,
  makeIdf,
  prepareBody,
  fnc1Features,
  decideFnc1,
  type BodyTerms,
  type Fnc1Class,
  type Fnc1Model,
  type IdfTable,
} from './fnc1-features';
import {
  loadTrain,
  splitBodies,
  scoreFnc1,
  formatConfusion,
  SPLIT_SEED,
  HOLDOUT_SHARE,
  WEIGHTS_DIR,
  MODEL_FILE,
  VALFOLD_FILE,
  VALIDATION_FILE,
  featureFingerprint,
  type Fnc1Pair,
  type Fnc1Score,
} from './fnc1';

export interface Settings {
  maxDepth: number;
  learningRate: number;
  rounds: number;
  minLeaf: number;
  subsample: number;
  colsample: number;
  /** 'none': every pair weighs 1; 'sqrt': weight ∝ 1/sqrt(class frequency), normalised to mean 1. */
  classWeights: 'none' | 'sqrt';
  rule: 'expected' | 'argmax';
}

/** What the grid chose last time (see fnc1-validation.json); --quick fits these without the search. */
export const DEFAULT_SETTINGS: Settings = {
  maxDepth: 4,
  learningRate: 0.1,
  rounds: 300,
  minLeaf: 20,
  subsample: 0.8,
  colsample: 0.8,
  classWeights: 'sqrt',
  rule: 'expected',
};
const TRAIN_SEED = 7;
const MIN_DF = 2;
const MAX_BYTES = 1_000_000;
/** Room left for the idf table and metadata when a setting's trees are judged against MAX_BYTES. */
const TREE_BUDGET = 880_000;

/** Settings compared on the validation part: each fit is evaluated at several round counts. */
const GRID: { maxDepth: number; learningRate: number; maxRounds: number; classWeights: Settings['classWeights'] }[] = [
  { maxDepth: 4, learningRate: 0.1, maxRounds: 300, classWeights: 'none' },
  { maxDepth: 5, learningRate: 0.1, maxRounds: 250, classWeights: 'none' },
  { maxDepth: 4, learningRate: 0.1, maxRounds: 300, classWeights: 'sqrt' },
  { maxDepth: 5, learningRate: 0.1, maxRounds: 250, classWeights: 'sqrt' },
];
const ROUND_STEPS = [100, 150, 200, 250, 300];
const RULES: Settings['rule'][] = ['expected', 'argmax'];

const log = (msg: string): void => void process.stderr.write(msg + '\n');

interface Rows {
  X: Float64Array[];
  y: number[];
}

/** Feature rows of `pairs` with idf statistics `table`; each body prepared once. */
export function featureRows(bodies: Map<string, string>, pairs: readonly Fnc1Pair[], table: IdfTable): Rows {
  const idf = makeIdf(table);
  const preps = new Map<string, ReturnType<typeof prepareBody>>();
  const X: Float64Array[] = [];
  const y: number[] = [];
  for (const p of pairs) {
    let prep = preps.get(p.bodyId);
    if (!prep) preps.set(p.bodyId, (prep = prepareBody(bodies.get(p.bodyId)!, idf)));
    X.push(fnc1Features(p.headline, prep));
    y.push(FNC1_CLASSES.indexOf(p.stance!));
  }
  return { X, y };
}

function classWeights(y: readonly number[], kind: Settings['classWeights']): number[] | undefined {
  if (kind === 'none') return undefined;
  const count = new Array<number>(FNC1_CLASSES.length).fill(0);
  for (const c of y) count[c]!++;
  const raw = count.map((c) => (c ? 1 / Math.sqrt(c) : 0));
  const mean = y.reduce((s, c) => s + raw[c]!, 0) / y.length;
  return y.map((c) => raw[c]! / mean);
}

function fit(rows: Rows, s: { maxDepth: number; learningRate: number; rounds: number; classWeights: Settings['classWeights'] }): GbdtModel {
  return trainGbdt(rows.X, rows.y, {
    classes: [...FNC1_CLASSES],
    features: [...FNC1_FEATURES],
    rounds: s.rounds,
    learningRate: s.learningRate,
    maxDepth: s.maxDepth,
    minLeaf: DEFAULT_SETTINGS.minLeaf,
    subsample: DEFAULT_SETTINGS.subsample,
    colsample: DEFAULT_SETTINGS.colsample,
    seed: TRAIN_SEED,
    sampleWeight: classWeights(rows.y, s.classWeights),
  });
}

function evaluate(gbdt: GbdtModel, rows: Rows, rule: Settings['rule']): Fnc1Score {
  const p = new Float64Array(FNC1_CLASSES.length);
  const pred: Fnc1Class[] = rows.X.map((x) => FNC1_CLASSES[decideFnc1(predictProbaInto(gbdt, x, p), { rule, scale: [1, 1, 1, 1] })]!);
  return scoreFnc1(
    rows.y.map((c) => FNC1_CLASSES[c]!),
    pred,
  );
}

const truncate = (m: GbdtModel, rounds: number): GbdtModel => ({ ...m, trees: m.trees.slice(0, rounds) });

function pack(gbdt: GbdtModel, idf: IdfTable, s: Settings, meta: Record<string, unknown>): Fnc1Model {
  return {
    kind: 'fnc1-stance',
    version: 1,
    features: [...FNC1_FEATURES],
    idf,
    gbdt,
    decision: { rule: s.rule, scale: [1, 1, 1, 1] },
    meta,
  };
}

function writeModel(path: string, model: Fnc1Model): number {
  const json = JSON.stringify(model);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BYTES) throw new Error(`${path}: ${bytes} bytes, over the ${MAX_BYTES} byte limit`);
  writeFileSync(path, json + '\n');
  return bytes + 1;
}

function topImportance(m: GbdtModel, n = 15): Record<string, number> {
  return Object.fromEntries(
    Object.entries(featureImportance(m))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => [k, Math.round(v)]),
  );
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const t0 = performance.now();
  const data = loadTrain();
  const { fit: fitIds, validation: valIds } = splitBodies(data.bodies.keys(), SPLIT_SEED, HOLDOUT_SHARE);
  const fitPairs = data.pairs.filter((p) => fitIds.has(p.bodyId));
  const valPairs = data.pairs.filter((p) => valIds.has(p.bodyId));
  log(
    `train: ${data.bodies.size} bodies, ${data.pairs.length} pairs; fit ${fitIds.size} bodies / ${fitPairs.length} pairs, validation ${valIds.size} bodies / ${valPairs.length} pairs (seed ${SPLIT_SEED})`,
  );

  const terms = new Map<string, BodyTerms>();
  for (const [id, text] of data.bodies) terms.set(id, bodyTerms(text));
  const sortedIds = (ids: Iterable<string>) => [...ids].sort((a, b) => Number(a) - Number(b));
  const foldIdf = buildIdfTable(
    sortedIds(fitIds).map((id) => terms.get(id)!),
    MIN_DF,
  );
  const fitRows = featureRows(data.bodies, fitPairs, foldIdf);
  const valRows = featureRows(data.bodies, valPairs, foldIdf);
  log(`features: ${FNC1_FEATURES.length} per pair, ${((performance.now() - t0) / 1000).toFixed(1)} s so far`);

  // Settings search on the validation part.
  let chosen: Settings = DEFAULT_SETTINGS;
  let chosenModel: GbdtModel | null = null;
  const grid: { settings: Settings; relativeScore: number; treeBytes: number }[] = [];
  if (!quick) {
    let bestScore = -1;
    for (const g of GRID) {
      const t = performance.now();
      const full = fit(fitRows, { ...g, rounds: g.maxRounds });
      for (const r of ROUND_STEPS.filter((r) => r <= g.maxRounds)) {
        const m = truncate(full, r);
        const treeBytes = Buffer.byteLength(JSON.stringify(m.trees));
        for (const rule of RULES) {
          const settings: Settings = {
            ...DEFAULT_SETTINGS,
            maxDepth: g.maxDepth,
            learningRate: g.learningRate,
            rounds: r,
            classWeights: g.classWeights,
            rule,
          };
          const score = evaluate(m, valRows, rule).relativeScore;
          grid.push({ settings, relativeScore: Math.round(score * 100) / 100, treeBytes });
          const fits = treeBytes <= TREE_BUDGET;
          log(
            `  depth ${g.maxDepth} lr ${g.learningRate} weights ${g.classWeights.padEnd(4)} rounds ${String(r).padStart(3)} ${rule.padEnd(8)} → ${score.toFixed(2)}${fits ? '' : ' (too big)'}`,
          );
          if (fits && score > bestScore) {
            bestScore = score;
            chosen = settings;
            chosenModel = m;
          }
        }
      }
      log(`  (fit in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
    }
  }
  if (!chosenModel) chosenModel = fit(fitRows, chosen);

  const valScore = evaluate(chosenModel, valRows, chosen.rule);
  const settingsText = `depth ${chosen.maxDepth}, lr ${chosen.learningRate}, ${chosen.rounds} rounds, class weights ${chosen.classWeights}, decision ${chosen.rule}`;
  console.log(`Chosen settings: ${settingsText}`);
  console.log(`Validation (${valPairs.length} pairs, ${valIds.size} held-out bodies; model fit on the other ${fitIds.size} bodies only)`);
  console.log(formatConfusion(valScore.confusion));
  console.log(
    `FNC-1 relative score: ${valScore.relativeScore.toFixed(2)}% (${valScore.raw} / ${valScore.best}), accuracy ${(valScore.accuracy * 100).toFixed(2)}%`,
  );

  const split = {
    seed: SPLIT_SEED,
    holdoutShare: HOLDOUT_SHARE,
    fitBodies: fitIds.size,
    validationBodies: valIds.size,
    fitPairs: fitPairs.length,
    validationPairs: valPairs.length,
  };
  const validation = {
    relativeScore: Math.round(valScore.relativeScore * 100) / 100,
    raw: valScore.raw,
    best: valScore.best,
    accuracy: Math.round(valScore.accuracy * 10000) / 10000,
    confusion: valScore.confusion,
    classes: [...FNC1_CLASSES],
  };
  mkdirSync(WEIGHTS_DIR, { recursive: true });
  const valBytes = writeModel(
    VALFOLD_FILE,
    pack(chosenModel, foldIdf, chosen, {
      description:
        'FNC-1 stance model fit on the fit part of the body-ID split only (idf from the fit bodies); used to recompute the validation score honestly.',
      trainedOn: 'fit part of train_stances.csv',
      split,
      settings: chosen,
      trainSeed: TRAIN_SEED,
      featureFingerprint: featureFingerprint(data.bodies, data.pairs, foldIdf),
      validation,
    }),
  );
  writeFileSync(
    VALIDATION_FILE,
    JSON.stringify(
      {
        description:
          'Validation metrics of the FNC-1 stance model fit on the fit bodies and scored on the held-out bodies (rows gold, columns predicted).',
        split,
        settings: chosen,
        validation,
        importance: topImportance(chosenModel),
        grid,
      },
      null,
      1,
    ) + '\n',
  );

  // Refit on every train pair with the chosen settings; idf from all train bodies.
  const allIdf = buildIdfTable(
    sortedIds(data.bodies.keys()).map((id) => terms.get(id)!),
    MIN_DF,
  );
  const allRows = featureRows(data.bodies, data.pairs, allIdf);
  const final = fit(allRows, chosen);
  const trainScore = evaluate(final, allRows, chosen.rule);
  const bytes = writeModel(
    MODEL_FILE,
    pack(final, allIdf, chosen, {
      description:
        'FNC-1 stance model (agree/disagree/discuss/unrelated), refit on all train pairs with the settings chosen on the body-ID validation split. Rebuild: npx tsx tools/train-fnc1.ts',
      trainedOn: `train_stances.csv (${data.pairs.length} pairs, ${data.bodies.size} bodies)`,
      split,
      settings: chosen,
      trainSeed: TRAIN_SEED,
      featureFingerprint: featureFingerprint(data.bodies, data.pairs, allIdf),
      validation: { ...validation, note: 'from the validation-fold model (fnc1-valfold.json), not from this model' },
      trainRelativeScore: Math.round(trainScore.relativeScore * 100) / 100,
    }),
  );
  console.log(
    `Wrote ${MODEL_FILE} (${bytes} bytes; train-set score ${trainScore.relativeScore.toFixed(2)}%), ${VALFOLD_FILE} (${valBytes} bytes), ${VALIDATION_FILE}`,
  );
  log(`done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main();
