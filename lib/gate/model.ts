// The gate's learned decision: a logistic model over the evidence features of coverage.ts
// (GATE_FEATURES), fit offline on labelled pages and shipped as data (gate-model.json).

export interface GateModel {
  features: readonly string[];
  weights: number[];
  bias: number;
  meta?: Record<string, unknown>;
}
