// Reading a sentence for claim frames: its tokens with clause breaks, possessives and commas, the
// entity under each token, and the small tests every frame uses (negation in the clause, a condition
// or counterfactual, the people in a span, the subject of a presence claim).
import type { Analysis } from '../text/analyze';
import { ENTITY_BY_ID } from '../text/aliases';

// Narrower than the cue words of lib/text/cues.ts on purpose: "without", "absent" and "absence" are
// read by the frames themselves (absence is a value of presence, not a negation of it).
export const NEG = new Set(['not', 'no', 'never', 'neither', 'nor', 'nobody', 'none', 'nowhere']);
const CLAUSE_BREAK = /[;:()\u2014\u2013]|[.!?]\s|,\s*(?:but|while|whereas|(?:even\s+)?(?:although|though))\b/;

export interface Ctx {
  a: Analysis;
  w: string[];
  /** breakBefore[i]: a clause boundary lies between token i-1 and token i. */
  breakBefore: boolean[];
  /** possessive[i]: token i is a possessive ("Rubio's remarks"), not a subject. */
  possessive: boolean[];
  /** commaBefore[i]: punctuation (comma, dash, colon) lies between token i-1 and token i. */
  commaBefore: boolean[];
  /** Entity mention covering each token, or null. */
  entityAt: (string | null)[];
  /** Each token as written (for capitalised names the alias table does not know). */
  raw: string[];
  mentionStart: Map<number, { id: string; end: number }>;
  has: (...words: string[]) => boolean;
  hasPrefix: (...prefixes: string[]) => boolean;
}

export function context(a: Analysis): Ctx {
  const tokens = a.tokens;
  const w = a.words;
  const breakBefore = w.map(
    (_, i) =>
      i > 0 &&
      tokens[i] !== undefined &&
      tokens[i - 1] !== undefined &&
      CLAUSE_BREAK.test(a.text.slice(tokens[i - 1]!.end, tokens[i]!.start)),
  );
  const possessive = w.map((_, i) => tokens[i] !== undefined && /^['\u2019]s\b/i.test(a.text.slice(tokens[i]!.end, tokens[i]!.end + 3)));
  const commaBefore = w.map(
    (_, i) =>
      i > 0 &&
      tokens[i] !== undefined &&
      tokens[i - 1] !== undefined &&
      /[,;:\u2014\u2013]/.test(a.text.slice(tokens[i - 1]!.end, tokens[i]!.start)),
  );
  const entityAt: (string | null)[] = new Array(w.length).fill(null);
  const mentionStart = new Map<number, { id: string; end: number }>();
  for (const m of a.mentions) {
    mentionStart.set(m.start, { id: m.id, end: m.end });
    for (let k = m.start; k < m.end; k++) entityAt[k] = m.id;
  }
  const set = new Set(w);
  return {
    a,
    w,
    breakBefore,
    possessive,
    commaBefore,
    entityAt,
    mentionStart,
    raw: w.map((_, i) => (tokens[i] ? a.text.slice(tokens[i]!.start, tokens[i]!.end) : '')),
    has: (...words) => words.some((x) => set.has(x)),
    hasPrefix: (...prefixes) => w.some((x) => prefixes.some((p) => x.startsWith(p))),
  };
}

export const typeOf = (id: string) => ENTITY_BY_ID.get(id)?.type;
export const countryOf = (id: string) => ENTITY_BY_ID.get(id)?.country ?? null;

/** A negation within `span` tokens before `i`, inside the same clause. */
export function negatedAt(c: Ctx, i: number, span = 5): boolean {
  for (let k = i - 1; k >= Math.max(0, i - span); k--) {
    if (NEG.has(c.w[k]!)) return true;
    if (c.breakBefore[k]) break;
  }
  return false;
}

/** A condition or counterfactual governs token i ("Had Ukraine been invited, …", "if Kyiv joins …"). */
export function hypotheticalAt(c: Ctx, i: number): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 10); k--) {
    const x = c.w[k]!;
    if (x === 'if' || x === 'unless' || x === 'whether') return true;
    // Inverted conditional at the start of a clause: "Had Ukraine been invited", "Were Kyiv to join".
    if ((x === 'had' || x === 'were' || x === 'should') && (k === 0 || c.commaBefore[k] || c.breakBefore[k]) && c.entityAt[k + 1])
      return true;
    if (c.breakBefore[k]) break;
  }
  return false;
}

/** Person mentions starting in [from, to), in order. */
export function peopleIn(c: Ctx, from: number, to: number): string[] {
  const out: string[] = [];
  for (let k = Math.max(0, from); k < Math.min(to, c.w.length); k++) {
    const m = c.mentionStart.get(k);
    if (m && typeOf(m.id) === 'person' && !out.includes(m.id)) out.push(m.id);
  }
  return out;
}

/** Who a presence claim can be about: a person, or a party that was not obviously at the table. */
export function presenceSubject(id: string): string | null {
  const t = typeOf(id);
  if (t === 'person') return countryOf(id) === 'ukraine' ? 'ukraine' : id;
  if (t === 'country' && (id === 'ukraine' || id === 'europe')) return id;
  return null;
}

/** The nearest presence subject before token i (within `span`, not across a sentence), else after. */
export function subjectNear(c: Ctx, i: number, dir: 'before' | 'after' | 'both', span = 8): string | null {
  if (dir !== 'after') {
    for (let k = i - 1; k >= Math.max(0, i - span); k--) {
      const id = c.entityAt[k];
      // "Putin's foreign policy adviser" is not Putin.
      if (id && typeOf(id) === 'person' && c.possessive[k]) continue;
      const s = id ? presenceSubject(id) : null;
      if (s) return s;
    }
    // The sentence's subject, kept apart from the verb by an apposition ("Ukraine, whose future …, was not invited").
    const first = c.a.mentions[0];
    const s = first && first.start <= 2 && first.end < i && c.commaBefore[first.end] ? presenceSubject(first.id) : null;
    if (s) return s;
  }
  if (dir !== 'before') {
    for (let k = i + 1; k < Math.min(c.w.length, i + 1 + span); k++) {
      const id = c.entityAt[k];
      const s = id ? presenceSubject(id) : null;
      if (s) return s;
    }
  }
  return null;
}
