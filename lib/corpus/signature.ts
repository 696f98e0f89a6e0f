// The event signature: which names, places and key words characterise the event the corpus covers,
// with weights, derived from the corpus itself — terms most articles share, minus terms the off-topic
// articles also use. It decides which corpus articles are on topic and is what the page gate checks.
import type { Article } from '../core/corpus';
import type { EventSignature } from '../core/signature';
import { tokenize } from '../text/tokenize';
import { findEntities, ENTITIES, ENTITY_BY_ID } from '../text/aliases';
import { stem, isContentWord } from '../text/stem';


export interface TextFeatures {
  entities: Map<string, number>;
  words: Map<string, number>;
  surfaces: Map<string, Set<string>>;
}

/** Entity and content-word counts of a text (the words of entity mentions are not counted twice). */
export function textFeatures(text: string): TextFeatures {
  const words = tokenize(text).map((t) => t.norm);
  const mentions = findEntities(words);
  const f: TextFeatures = { entities: new Map(), words: new Map(), surfaces: new Map() };
  let m = 0;
  for (let i = 0; i < words.length; i++) {
    const mention = mentions[m];
    if (mention && mention.start === i) {
      f.entities.set(mention.id, (f.entities.get(mention.id) ?? 0) + 1);
      i = mention.end - 1;
      m++;
      continue;
    }
    const w = words[i]!;
    if (!isContentWord(w) || /\d/.test(w) || w.length < 4) continue;
    const s = stem(w);
    f.words.set(s, (f.words.get(s) ?? 0) + 1);
    let set = f.surfaces.get(s);
    if (!set) f.surfaces.set(s, (set = new Set()));
    set.add(w);
  }
  return f;
}

/** Features of a whole article: title and paragraphs. */
export function articleFeatures(article: Article): TextFeatures {
  return textFeatures([article.title ?? '', ...article.paragraphs.map((p) => p.text)].join('\n'));
}

// Share of on-topic articles a term must appear in to belong to the event ("consensus").
const CONSENSUS = 0.6;
const ENTITY_BOOST = 2;
const MAX_WORDS = 30;
const PLACE_SHARE = 0.3;

/**
 * Builds the signature from articles' features and which of them are on topic.
 * weight(t) = share of on-topic articles with t − share of off-topic articles with t (entities count double).
 */
export function buildSignature(features: TextFeatures[], topic: boolean[], window: { from: string; to: string }): EventSignature {
  const on = features.filter((_, i) => topic[i]);
  const off = features.filter((_, i) => !topic[i]);
  const share = (set: TextFeatures[], key: 'entities' | 'words', t: string) => (set.length ? set.filter((f) => f[key].has(t)).length / set.length : 0);
  // Off-topic evidence is smoothed (k / (n + 1)): one unrelated article quoting Ushakov should weaken him, not erase him.
  const offShare = (key: 'entities' | 'words', t: string) => off.filter((f) => f[key].has(t)).length / (off.length + 1);
  const entities: Record<string, number> = {};
  const allEntities = new Set(on.flatMap((f) => [...f.entities.keys()]));
  for (const e of allEntities) {
    const p = share(on, 'entities', e);
    const type = ENTITY_BY_ID.get(e)?.type;
    if (p < CONSENSUS || type === 'role') continue;
    const w = (p - offShare('entities', e)) * ENTITY_BOOST;
    if (w > 0) entities[e] = round(w);
  }
  const wordScores: [string, number][] = [];
  const allWords = new Set(on.flatMap((f) => [...f.words.keys()]));
  for (const s of allWords) {
    const p = share(on, 'words', s);
    if (p < CONSENSUS || s.length < 4) continue;
    const w = p - offShare('words', s);
    if (w > 0) wordScores.push([s, w]);
  }
  wordScores.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const words: Record<string, number> = {};
  for (const [s, w] of wordScores.slice(0, MAX_WORDS)) words[s] = round(w);

  // Places named by more than one on-topic outlet (and more than off-topic ones) are where the event is.
  const places = [...allEntities].filter((e) => {
    const type = ENTITY_BY_ID.get(e)?.type;
    const p = share(on, 'entities', e);
    return (type === 'place' || type === 'venue') && p >= PLACE_SHARE && p > offShare('entities', e);
  }).sort();
  const surfaces: Record<string, string> = {};
  for (const e of new Set([...Object.keys(entities), ...places])) for (const name of ENTITY_BY_ID.get(e)!.names) surfaces[name.replace(/-/g, ' ')] = `@${e}`;
  for (const s of Object.keys(words)) for (const f of on) for (const w of f.surfaces.get(s) ?? []) surfaces[w] = s;

  // A report may name only the country of the venue ("met in Saudi Arabia"): it counts as the place.
  for (const id of [...places]) {
    const country = ENTITY_BY_ID.get(id)?.country;
    if (country && entities[country] !== undefined && !places.includes(country)) places.push(country);
  }
  places.sort();
  for (const id of places) for (const name of ENTITY_BY_ID.get(id)!.names) surfaces[name.replace(/-/g, ' ')] ??= `@${id}`;
  const people = Object.keys(entities).filter((e) => ENTITY_BY_ID.get(e)!.type === 'person');
  const venueCountries = new Set(places.map((id) => ENTITY_BY_ID.get(id)!.country ?? id));
  const otherPlaces = ENTITIES.filter((e) => (e.type === 'place' || e.type === 'venue') && !places.includes(e.id)).map((e) => e.id);
  const otherPlaceSurfaces: Record<string, string> = {};
  for (const id of otherPlaces) for (const name of ENTITY_BY_ID.get(id)!.names) otherPlaceSurfaces[name.replace(/-/g, ' ')] = id;
  const venues = places.filter((id) => ['place', 'venue'].includes(ENTITY_BY_ID.get(id)!.type));
  // The sides: the countries the event's people come from, by the people's weight.
  const byCountry = new Map<string, number>();
  for (const id of people) {
    const c = ENTITY_BY_ID.get(id)!.country;
    if (c && !venueCountries.has(c)) byCountry.set(c, (byCountry.get(c) ?? 0) + entities[id]!);
  }
  const sides = [...byCountry].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([id]) => id);
  const otherPeopleSurfaces: Record<string, string> = {};
  for (const e of ENTITIES) {
    if (e.type !== 'person' || people.includes(e.id) || entities[e.id] !== undefined) continue;
    for (const name of e.names) otherPeopleSurfaces[name.replace(/-/g, ' ')] = e.id;
  }
  for (const s of Object.keys(surfaces)) delete otherPeopleSurfaces[s];
  for (const s of Object.keys(otherPlaceSurfaces)) delete otherPeopleSurfaces[s];
  return { entities, words, surfaces, places, otherPlaces, otherPlaceSurfaces, people, venues, sides, otherPeopleSurfaces, threshold: 0, window };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
