// Per-statement lexical models: for each corpus statement, a small logistic model over the words of
// a paragraph that says whether the paragraph makes that statement's claim. Fit offline on every
// labelled (paragraph, statement) pair of the development data (tools/train-stance.ts), so the
// many ways real articles phrase one fact ("sat down", "held talks", "met behind closed doors") are
// learned from the articles themselves rather than written as patterns. A statement without a model
// (a source the user added) scores NaN, which the stance model reads as "no evidence".
import { comparisonKey } from '../text/normalize';

export interface LexModel {
  /** Bias. */
  b: number;
  /** Index term (stem or @entity) → weight. */
  w: Record<string, number>;
}

export interface StatementLexFile {
  /** Statement text (comparison key) → its model. */
  models: Record<string, LexModel>;
}

export class StatementLex {
  private readonly byKey: Map<string, LexModel>;
  private readonly keyOf = new Map<string, string>();

  constructor(file: StatementLexFile) {
    this.byKey = new Map(Object.entries(file.models));
  }

  /** Probability that a paragraph with these terms makes the statement's claim; NaN without a model. */
  score(statementText: string, terms: ReadonlySet<string>): number {
    let key = this.keyOf.get(statementText);
    if (key === undefined) this.keyOf.set(statementText, (key = comparisonKey(statementText)));
    const m = this.byKey.get(key);
    return m ? lexProbability(m, terms) : Number.NaN;
  }
}

export function lexProbability(m: LexModel, terms: ReadonlySet<string>): number {
  let z = m.b;
  for (const t of terms) z += m.w[t] ?? 0;
  return 1 / (1 + Math.exp(-z));
}

/**
 * Fits one statement's model: L2-regularised logistic regression by gradient descent over binary term
 * features (terms seen in at least `minCount` examples). Deterministic.
 */
export function fitLex(
  examples: readonly { terms: ReadonlySet<string>; y: 0 | 1 }[],
  opts: { l2?: number; rounds?: number; rate?: number; minCount?: number; prune?: number } = {},
): LexModel {
  const { l2 = 0.05, rounds = 150, rate = 0.5, minCount = 2, prune = 0.02 } = opts;
  const counts = new Map<string, number>();
  for (const e of examples) for (const t of e.terms) counts.set(t, (counts.get(t) ?? 0) + 1);
  const vocab = [...counts]
    .filter(([, n]) => n >= minCount)
    .map(([t]) => t)
    .sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const rows = examples.map((e) => ({ x: [...e.terms].map((t) => index.get(t)).filter((i): i is number => i !== undefined), y: e.y }));
  const w = new Float64Array(vocab.length);
  const pos = examples.filter((e) => e.y === 1).length;
  let b = Math.log((pos + 0.5) / (examples.length - pos + 0.5));
  const n = Math.max(1, rows.length);
  for (let r = 0; r < rounds; r++) {
    const g = new Float64Array(vocab.length);
    let gb = 0;
    for (const row of rows) {
      let z = b;
      for (const i of row.x) z += w[i]!;
      const err = 1 / (1 + Math.exp(-z)) - row.y;
      for (const i of row.x) g[i]! += err;
      gb += err;
    }
    for (let i = 0; i < w.length; i++) w[i]! -= rate * (g[i]! / n + l2 * w[i]!);
    b -= rate * (gb / n);
  }
  const out: Record<string, number> = {};
  vocab.forEach((t, i) => {
    if (Math.abs(w[i]!) >= prune) out[t] = Math.round(w[i]! * 1000) / 1000;
  });
  return { b: Math.round(b * 1000) / 1000, w: out };
}
