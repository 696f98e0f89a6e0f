// One text (a sentence or a statement) → the features every comparison uses: index terms with
// entities folded to canonical ids, the entities themselves, figures, negation cues, hedges, quotes.
import type { Figure } from '../core/corpus';
import { tokenize, type Token } from './tokenize';
import { findEntities, ENTITY_BY_ID, type EntityMention } from './aliases';
import { stem, isContentWord } from './stem';
import { extractFigures } from './figures';
import { findCues, countHedges, type CueHit } from './cues';

export interface Analysis {
  /** The text analysed, as given. */
  text: string;
  /** Canonical word tokens, entities not folded (for cue scopes and phrase checks). */
  words: string[];
  /** The same tokens with their offsets in `text` (for what lies between two words: a comma, a clause break). */
  tokens: Token[];
  /** Index terms: stems of content words, with each entity mention replaced by `@<id>`. */
  terms: string[];
  entities: string[];
  mentions: EntityMention[];
  figures: Figure[];
  cues: CueHit[];
  hedges: number;
  quotes: string[];
}

const QUOTE_RE = /[\u201c"]([^\u201d"]{2,400})[\u201d"]/g;

/** Quoted words in a text, without the quote marks. */
export function findQuotes(text: string): string[] {
  const out: string[] = [];
  QUOTE_RE.lastIndex = 0;
  for (let m = QUOTE_RE.exec(text); m; m = QUOTE_RE.exec(text)) out.push(m[1]!.trim());
  return out;
}

/** Features of one text; pure and deterministic, so statements can be analysed at build time. */
export function analyze(text: string): Analysis {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.norm);
  const mentions = findEntities(words);
  const terms: string[] = [];
  const entities: string[] = [];
  // The index term each word stands for (an entity id for words of a mention), for cue scopes.
  const termAt: (string | null)[] = new Array(words.length).fill(null);
  let m = 0;
  for (let i = 0; i < words.length; i++) {
    const mention = mentions[m];
    if (mention && mention.start === i) {
      const term = `@${mention.id}`;
      terms.push(term);
      if (!entities.includes(mention.id)) entities.push(mention.id);
      for (let k = mention.start; k < mention.end; k++) termAt[k] = term;
      i = mention.end - 1;
      m++;
      continue;
    }
    const w = words[i]!;
    if (isContentWord(w) && !/^\d/.test(w)) terms.push((termAt[i] = stem(w)));
  }
  const cues = findCues(words).map((c) => ({
    ...c,
    scope: [...new Set(c.scopeAt.map((k) => termAt[k]).filter((t): t is string => t !== null))],
  }));
  return {
    text,
    words,
    tokens,
    terms,
    entities,
    mentions,
    figures: extractFigures(text),
    cues,
    hedges: countHedges(words),
    quotes: findQuotes(text),
  };
}

/** Entity ids of a given type among `ids`. */
export function entitiesOfType(ids: readonly string[], type: string): string[] {
  return ids.filter((id) => ENTITY_BY_ID.get(id)?.type === type);
}
