// npx tsx tools/fnc1-eval.ts
// Recomputes the FNC-1 validation score honestly: rebuilds the body-ID split of the train set, predicts
// the held-out pairs with the validation-fold model (tools/fnc1-model/fnc1-valfold.json, fit on the
// other bodies only) and scores them. Also runs the CLI's prediction on the competition test pairs
// (unlabelled: only class counts and time are reported; nothing is scored or tuned on them).
import { realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FNC1_CLASSES, type Fnc1Class } from './fnc1-features';
import {
  FNC1_DIR,
  VALFOLD_FILE,
  MODEL_FILE,
  SPLIT_SEED,
  HOLDOUT_SHARE,
  loadTrain,
  splitBodies,
  loadModel,
  predictPairs,
  scoreFnc1,
  formatConfusion,
  runFnc1,
  featureFingerprint,
} from './fnc1';

export interface ValidationResult {
  relativeScore: number;
  confusion: number[][];
  n: number;
  accuracy: number;
  /** Held-out bodies; none of them was seen when fitting the validation-fold model. */
  bodies: number;
  /**
   * False when today's feature code (lib/match/fnc1-features.ts and the lib/text it uses) computes other
   * values than at training time: the models are stale and should be rebuilt with tools/train-fnc1.ts.
   */
  featuresCurrent: boolean;
}

/** The FNC-1 relative score of fnc1-valfold.json on the held-out bodies of the train split. */
export function evaluateFnc1Validation(modelPath = VALFOLD_FILE): ValidationResult {
  const model = loadModel(modelPath);
  const meta = model.meta as { split?: { seed?: number; holdoutShare?: number }; featureFingerprint?: string };
  const split = meta.split ?? {};
  const data = loadTrain();
  const featuresCurrent = featureFingerprint(data.bodies, data.pairs, model.idf) === meta.featureFingerprint;
  const { validation } = splitBodies(data.bodies.keys(), split.seed ?? SPLIT_SEED, split.holdoutShare ?? HOLDOUT_SHARE);
  const pairs = data.pairs.filter((p) => validation.has(p.bodyId));
  const predicted = predictPairs(model, data.bodies, pairs);
  const s = scoreFnc1(
    pairs.map((p) => p.stance!),
    predicted,
  );
  return { relativeScore: s.relativeScore, confusion: s.confusion, n: s.n, accuracy: s.accuracy, bodies: validation.size, featuresCurrent };
}

/** Predicts the 25,413 competition test pairs with the shipped model the way the CLI does; class counts and seconds. */
export function predictCompetitionCounts(modelPath = MODEL_FILE): { counts: Record<Fnc1Class, number>; seconds: number; n: number } {
  const r = runFnc1(
    join(FNC1_DIR, 'competition_test_bodies.csv'),
    join(FNC1_DIR, 'competition_test_stances_unlabeled.csv'),
    null,
    modelPath,
  );
  return { counts: r.counts, seconds: r.seconds, n: r.n };
}

function main(): void {
  const v = evaluateFnc1Validation();
  console.log(`Validation (body-ID hold-out: ${v.bodies} bodies, ${v.n} pairs; model fnc1-valfold.json fit on the other bodies)`);
  console.log(formatConfusion(v.confusion));
  console.log(`FNC-1 relative score: ${v.relativeScore.toFixed(2)}%  accuracy: ${(v.accuracy * 100).toFixed(2)}%`);
  if (!v.featuresCurrent)
    console.log(
      'NOTE: the features differ from those the model was trained on (lib/text or fnc1-features.ts changed); rebuild with: npx tsx tools/train-fnc1.ts',
    );
  const c = predictCompetitionCounts();
  console.log(`\nCompetition test pairs (unlabelled), shipped model fnc1.json: ${c.n} pairs in ${c.seconds.toFixed(1)} s`);
  console.log(FNC1_CLASSES.map((k) => `${k} ${c.counts[k]}`).join(', '));
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
