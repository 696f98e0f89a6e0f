// Reasons a reader understands, built from the same evidence the stance was decided on:
// "same figure: nearly four and a half hours", "denies: sanctions relief “not at all” (Dmitriev)".
import type { Analysis } from '../text/analyze';
import type { PairEvidence } from './compare';
import type { StanceDecision } from './stance';
import { ENTITY_BY_ID } from '../text/aliases';
import { stem } from '../text/stem';
import { bestLink, describeClaim, type ClaimLink } from '../claims';

function label(entity: string): string {
  return ENTITY_BY_ID.get(entity)?.label ?? entity;
}

/** The words as written in `a` for index terms (stems back to a surface word, entities to labels). */
export function surfaceWords(terms: readonly string[], a: Analysis, max = 4): string[] {
  const out: string[] = [];
  for (const t of terms) {
    if (out.length >= max) break;
    if (t.startsWith('@')) {
      out.push(label(t.slice(1)));
      continue;
    }
    const w = a.words.find((x) => stem(x) === t);
    if (w && !out.includes(w)) out.push(w);
  }
  return out;
}

/**
 * The words around a cue in the text as written ("sanctions relief was “not at all” part of the
 * agenda"), cut at word boundaries, so a reader sees the denial itself.
 */
export function cueSnippet(text: string, cue: string, span = 45): string {
  const flat = text.replace(/\s+/g, ' ');
  const words = cue.split(' ').map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const re = new RegExp(`\\b${words.join('[^\\w]+')}\\b`, 'i');
  const m = re.exec(flat.replace(/[\u2018\u2019]/g, "'"));
  if (!m) return cue;
  let from = Math.max(0, m.index - span);
  let to = Math.min(flat.length, m.index + m[0].length + span);
  if (from > 0) from = flat.indexOf(' ', from) + 1;
  if (to < flat.length) to = Math.max(m.index + m[0].length, flat.lastIndexOf(' ', to));
  return `${from > 0 ? '…' : ''}${flat.slice(from, to).replace(/^[\s,;:]+|[\s,;:]+$/g, '')}${to < flat.length ? '…' : ''}`;
}

/**
 * The words around a claim's anchor in the text. An anchor may be a label rather than the words as
 * written ("not agenda" for "“not at all” part of the agenda"): then its last word is looked up, and
 * failing that the text's opening is shown.
 */
export function claimSnippet(text: string, anchor: string): string {
  const whole = cueSnippet(text, anchor);
  if (whole !== anchor) return whole;
  const last = anchor.split(' ').at(-1)!;
  const part = cueSnippet(text, last);
  if (part !== last) return part;
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 90 ? `${flat.slice(0, flat.lastIndexOf(' ', 90))}…` : flat;
}

/** One short line: why this statement is listed against the paragraph. */
export function explain(
  d: StanceDecision,
  e: PairEvidence,
  page: Analysis,
  statement: Analysis,
  speaker: string | null,
  claims?: readonly ClaimLink[],
): string {
  const who = speaker ? ` (${label(speaker)})` : '';
  const c = d.clash;
  if (d.stance === 'conflicts' && c) {
    switch (c.kind) {
      case 'figure': {
        const [fa, fb] = e.diffFigures[0]!;
        return `different figure: ${fb.text} here, ${fa.text} on this page`;
      }
      case 'negation':
        return c.side === 'statement'
          ? `denies${who}: “${cueSnippet(statement.text, c.cue)}” — this paragraph says otherwise`
          : `this paragraph denies it (“${cueSnippet(page.text, c.cue)}”); this outlet reports it`;
      case 'antonym':
        return `opposite claims: “${surfaceWords([c.words[1]], statement, 1)[0] ?? c.words[1]}” here, “${surfaceWords([c.words[0]], page, 1)[0] ?? c.words[0]}” on this page`;
      case 'attendee':
        return `different people: this page names ${c.page.map(label).join(', ')}; this outlet names ${c.statement.map(label).join(', ')}`;
      case 'claim':
        return `${describeClaim(c.link.statement)} here (“${claimSnippet(statement.text, c.link.statement.anchor)}”) — this paragraph: ${describeClaim(c.link.page)}`;
    }
  }
  if (e.sameFigures.length) return `same figure: ${e.sameFigures[0]![1].text}`;
  const agree = d.stance === 'corroborates' && claims ? bestLink(claims, 'agree') : undefined;
  if (agree) {
    const what = describeClaim(agree.statement);
    return `also says${speaker && what.startsWith(label(speaker)) ? '' : who}: ${what}`;
  }
  const words = surfaceWords(e.shared, statement, 4);
  if (d.stance === 'corroborates') {
    const quote = statement.quotes.find((q) => page.quotes.some((p) => p.toLowerCase() === q.toLowerCase()));
    if (quote) return `same quote${who}: “${quote}”`;
    return `also reports${who}: ${words.join(', ')}`;
  }
  return `same point: ${words.join(', ')}`;
}
