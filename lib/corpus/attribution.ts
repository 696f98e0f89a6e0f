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
  for (let i = 0; i < w.length; i++) {
    if (!SPEECH_VERBS.has(w[i]!)) continue;
    // Subject just before the verb: "Lavrov said", "Ushakov told Russian television"; a person opening
    // the sentence stays the subject across an apposition ("Macron, who had spoken to Trump, reaffirmed").
    const opener = a.mentions[0] && a.mentions[0].start <= 2 && a.mentions[0].end <= i && ENTITY_BY_ID.get(a.mentions[0].id)?.type === 'person' ? a.mentions[0].id : null;
    const before = opener ?? personAt(a, Math.max(0, i - 8), i, true);
    if (before) return before;
    if (i > 0 && PRONOUNS.has(w[i - 1]!) && lastPerson) return lastPerson;
    const role = roleAt(a, Math.max(0, i - 6), i);
    if (role) return role;
    // Inverted: "said Yuri Ushakov, an advisor to ...".
    const after = personAt(a, i + 1, i + 5, false);
    if (after) return after;
  }
  return null;
}

/** The person a following "he said" would refer to: the speaker, else the first person named. */
export function personInFocus(a: Analysis, speaker: string | null, previous: string | null): string | null {
  if (speaker) return speaker;
  const first = a.mentions.find((m) => ENTITY_BY_ID.get(m.id)?.type === 'person');
  return first ? first.id : previous;
}
