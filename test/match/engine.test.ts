// The matcher's use of claim frames (lib/match/engine.ts): statements found by claim alone, and
// conflicts decided by a clash of frames, with the reason quoting the statement.
import { describe, expect, it } from 'vitest';
import { bundledMatcher } from '../../tools/page-pipeline';

const m = bundledMatcher();
const text = (doc: number) => m.data.statements[doc]!.text;

describe('matcher and claim frames', () => {
  it('retrieves a statement that shares a claim frame but not one word with the paragraph', () => {
    const paragraph = 'Afterwards both delegations described the discussions as productive.';
    const fruitful = m.data.statements.findIndex((s) =>
      s.text.startsWith('The two sides stressed that their talks at the Diriyah Palace were very fruitful'),
    );
    expect(fruitful).toBeGreaterThanOrEqual(0);
    // No shared index term: word retrieval alone could not find it.
    const terms = new Set(m.data.statements[fruitful]!.terms);
    expect(['afterward', 'deleg', 'describ', 'discuss', 'product'].some((t) => terms.has(t))).toBe(false);
    const c = m.candidates(paragraph, null).find((x) => x.doc === fruitful);
    expect(c?.claims.some((l) => l.relation === 'agree' && l.page.kind === 'verdict')).toBe(true);
    expect(m.matchParagraph(paragraph, null).find((x) => x.statement === text(fruitful))?.stance).toBe('corroborates');
  });

  it('lists a conflict from a clash of frames, quoting the statement, and keeps the outlet of the page out', () => {
    const paragraph = 'On the Russian side, the delegation was headed by Defence Minister Andrei Belousov.';
    const matches = m.matchParagraph(paragraph, 'unattributed-wire');
    const conflicts = matches.filter((x) => x.stance === 'conflicts');
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts.every((x) => x.sourceId !== 'unattributed-wire')).toBe(true);
    const lavrov = conflicts.find((x) => x.statement.includes('led by Foreign Minister Sergey Lavrov'));
    expect(lavrov?.reason).toMatch(
      /^Says Lavrov led the Russian side \(“.*Lavrov.*”\); this paragraph says Belousov led the Russian side$/,
    );
  });
});
