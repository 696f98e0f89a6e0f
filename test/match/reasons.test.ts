// Reasons as data (lib/match/explain.ts): on the gold pages and the real development articles every
// listed match has a known kind of reason; its English sentence is the `en` message of that kind
// with the slots put in; no reason is a bare list of words; and the words a reason quotes are the
// statement's or the paragraph's own.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledMatcher, crossReferenceHtml } from '../../tools/page-pipeline';
import { loadGoldPages, loadReal } from '../../tools/fixtures';
import { runReal } from '../../tools/real';
import { QUOTED_SLOTS, REASON_TEMPLATES, explainData, reasonText } from '../../lib/match/explain';
import { analyze } from '../../lib/text/analyze';
import { comparePair } from '../../lib/match/compare';
import { REASON_SLOTS, reasonKey, renderReason } from '../../lib/view/reason';
import type { Match, XrefReport } from '../../lib/core/report';

const ROOT = join(__dirname, '../..');
const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
/** browser.i18n.getMessage on the `en` messages: $1… replaced by the substitutions, '' for an unknown key. */
const enT = (key: string, subs?: string | string[]) => {
  const list = typeof subs === 'string' ? [subs] : (subs ?? []);
  return messages[key]?.message.replace(/\$(\d)/g, (_, n: string) => list[Number(n) - 1] ?? '') ?? '';
};

const m = bundledMatcher();
const reports: [string, XrefReport][] = [
  ...loadGoldPages().map((p): [string, XrefReport] => [
    `gold/${p.name}`,
    crossReferenceHtml(p.html, `https://gold.example/${p.name}`, {}, m),
  ]),
  ...loadReal('dev')
    .slice(0, 20)
    .map((a): [string, XrefReport] => [`real/${a.name}`, runReal(a, m)]),
];
const listed: { page: string; paragraph: string; match: Match }[] = reports.flatMap(([page, r]) =>
  r.paragraphs.flatMap((p) => p.matches.map((match) => ({ page, paragraph: p.text, match }))),
);

/** Text compared up to typography: quote marks, ellipses and spacing dropped, lower case. */
const plain = (s: string) =>
  s
    .replace(/[\u2018\u2019\u201c\u201d"'\u2026]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** True for "a, b, c": three or more comma-separated single words after a colon or as the whole text. */
const bareList = (reason: string) =>
  reason.split(':').some((part) => {
    const items = part.split(',').map((x) => x.trim());
    return items.length >= 3 && items.every((x) => /^[\p{L}\p{N}'’.-]+$/u.test(x));
  });

describe('reasons as data', () => {
  it('covers many listed matches of the gold pages and real articles', () => {
    expect(reports.filter(([n]) => n.startsWith('gold/')).length).toBeGreaterThan(5);
    expect(listed.length).toBeGreaterThan(500);
  });

  it('gives every listed match a known kind whose English sentence is its reason', () => {
    for (const { page, match } of listed) {
      const d = match.reasonData;
      expect(d, `${page}: ${match.reason}`).toBeDefined();
      expect(Object.keys(REASON_TEMPLATES), page).toContain(d!.kind);
      expect(match.reason).toBe(reasonText(d!));
    }
  });

  it('has one en message per kind, with the same slots, that renders to the same English sentence', () => {
    expect(Object.keys(REASON_SLOTS).sort()).toEqual(Object.keys(REASON_TEMPLATES).sort());
    for (const [kind, template] of Object.entries(REASON_TEMPLATES)) {
      const slots = [...template.matchAll(/\{(\w+)\}/g)].map((x) => x[1]);
      expect([...REASON_SLOTS[kind]!].sort(), kind).toEqual([...new Set(slots)].sort());
      expect(messages[reasonKey(kind)]?.message, kind).toBeTruthy();
    }
    for (const { match } of listed) expect(renderReason(match, enT)).toBe(match.reason);
  });

  it('never lists bare words', () => {
    expect(bareList('also reports: potential, war, summit, Putin')).toBe(true);
    expect(bareList('same point: three, two, Russia')).toBe(true);
    const bare = listed.filter(({ match }) => bareList(match.reason)).map(({ match }) => match.reason);
    expect(bare).toEqual([]);
  });

  it('quotes only words of the statement or the paragraph', () => {
    const kinds = new Set<string>();
    for (const { page, paragraph, match } of listed) {
      const d = match.reasonData!;
      kinds.add(d.kind);
      for (const slot of QUOTED_SLOTS) {
        const words = d.slots[slot];
        if (words === undefined) continue;
        expect(words.trim().length, `${page}: ${match.reason}`).toBeGreaterThan(0);
        const inText = plain(match.statement).includes(plain(words)) || plain(paragraph).includes(plain(words));
        expect(inText, `${page}: “${words}” (${d.kind}) in ${match.statement}`).toBe(true);
      }
    }
    // The common kinds all occur on these pages.
    for (const k of ['same-figure', 'same-claim', 'same-point', 'reports-same', 'claim-conflict']) expect([...kinds]).toContain(k);
  });
});

describe('kinds the corpus pages do not show', () => {
  const pair = (page: string, statement: string) => {
    const [a, b] = [analyze(page), analyze(statement)];
    return { a, b, e: comparePair(a, b, () => 2) };
  };

  it('word-level clashes quote both sides', () => {
    const fig = pair('The meeting lasted nine hours in Riyadh.', 'The meeting lasted four and a half hours in Riyadh.');
    const r = explainData({ stance: 'conflicts', score: 0.5, clash: { kind: 'figure' } }, fig.e, fig.a, fig.b, null);
    expect(r.kind).toBe('different-figure');
    expect(reasonText(r)).toMatch(/^Gives a different figure: “four and a half hours”, where this paragraph says “nine hours”$/);
    const neg = { kind: 'negation' as const, side: 'statement' as const, cue: 'not', on: [] };
    const den = pair('Sanctions relief was on the agenda in Riyadh.', 'Sanctions relief was not on the agenda in Riyadh.');
    expect(reasonText(explainData({ stance: 'conflicts', score: 0.5, clash: neg }, den.e, den.a, den.b, 'dmitriev'))).toMatch(
      /^Kirill Dmitriev denies it: “.*not on the agenda.*”; this paragraph says otherwise$|^Dmitriev denies it: “.*not.*”; this paragraph says otherwise$/,
    );
    expect(explainData({ stance: 'conflicts', score: 0.5, clash: neg }, den.e, den.a, den.b, null).kind).toBe('denies');
    const pageNeg = { ...neg, side: 'page' as const };
    expect(explainData({ stance: 'conflicts', score: 0.5, clash: pageNeg }, den.e, den.b, den.a, null).kind).toBe('paragraph-denies');
    const ant = pair('The two sides agreed on embassies.', 'The two sides rejected the embassies plan.');
    const opp = explainData(
      { stance: 'conflicts', score: 0.5, clash: { kind: 'antonym', words: ['agre', 'reject'] } },
      ant.e,
      ant.a,
      ant.b,
      null,
    );
    expect(reasonText(opp)).toBe('Says “rejected” where this paragraph says “agreed”');
  });

  it('a corroboration by the same quote, and a point made in other words', () => {
    const q = pair('Rubio called it “a first step” in Riyadh.', 'Rubio said it was “a first step” on Tuesday.');
    expect(reasonText(explainData({ stance: 'corroborates', score: 0.8, clash: null }, q.e, q.a, q.b, null))).toBe(
      'Both quote the same words: “a first step”',
    );
    const none = pair('Lorem ipsum.', 'Dolor sit amet.');
    expect(explainData({ stance: 'related', score: 0.3, clash: null }, none.e, none.a, none.b, null)).toEqual({
      kind: 'similar',
      slots: {},
    });
  });
});
