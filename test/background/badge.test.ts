// The toolbar badge for each tab state: text, colour and tooltip.
import { describe, it, expect } from 'vitest';
import { badgeFor, summarise, BADGE_COLORS } from '../../lib/background/badge';
import type { TabState } from '../../lib/messages';
import type { Match, Stance } from '../../lib/core/report';

const t = (key: string, subs?: string[]) => (subs && subs.length ? `${key}(${subs.join(',')})` : key);

function match(stance: Stance): Match {
  return { stance, source: 'Arab News', sourceId: 'arab-news', article: 'a', statement: 's', score: 1, reason: 'r' };
}

function results(paragraphs: Stance[][]): Extract<TabState, { state: 'results' }> {
  return {
    state: 'results',
    url: 'https://news.example.com/a',
    at: 1,
    report: {
      title: 'T',
      coverage: { isCoverage: true, score: 0.5, reason: 'r' },
      self: null,
      paragraphs: paragraphs.map((stances, index) => ({ index, text: `p${index}`, matches: stances.map(match) })),
    },
  };
}

describe('summarise', () => {
  it('counts paragraphs, not matches; related-only paragraphs do not count', () => {
    const s = summarise(
      results([['corroborates', 'corroborates'], ['conflicts', 'corroborates'], ['related'], [], ['conflicts', 'conflicts', 'related']]),
    );
    expect(s).toEqual({ matched: 3, conflicted: 2, corroborated: 2 });
  });
});

describe('badgeFor', () => {
  it('results with a conflict: the number of matched paragraphs in the conflict colour', () => {
    const b = badgeFor(results([['corroborates'], ['conflicts'], ['related'], ['corroborates', 'conflicts']]), t);
    expect(b).toEqual({ text: '3', color: BADGE_COLORS.conflict, title: 'badgeWithConflicts(3,2)' });
  });

  it('results without a conflict: the number in the agree colour', () => {
    const b = badgeFor(results([['corroborates'], ['corroborates', 'related'], []]), t);
    expect(b).toEqual({ text: '2', color: BADGE_COLORS.agree, title: 'badgeMatches(2)' });
  });

  it('results with only related statements (or none): no text, "no matches" tooltip', () => {
    expect(badgeFor(results([['related'], []]), t)).toEqual({ text: '', color: BADGE_COLORS.agree, title: 'badgeNoMatches' });
    expect(badgeFor(results([]), t)).toEqual({ text: '', color: BADGE_COLORS.agree, title: 'badgeNoMatches' });
  });

  it('working, error, idle and not-coverage', () => {
    expect(badgeFor({ state: 'working', url: 'https://x.example/', title: '', since: 0 }, t)).toEqual({
      text: '…',
      color: BADGE_COLORS.working,
      title: 'badgeWorking',
    });
    expect(badgeFor({ state: 'error', url: null, error: { code: 'cannot-script', message: 'm' } }, t)).toEqual({
      text: '!',
      color: BADGE_COLORS.error,
      title: 'badgeError',
    });
    expect(badgeFor({ state: 'idle', url: null }, t)).toEqual({ text: '', color: BADGE_COLORS.agree, title: 'actionTitle' });
    expect(
      badgeFor({ state: 'not-coverage', url: 'https://x.example/', title: 'x', coverage: { isCoverage: false, score: 0, reason: 'r' } }, t),
    ).toEqual({ text: '', color: BADGE_COLORS.agree, title: 'actionTitle' });
  });

  it('uses distinct colours for agreement and conflict', () => {
    expect(BADGE_COLORS.agree).not.toBe(BADGE_COLORS.conflict);
    for (const c of Object.values(BADGE_COLORS)) expect(c).toMatch(/^#[0-9a-f]{6}$/i);
  });
});
