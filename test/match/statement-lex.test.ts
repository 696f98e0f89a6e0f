// Per-statement lexical models: fit, score, and their place in the shipped stance model.
import { describe, expect, it } from 'vitest';
import { fitLex, lexProbability, StatementLex } from '../../lib/match/statement-lex';
import { PAIR_FEATURES } from '../../lib/match/pair-features';
import { loadStanceModel, loadCompiled } from '../../tools/corpus-files';
import { comparisonKey } from '../../lib/text/normalize';

const set = (s: string) => new Set(s.split(' '));

describe('statement lexical models', () => {
  // "met"-like paragraphs make the claim; "sanctions" paragraphs do not, whatever else they share.
  const examples = [
    ...['met riyadh tuesday', 'held talks riyadh', 'met talks diplomats', 'sat down riyadh talks', 'met diplomats tuesday'].map((s) => ({
      terms: set(s),
      y: 1 as const,
    })),
    ...['sanctions relief riyadh', 'sanctions agenda tuesday', 'drones ukraine overnight', 'sanctions relief agenda', 'drones tuesday'].map(
      (s) => ({ terms: set(s), y: 0 as const }),
    ),
  ];

  it("learns which words make a statement's claim, and is deterministic", () => {
    const m = fitLex(examples);
    expect(m).toEqual(fitLex(examples));
    expect(lexProbability(m, set('met riyadh'))).toBeGreaterThan(0.5);
    expect(lexProbability(m, set('sanctions relief'))).toBeLessThan(0.5);
    expect(m.w.met).toBeGreaterThan(0);
    expect(m.w.sanctions).toBeLessThan(0);
  });

  it('drops words seen once and weights under the pruning limit', () => {
    const m = fitLex(examples, { minCount: 2 });
    expect(m.w.sat).toBeUndefined();
    expect(Object.values(m.w).every((w) => Math.abs(w) >= 0.02)).toBe(true);
  });

  it('scores NaN for a statement without a model (a source the user added)', () => {
    const lex = new StatementLex({ models: { [comparisonKey('Known statement.')]: { b: 0, w: { met: 2 } } } });
    expect(lex.score('Known statement.', set('met'))).toBeCloseTo(1 / (1 + Math.exp(-2)));
    expect(lex.score('Some other statement.', set('met'))).toBeNaN();
  });

  it('ships with the stance model, one model per corpus statement that was ever labelled, as a model feature', () => {
    const model = loadStanceModel()!;
    expect(PAIR_FEATURES).toContain('lexScore');
    expect(model.file.model.features).toContain('lexScore');
    const keys = Object.keys(model.file.lex!.models);
    const statements = new Set(loadCompiled().statements.map((s) => comparisonKey(s.text)));
    expect(keys.length).toBeGreaterThan(60);
    for (const k of keys) expect(statements.has(k)).toBe(true);
  });
});
