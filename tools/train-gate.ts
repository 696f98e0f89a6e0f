// npm run train:gate — fits the coverage gate's logistic model (lib/gate/gate-model.json) on the
// gate evidence (lib/gate/coverage.ts, GATE_FEATURES) of labelled pages: the gold development pages
// and the real-world development half (never the held-out gold pages nor the frozen test half).
// Prints leave-one-group-out accuracy on those pages first. Deterministic.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { coverageEvidence, gateProbability, scoreCoverage, GATE_FEATURES, type CoverageInput } from '../lib/gate/coverage';
import { pageSignals } from '../lib/gate/page-signals';
import type { GateModel } from '../lib/core/signature';
import type { EventSignature } from '../lib/core/signature';
import { ROOT, loadCompiled } from './corpus-files';
import { loadGoldPages } from './fixtures';
import { gateInput } from './real';
import { loadReal } from './fixtures';
import { parseDocument } from './page-pipeline';

export interface GateExample {
  name: string;
  group: string;
  coverage: boolean;
  x: number[];
  /** The explicit rules' verdict (the signature without a model), for comparison. */
  rules: boolean;
}

export function gateExamples(sig: EventSignature): GateExample[] {
  const out: GateExample[] = [];
  const rulesOnly = { ...sig, gate: undefined };
  const add = (name: string, group: string, coverage: boolean, input: CoverageInput) =>
    out.push({ name, group, coverage, x: coverageEvidence(sig, input).features, rules: scoreCoverage(rulesOnly, input).isCoverage });
  for (const g of loadGoldPages().filter((p) => p.split === 'dev'))
    add(g.name, `gold:${g.name}`, g.kind === 'coverage', pageSignals(parseDocument(g.html), ''));
  for (const a of loadReal('dev')) add(a.name, `real:${a.group ?? a.name}`, a.kind === 'coverage', gateInput(a));
  return out;
}

const L2 = 0.005;
const STEPS = 4000;
const RATE = 0.5;

/** Logistic regression by full-batch gradient descent, classes weighted to equal total weight. */
export function fitGate(xs: GateExample[]): GateModel {
  const F = GATE_FEATURES.length;
  const w = new Array<number>(F).fill(0);
  let b = 0;
  const pos = xs.filter((e) => e.coverage).length,
    neg = xs.length - pos;
  const weight = (e: GateExample) => (e.coverage ? xs.length / (2 * Math.max(1, pos)) : xs.length / (2 * Math.max(1, neg)));
  for (let step = 0; step < STEPS; step++) {
    const gw = new Array<number>(F).fill(0);
    let gb = 0;
    for (const e of xs) {
      const p = gateProbability({ features: GATE_FEATURES, weights: w, bias: b }, e.x);
      const err = (p - (e.coverage ? 1 : 0)) * weight(e);
      for (let f = 0; f < F; f++) gw[f]! += err * e.x[f]!;
      gb += err;
    }
    for (let f = 0; f < F; f++) w[f]! -= RATE * (gw[f]! / xs.length + L2 * w[f]!);
    b -= RATE * (gb / xs.length);
  }
  return { features: [...GATE_FEATURES], weights: w.map((v) => Math.round(v * 1000) / 1000), bias: Math.round(b * 1000) / 1000 };
}

if (process.argv[1]?.endsWith('train-gate.ts')) {
  const sig = loadCompiled().signature;
  const xs = gateExamples(sig);
  const groups = [...new Set(xs.map((e) => e.group))];
  let right = 0;
  const wrong: string[] = [];
  for (const g of groups) {
    const model = fitGate(xs.filter((e) => e.group !== g));
    for (const e of xs.filter((x) => x.group === g)) {
      const ok = gateProbability(model, e.x) >= 0.5 === e.coverage;
      if (ok) right++;
      else wrong.push(`${e.name} (${e.coverage ? 'coverage' : 'near miss'})`);
    }
  }
  console.log(
    `leave-one-group-out accuracy on development pages: ${right}/${xs.length}${wrong.length ? `; wrong: ${wrong.join(', ')}` : ''}`,
  );
  console.log(`the explicit rules alone on the same pages: ${xs.filter((e) => e.rules === e.coverage).length}/${xs.length}`);
  const model = fitGate(xs);
  const fitRight = xs.filter((e) => gateProbability(model, e.x) >= 0.5 === e.coverage).length;
  model.meta = {
    trainedOn: {
      goldDevPages: xs.filter((e) => e.group.startsWith('gold:')).length,
      realDevArticles: xs.filter((e) => e.group.startsWith('real:')).length,
    },
    inSample: `${fitRight}/${xs.length}`,
    leaveOneGroupOut: `${right}/${xs.length}`,
    l2: L2,
  };
  writeFileSync(join(ROOT, 'lib/gate/gate-model.json'), JSON.stringify(model, null, 2) + '\n');
  console.log(`wrote lib/gate/gate-model.json: ${GATE_FEATURES.map((f, i) => `${f} ${model.weights[i]}`).join(', ')}, bias ${model.bias}`);
}
