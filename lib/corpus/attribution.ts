// Who is speaking in a sentence: "Lavrov said", "said Yuri Ushakov", "according to Peskov",
// "he told state TV" (resolved to the last person named), "the Russian foreign minister said".
// Input: an Analysis and the person last in focus. Output: a canonical person id or null.
import type { Analysis } from '../text/analyze';
import { ENTITY_BY_ID, ROLE_HOLDERS } from '../text/aliases';

const SPEECH_VERBS = new Set([
  'said', 'says', 'say', 'told', 'tells', 'stated', 'states', 'stressed', 'noted', 'added', 'underscored',
  'emphasized', 'emphasised', 'asserted', 'hinted', 'suggested', 'confirmed', 'insisted', 'echoed', 'mentioned',
  'highlighted', 'cautioned', 'praised', 'welcomed', 'criticized', 'criticised', 'called', 'outlined', 'reiterated',
  'argued', 'warned', 'claimed', 'announced', 'explained', 'described', 'denied', 'dismissed', 'ruled', 'quoted',
  'saying', 'declared', 'acknowledged', 'admitted', 'urged', 'reaffirmed', 'expressed', 'voiced', 'replied',
]);
const PRONOUNS = new Set(['he', 'she']);
// Verbs after which a name is the speaker ("said Yuri Ushakov"), unlike "welcomed Trump's …".
const INVERTING = new Set(['said', 'says', 'told', 'added', 'noted', 'stated', 'asked', 'replied', 'wrote', 'insisted', 'explained', 'warned', 'declared']);
// Multi-word speech: "made it clear", "made clear".
const PHRASES: readonly string[][] = [['made', 'it', 'clear'], ['made', 'clear'], ['in', 'a', 'statement']];

function personAt(a: Analysis, from: number, to: number, nearestLast: boolean): string | null {
  const hits = a.mentions.filter((m) => m.start >= from && m.end <= to && ENTITY_BY_ID.get(m.id)?.type === 'person');
  if (!hits.length) return null;
  return (nearestLast ? hits[hits.length - 1] : hits[0])!.id;
}

function roleAt(a: Analysis, from: number, to: number): string | null {
  const inRange = a.mentions.filter((m) => m.start >= from && m.end <= to);
  const role = [...inRange].reverse().find((m) => ENTITY_BY_ID.get(m.id)?.type === 'role');
  if (!role) return null;
  const country = [...inRange].reverse().find((m) => m.end <= role.start && ENTITY_BY_ID.get(m.id)?.type === 'country');
  return country ? ROLE_HOLDERS[`${role.id}|${country.id}`] ?? null : null;
}

/** The speaker of a sentence, or null when it reports no speech. */
export function findSpeaker(a: Analysis, lastPerson: string | null): string | null {
  const w = a.words;
  for (let i = 0; i < w.length; i++) {
    if (w[i] === 'according' && w[i + 1] === 'to') {
      const p = personAt(a, i + 2, i + 9, false);
      if (p) return p;
    }
  }
  // A person named among the first words (after titles and country words) is the sentence's subject
  // across an apposition ("French President Emmanuel Macron, who had spoken to Trump, reaffirmed").
  const first = a.mentions.find((m) => ENTITY_BY_ID.get(m.id)?.type === 'person');
  const leading = first && first.start <= 4 && a.mentions.filter((m) => m.end <= first.start).every((m) => ['country', 'role', 'org'].includes(ENTITY_BY_ID.get(m.id)?.type ?? '')) ? first : null;
  for (let i = 0; i < w.length; i++) {
    const phrase = PHRASES.find((p) => p.every((x, k) => w[i + k] === x));
    if (!SPEECH_VERBS.has(w[i]!) && !phrase) continue;
    // "… in which he urged them": the pronoun stands for someone named earlier in the sentence or before it.
    if (i > 0 && PRONOUNS.has(w[i - 1]!)) {
      const earlier = personAt(a, 0, i, false);
      return earlier ?? lastPerson;
    }
    // Subject just before the verb: "Lavrov said", "Ushakov told Russian television".
    const before = leading && leading.end <= i ? leading.id : personAt(a, Math.max(0, i - 8), i, true);
    if (before) return before;
    const role = roleAt(a, Math.max(0, i - 6), i);
    if (role) return role;
    // Inverted, only after saying verbs: "said Yuri Ushakov, an advisor to ...".
    if (INVERTING.has(w[i]!)) {
      const after = personAt(a, i + 1, i + 4, false);
      if (after) return after;
    }
  }
  return null;
}

/** The person a following "he said" would refer to: the speaker, else the first person named. */
export function personInFocus(a: Analysis, speaker: string | null, previous: string | null): string | null {
  if (speaker) return speaker;
  const first = a.mentions.find((m) => ENTITY_BY_ID.get(m.id)?.type === 'person');
  return first ? first.id : previous;
}
