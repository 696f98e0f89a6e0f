// A match's reason in the reader's language (lib/view/reason.ts): the message of its kind with the
// slots in order, and the engine's English sentence when the kind has no message or no data.
import { describe, expect, it } from 'vitest';
import { REASON_SLOTS, reasonKey, renderReason, type Translate } from '../../lib/view/reason';

/** A fake browser.i18n: messages in another language, '' for a key it does not have. */
const FR: Record<string, string> = {
  reasonSameFigure: 'Même chiffre des deux côtés : « $1 »',
  reasonClaimConflict: 'Dit que $1 (« $2 ») ; ce paragraphe dit que $3',
  reasonSimilar: 'Dit la même chose autrement',
};
const calls: [string, string[] | string | undefined][] = [];
const t: Translate = (key, subs) => {
  calls.push([key, subs]);
  const list = typeof subs === 'string' ? [subs] : (subs ?? []);
  return FR[key]?.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') ?? '';
};

describe('renderReason', () => {
  it('names each kind by its message key', () => {
    expect(reasonKey('same-figure')).toBe('reasonSameFigure');
    expect(reasonKey('reports-same-by')).toBe('reasonReportsSameBy');
    expect(reasonKey('similar')).toBe('reasonSimilar');
  });

  it('renders the message of the kind with the slots in their order', () => {
    const figure = {
      reason: 'Both give the same figure: “4.5 hours”',
      reasonData: { kind: 'same-figure', slots: { figure: '4.5 hours' } },
    };
    expect(renderReason(figure, t)).toBe('Même chiffre des deux côtés : « 4.5 hours »');
    const clash = {
      reason: 'x',
      reasonData: {
        kind: 'claim-conflict',
        slots: { pageClaim: 'a summit date is set', claim: 'no summit date is set', quote: 'no date was set' },
      },
    };
    expect(renderReason(clash, t)).toBe('Dit que no summit date is set (« no date was set ») ; ce paragraphe dit que a summit date is set');
    expect(calls.at(-1)).toEqual(['reasonClaimConflict', ['no summit date is set', 'no date was set', 'a summit date is set']]);
    expect(renderReason({ reason: 'x', reasonData: { kind: 'similar', slots: {} } }, t)).toBe('Dit la même chose autrement');
  });

  it("falls back to the engine's English sentence", () => {
    // No message for the kind in this language.
    const same = { reason: 'Touches on the same point: “the talks”', reasonData: { kind: 'same-point', slots: { phrase: 'the talks' } } };
    expect(renderReason(same, t)).toBe(same.reason);
    // A t that answers with the key itself (lib/browser/adapter.ts does for a missing message).
    expect(renderReason(same, (key) => key)).toBe(same.reason);
    // A report stored before reasons had data, a kind this build does not know, a slot missing.
    expect(renderReason({ reason: 'same figure: 4.5 hours' }, t)).toBe('same figure: 4.5 hours');
    expect(renderReason({ reason: 'new', reasonData: { kind: 'from-the-future', slots: {} } }, t)).toBe('new');
    expect(renderReason({ reason: 'y', reasonData: { kind: 'toString', slots: {} } }, t)).toBe('y');
    expect(renderReason({ reason: 'z', reasonData: { kind: 'same-figure', slots: {} } }, t)).toBe('z');
  });

  it('keeps slot text as text (the caller renders it as a text node)', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    const r = renderReason({ reason: 'r', reasonData: { kind: 'same-figure', slots: { figure: hostile } } }, t);
    expect(r).toContain(hostile);
    expect(Object.keys(REASON_SLOTS).length).toBeGreaterThan(10);
  });
});

describe('the Markdown export', () => {
  it('writes reasons in the reader language when given t, in English without', async () => {
    const { toMarkdown } = await import('../../lib/view/report-view');
    const match = {
      stance: 'corroborates' as const,
      source: 'Wire',
      sourceId: 'wire',
      article: 'Talks',
      statement: 'The talks lasted 4.5 hours.',
      score: 0.9,
      reason: 'Both give the same figure: “4.5 hours”',
      reasonData: { kind: 'same-figure', slots: { figure: '4.5 hours' } },
    };
    const report = {
      title: 'T',
      coverage: { isCoverage: true, score: 1, reason: 'ok' },
      self: null,
      paragraphs: [{ index: 0, text: 'p', matches: [match] }],
    };
    expect(toMarkdown(report, '', new Date(0), t)).toContain('(Même chiffre des deux côtés : « 4.5 hours »)');
    expect(toMarkdown(report, '', new Date(0))).toContain('(Both give the same figure: “4.5 hours”)');
  });
});
