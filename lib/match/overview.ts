// The coverage overview: the event's key points (claims) as rows and the outlets as columns, each
// cell saying whether that outlet reports, contradicts or only mentions the point. Computed by the
// engine from the statements themselves: each statement is compared with its retrieved neighbours
// in other outlets; the statement most outlets corroborate becomes a claim with those neighbours,
// and so on (claims are stars around a statement, so "A≈B, B≈C" never chains A to C).
import type { Matcher } from './engine';
import { analyze } from '../text/analyze';
import { comparePair } from './compare';
import { applyClaims, decideStance } from './stance';
import { extractClaims, linkClaims } from '../claims';
import { searchBm25 } from '../text/bm25';

export type Cell = 'confirms' | 'contradicts' | 'mentions' | 'none';

export interface OverviewRow {
  /** The claim in the words of the statement at its centre. */
  claim: string;
  /** Outlet id → what that outlet says of the claim. */
  cells: Record<string, Cell>;
  /** Statement ids in the claim, for tests and drill-down. */
  statements: string[];
  /** Why a contradiction is marked (the contradicting statement), when there is one. */
  conflict: string | null;
}

export interface Overview {
  outlets: { id: string; name: string }[];
  rows: OverviewRow[];
}

const MAX_ROWS = 12;
const NEIGHBOURS = 12;
// A claim's centre says something of its own: not a caption or a fragment.
const MIN_WORDS = 8;

/** Builds the overview for the matcher's statements (enabled sources only). */
export function buildOverview(m: Matcher): Overview {
  const st = m.data.statements;
  const an = st.map((s) => analyze(s.text));
  const edges = st.map(() => new Map<number, 'corroborates' | 'conflicts' | 'related'>());
  for (let i = 0; i < st.length; i++) {
    const hits = searchBm25(m.index, an[i]!.terms, NEIGHBOURS, (doc) => st[doc]!.source !== st[i]!.source);
    for (const { doc: j } of hits) {
      if (edges[i]!.has(j)) continue;
      const e = comparePair(an[i]!, an[j]!, m.ctx);
      const claims = linkClaims(extractClaims(an[i]!, st[i]!.speaker), extractClaims(an[j]!, st[j]!.speaker));
      const d = m.data.model
        ? m.data.model.decide(e, an[i]!, an[j]!, {
            rank: 0,
            sentences: 1,
            pageSpeaker: st[i]!.speaker,
            statementSpeaker: st[j]!.speaker,
            claims,
          })
        : applyClaims(decideStance(e), claims);
      if (d.stance === 'unrelated') continue;
      edges[i]!.set(j, d.stance);
      edges[j]!.set(i, d.stance);
    }
  }
  const outletIds = [...new Set(st.map((s) => s.source))];
  const outletsAgreeing = (i: number) => new Set([...edges[i]!].filter(([, s]) => s === 'corroborates').map(([j]) => st[j]!.source));
  const order = st
    .map((_, i) => i)
    .filter((i) => st[i]!.text.split(/\s+/).length >= MIN_WORDS)
    .sort((a, b) => outletsAgreeing(b).size - outletsAgreeing(a).size || st[a]!.text.length - st[b]!.text.length);
  const used = new Set<number>();
  const rows: OverviewRow[] = [];
  for (const c of order) {
    if (used.has(c) || rows.length >= MAX_ROWS) continue;
    const members = [c, ...[...edges[c]!].filter(([j, s]) => s === 'corroborates' && !used.has(j)).map(([j]) => j)];
    const cells: Record<string, Cell> = Object.fromEntries(outletIds.map((o) => [o, 'none']));
    for (const j of members) cells[st[j]!.source] = 'confirms';
    if (new Set(members.map((j) => st[j]!.source)).size < 2) continue;
    let conflict: string | null = null;
    for (const [j, s] of edges[c]!) {
      const o = st[j]!.source;
      if (s === 'conflicts' && cells[o] !== 'confirms') {
        cells[o] = 'contradicts';
        conflict ??= st[j]!.text;
      } else if (s === 'related' && cells[o] === 'none') cells[o] = 'mentions';
    }
    for (const j of members) used.add(j);
    rows.push({ claim: st[c]!.text, cells, statements: members.map((j) => st[j]!.id), conflict });
  }
  const names = new Map(m.data.sources.map((s) => [s.id, s.name]));
  return { outlets: outletIds.map((id) => ({ id, name: names.get(id) ?? id })), rows };
}
