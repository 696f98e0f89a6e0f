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
import type { XrefReport } from '../core/report';

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
  /** Statement ids that contradict or only mention the claim (the other marked cells), so a page that matches them touches it. */
  linked?: string[];
  /** Set by `forPage`: what the page's paragraphs say of the claim ('none' when they do not touch it). */
  page?: 'corroborates' | 'conflicts' | 'related' | 'none';
  /** Set by `forPage`: outlet ids whose statements in this claim the page's paragraphs conflict with. */
  pageConflicts?: string[];
  /** Set by `forPage` on a row it added: a point the page conflicts with that no row above holds (centred on the outlet's statement). */
  fromPage?: boolean;
}

export interface Overview {
  outlets: { id: string; name: string }[];
  rows: OverviewRow[];
  /** Set by `forPage`: how many rows the page touches (they come first in `rows`). */
  touched?: number;
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
    const linked: string[] = [];
    for (const [j, s] of edges[c]!) {
      const o = st[j]!.source;
      if (s === 'conflicts' && cells[o] !== 'confirms') {
        cells[o] = 'contradicts';
        conflict ??= st[j]!.text;
        linked.push(st[j]!.id);
      } else if (s === 'related' && cells[o] === 'none') {
        cells[o] = 'mentions';
        linked.push(st[j]!.id);
      }
    }
    for (const j of members) used.add(j);
    rows.push({ claim: st[c]!.text, cells, statements: members.map((j) => st[j]!.id), conflict, linked });
  }
  const names = new Map(m.data.sources.map((s) => [s.id, s.name]));
  return { outlets: outletIds.map((id) => ({ id, name: names.get(id) ?? id })), rows };
}

const PAGE_RANK = { conflicts: 3, corroborates: 2, related: 1, none: 0 } as const;

/**
 * The overview as seen from one page (its cross-reference report): each row says what the page's
 * paragraphs say of the claim (`page`) and which outlets they conflict with there (`pageConflicts`);
 * the rows the page touches come first (those where it conflicts first of all), and `touched`
 * counts them. A page touches a claim when one of its paragraphs is listed against a statement of
 * the claim (or one contradicting or mentioning it); it conflicts with an outlet there when that
 * listing is a conflict. A conflict with a statement no row holds adds a row (`fromPage`).
 */
export function forPage(ov: Overview, report: XrefReport): Overview {
  const stanceOf = new Map<string, { stance: keyof typeof PAGE_RANK; sources: Set<string> }>();
  for (const p of report.paragraphs)
    for (const m of p.matches) {
      if (!m.statementId) continue;
      const seen = stanceOf.get(m.statementId) ?? { stance: 'none' as const, sources: new Set<string>() };
      if (PAGE_RANK[m.stance] > PAGE_RANK[seen.stance]) seen.stance = m.stance;
      if (m.stance === 'conflicts') seen.sources.add(m.sourceId);
      stanceOf.set(m.statementId, seen);
    }
  const rows = ov.rows.map((r) => {
    let page: keyof typeof PAGE_RANK = 'none';
    const conflicts = new Set<string>();
    for (const id of [...r.statements, ...(r.linked ?? [])]) {
      const seen = stanceOf.get(id);
      if (!seen) continue;
      if (PAGE_RANK[seen.stance] > PAGE_RANK[page]) page = seen.stance;
      for (const o of seen.sources) conflicts.add(o);
    }
    return { ...r, page, pageConflicts: ov.outlets.map((o) => o.id).filter((o) => conflicts.has(o)) };
  });
  // A conflict with a statement no row holds (a point one outlet alone makes, or past the rows kept)
  // is still a key point the page touches: one row per paragraph, centred on its strongest such statement.
  const known = new Set(ov.rows.flatMap((r) => [...r.statements, ...(r.linked ?? [])]));
  const added: OverviewRow[] = [];
  for (const p of report.paragraphs) {
    const loose = p.matches
      .filter((m) => m.stance === 'conflicts' && m.statementId && !known.has(m.statementId))
      .sort((a, b) => b.score - a.score);
    if (!loose.length) continue;
    for (const m of loose) known.add(m.statementId!);
    const outlets = new Set(loose.map((m) => m.sourceId));
    const ids = ov.outlets.map((o) => o.id).filter((o) => outlets.has(o));
    added.push({
      claim: loose[0]!.statement,
      cells: Object.fromEntries(ov.outlets.map((o) => [o.id, outlets.has(o.id) ? 'confirms' : 'none'])),
      statements: loose.map((m) => m.statementId!),
      conflict: null,
      linked: [],
      page: 'conflicts',
      pageConflicts: ids,
      fromPage: true,
    });
  }
  // Conflicts first: they are what a reader checks.
  const touched = [
    ...rows.filter((r) => r.page === 'conflicts'),
    ...added,
    ...rows.filter((r) => r.page !== 'none' && r.page !== 'conflicts'),
  ];
  return { ...ov, rows: [...touched, ...rows.filter((r) => r.page === 'none')], touched: touched.length };
}
