// The one alias table: every spelling of a person, place, country, organisation or role that the
// corpus and its readers use, mapped to one canonical id ("Sergey Lavrov" and "Lavrov" → lavrov).
// Matching, statements and the gate all see entities through this table only.

import eventEntities from './event-entities.json';

export type EntityType = 'person' | 'country' | 'place' | 'venue' | 'org' | 'role';

export interface EntityDef {
  id: string;
  type: EntityType;
  /** Display label for reasons ("Lavrov", "Diriyah Palace"). */
  label: string;
  /** Surface forms, lower case, as token sequences separated by spaces. */
  names: string[];
  /** For countries' demonyms and capitals used as metonyms ("Washington" for the US government). */
  country?: string;
}

// The event's people, places, countries, organisations and roles are data (event-entities.json), not
// code: a new spelling, delegate or venue is a line there.
export const ENTITIES: readonly EntityDef[] = eventEntities.entities as EntityDef[];

export const ENTITY_BY_ID: ReadonlyMap<string, EntityDef> = new Map(ENTITIES.map((e) => [e.id, e]));

/** Role + country → the person who holds it in the corpus's event (for speaker resolution). */
export const ROLE_HOLDERS: Readonly<Record<string, string>> = eventEntities.roleHolders;

interface TrieNode {
  next: Map<string, TrieNode>;
  id?: string;
}

function buildTrie(): TrieNode {
  const root: TrieNode = { next: new Map() };
  for (const e of ENTITIES) {
    for (const name of e.names) {
      let node = root;
      for (const w of name.replace(/-/g, ' ').split(' ')) {
        let child = node.next.get(w);
        if (!child) node.next.set(w, (child = { next: new Map() }));
        node = child;
      }
      node.id ??= e.id;
    }
  }
  return root;
}

const TRIE = buildTrie();

export interface EntityMention {
  id: string;
  /** Token index range [start, end) in the token list given to `findEntities`. */
  start: number;
  end: number;
}

/**
 * Longest-match entity mentions in a list of lower-case word tokens.
 * Tokens come from `words()` in tokenize.ts ("u.s." arrives as "u", "s").
 */
export function findEntities(tokens: readonly string[]): EntityMention[] {
  const found: EntityMention[] = [];
  for (let i = 0; i < tokens.length;) {
    let node: TrieNode | undefined = TRIE;
    let best: EntityMention | null = null;
    for (let j = i; j < tokens.length; j++) {
      node = node.next.get(tokens[j]!);
      if (!node) break;
      if (node.id) best = { id: node.id, start: i, end: j + 1 };
    }
    if (best) {
      found.push(best);
      i = best.end;
    } else i++;
  }
  return found;
}
