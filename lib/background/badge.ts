// What the toolbar badge shows for a tab: the number of paragraphs with corroborating or
// conflicting statements, in a distinct colour when any conflict was found.
import type { TabState } from '../messages';

export interface Badge {
  text: string;
  color: string;
  /** Tooltip of the toolbar button (also read by screen readers). */
  title: string;
}

export const BADGE_COLORS = { agree: '#1d4ed8', conflict: '#b91c1c', working: '#6b7280', error: '#6b7280' } as const;

/** Counts of a report's paragraphs by what they found. */
export function summarise(state: Extract<TabState, { state: 'results' }>): { matched: number; conflicted: number; corroborated: number } {
  let matched = 0,
    conflicted = 0,
    corroborated = 0;
  for (const p of state.report.paragraphs) {
    const c = p.matches.some((m) => m.stance === 'conflicts');
    const k = p.matches.some((m) => m.stance === 'corroborates');
    if (c || k) matched++;
    if (c) conflicted++;
    if (k) corroborated++;
  }
  return { matched, conflicted, corroborated };
}

/** The badge for a tab state. `t` localises tooltips. */
export function badgeFor(state: TabState, t: (key: string, subs?: string[]) => string): Badge {
  switch (state.state) {
    case 'results': {
      const s = summarise(state);
      if (s.matched === 0) return { text: '', color: BADGE_COLORS.agree, title: t('badgeNoMatches') };
      return {
        text: String(s.matched),
        color: s.conflicted ? BADGE_COLORS.conflict : BADGE_COLORS.agree,
        title: s.conflicted ? t('badgeWithConflicts', [String(s.matched), String(s.conflicted)]) : t('badgeMatches', [String(s.matched)]),
      };
    }
    case 'working':
      return { text: '…', color: BADGE_COLORS.working, title: t('badgeWorking') };
    case 'error':
      return { text: '!', color: BADGE_COLORS.error, title: t('badgeError') };
    default:
      return { text: '', color: BADGE_COLORS.agree, title: t('actionTitle') };
  }
}
