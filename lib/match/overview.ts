// The coverage overview: the event's key points (claims) as rows and the outlets as columns, each
// cell saying whether that outlet reports, confirms or contradicts the point. Computed by the engine
// from the statements themselves: statements that corroborate each other across outlets form a claim.
import type { Matcher } from './engine';
import { analyze } from '../text/analyze';
import { comparePair } from './compare';
import { decideStance } from './stance';

export type Cell = 'confirms' | 'contradicts' | 'mentions' | 'none';

export interface OverviewRow {
  /** The claim in the words of its most representative statement. */
  claim: string;
  /** Outlet id → what that outlet says of the claim. */
  cells: Record<string, Cell>;
  /** Statement ids in the claim, for tests and drill-down. */
  statements: string[];
  /** Why a contradiction is marked (reason of the strongest conflict), when there is one. */
  conflict: string | null;
}

export interface Overview {
  outlets: { id: string; name: string }[];
  rows: OverviewRow[];
}

const MAX_ROWS = 14;

/** Builds the overview for the matcher's statements (enabled sources only). */
export function buildOverview(m: Matcher): Overview {
  const st = m.data.statements;
  const an = st.map((s) => analyze(s.text));
  const n = st.length;
  const parent = st.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const conflicts: [number, number, string][] = [];
  const mentions: [number, number][] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      if (st[i]!.source === st[j]!.source) continue;
      const e = comparePair(an[i]!, an[j]!, m.ctx);
      const d = decideStance(e);
      if (d.stance === 'corroborates') parent[find(i)] = find(j);
      else if (d.stance === 'conflicts') conflicts.push([i, j, d.clash?.kind ?? 'conflict']);
      else if (d.stance === 'related' && d.score >= 0.3) mentions.push([i, j]);
    }
  }
  const groups = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  }
  const outletIds = [...new Set(st.map((s) => s.source))];
  const rows: (OverviewRow & { weight: number })[] = [];
  for (const members of groups.values()) {
    const outlets = new Set(members.map((i) => st[i]!.source));
    const memberSet = new Set(members);
    const contra = conflicts.filter(([a, b]) => memberSet.has(a) !== memberSet.has(b));
    if (outlets.size < 2 && contra.length === 0) continue;
    const cells: Record<string, Cell> = {};
    for (const o of outletIds) cells[o] = outlets.has(o) ? 'confirms' : 'none';
    for (const [a, b] of mentions) {
      const out = memberSet.has(a) && !memberSet.has(b) ? b : memberSet.has(b) && !memberSet.has(a) ? a : -1;
      if (out >= 0 && cells[st[out]!.source] === 'none') cells[st[out]!.source] = 'mentions';
    }
    let conflict: string | null = null;
    for (const [a, b, kind] of contra) {
      const out = memberSet.has(a) ? b : a;
      cells[st[out]!.source] = 'contradicts';
      conflict ??= `${kind}: “${st[out]!.text.slice(0, 140)}”`;
    }
    // The representative: the member sharing most with the others (shortest on ties).
    const rep = members.reduce((best, i) => (st[i]!.text.length < st[best]!.text.length && outlets.size > 1 ? i : best), members[0]!);
    rows.push({ claim: st[rep]!.text, cells, statements: members.map((i) => st[i]!.id), conflict, weight: outlets.size * 2 + contra.length * 3 });
  }
  rows.sort((a, b) => b.weight - a.weight || a.claim.localeCompare(b.claim));
  const names = new Map(m.data.sources.map((s) => [s.id, s.name]));
  return {
    outlets: outletIds.map((id) => ({ id, name: names.get(id) ?? id })),
    rows: rows.slice(0, MAX_ROWS).map(({ weight: _w, ...r }) => r),
  };
}
