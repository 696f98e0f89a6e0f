// The one alias table: every spelling of a person, place, country, organisation or role that the
// corpus and its readers use, mapped to one canonical id ("Sergey Lavrov" and "Lavrov" → lavrov).
// Matching, statements and the gate all see entities through this table only.

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

export const ENTITIES: readonly EntityDef[] = [
  // People of the talks and of their coverage.
  { id: 'lavrov', type: 'person', label: 'Lavrov', names: ['sergei lavrov', 'sergey lavrov', 'sergei viktorovich lavrov', 'lavrov'], country: 'russia' },
  { id: 'rubio', type: 'person', label: 'Rubio', names: ['marco rubio', 'rubio'], country: 'us' },
  { id: 'waltz', type: 'person', label: 'Waltz', names: ['mike waltz', 'michael waltz', 'waltz'], country: 'us' },
  { id: 'witkoff', type: 'person', label: 'Witkoff', names: ['steve witkoff', 'steven witkoff', 'stephen witkoff', 'witkoff'], country: 'us' },
  { id: 'ushakov', type: 'person', label: 'Ushakov', names: ['yuri ushakov', 'yury ushakov', 'yuriy ushakov', 'iouri ushakov', 'ushakov'], country: 'russia' },
  { id: 'dmitriev', type: 'person', label: 'Dmitriev', names: ['kirill dmitriev', 'kirill dmitriyev', 'dmitriev', 'dmitriyev'], country: 'russia' },
  { id: 'putin', type: 'person', label: 'Putin', names: ['vladimir putin', 'vladimir vladimirovich putin', 'putin'], country: 'russia' },
  { id: 'trump', type: 'person', label: 'Trump', names: ['donald trump', 'donald j trump', 'trump'], country: 'us' },
  { id: 'zelensky', type: 'person', label: 'Zelensky', names: ['volodymyr zelensky', 'volodymyr zelenskyy', 'volodymyr zelenskiy', 'vladimir zelensky', 'zelensky', 'zelenskyy', 'zelenskiy', 'zelenski'], country: 'ukraine' },
  { id: 'peskov', type: 'person', label: 'Peskov', names: ['dmitry peskov', 'dmitri peskov', 'dmitriy peskov', 'peskov'], country: 'russia' },
  { id: 'bruce', type: 'person', label: 'Tammy Bruce', names: ['tammy bruce'], country: 'us' },
  { id: 'faisal', type: 'person', label: 'Prince Faisal bin Farhan', names: ['faisal bin farhan bin abdullah', 'faisal bin farhan', 'prince faisal'], country: 'saudi' },
  { id: 'aiban', type: 'person', label: 'Musaed Al-Aiban', names: ['musaed bin mohammed al-aiban', 'musaed al-aiban', 'al-aiban', 'al aiban', 'aiban'], country: 'saudi' },
  { id: 'mbs', type: 'person', label: 'Mohammed bin Salman', names: ['mohammed bin salman', 'muhammad bin salman', 'mbs'], country: 'saudi' },
  { id: 'macron', type: 'person', label: 'Macron', names: ['emmanuel macron', 'macron'], country: 'france' },
  { id: 'biden', type: 'person', label: 'Biden', names: ['joe biden', 'joseph biden', 'biden'], country: 'us' },
  { id: 'guo', type: 'person', label: 'Guo Jiakun', names: ['guo jiakun'], country: 'china' },
  { id: 'vance', type: 'person', label: 'JD Vance', names: ['jd vance', 'j d vance', 'vance'], country: 'us' },
  { id: 'hegseth', type: 'person', label: 'Hegseth', names: ['pete hegseth', 'hegseth'], country: 'us' },
  { id: 'kellogg', type: 'person', label: 'Kellogg', names: ['keith kellogg', 'kellogg'], country: 'us' },
  { id: 'belousov', type: 'person', label: 'Belousov', names: ['andrei belousov', 'andrey belousov', 'belousov'], country: 'russia' },
  { id: 'shoigu', type: 'person', label: 'Shoigu', names: ['sergei shoigu', 'sergey shoigu', 'shoigu'], country: 'russia' },
  { id: 'karasin', type: 'person', label: 'Karasin', names: ['grigory karasin', 'grigori karasin', 'karasin'], country: 'russia' },
  { id: 'beseda', type: 'person', label: 'Beseda', names: ['sergei beseda', 'sergey beseda', 'beseda'], country: 'russia' },
  { id: 'yermak', type: 'person', label: 'Yermak', names: ['andriy yermak', 'andrii yermak', 'yermak'], country: 'ukraine' },
  { id: 'sybiha', type: 'person', label: 'Sybiha', names: ['andrii sybiha', 'andriy sybiha', 'sybiha'], country: 'ukraine' },
  { id: 'haitham', type: 'person', label: 'Sultan Haitham', names: ['haitham bin tariq al-said', 'haitham bin tariq', 'sultan haitham'], country: 'oman' },
  // Venues and cities where such talks happen; capitals that stand for governments are countries below.
  { id: 'riyadh', type: 'place', label: 'Riyadh', names: ['riyadh', 'riyad'], country: 'saudi' },
  { id: 'diriyah', type: 'venue', label: 'Diriyah Palace', names: ['diriyah palace', 'diriyah', 'al-diriyah', 'addiriyah'], country: 'saudi' },
  { id: 'jeddah', type: 'place', label: 'Jeddah', names: ['jeddah', 'jidda'], country: 'saudi' },
  { id: 'istanbul', type: 'place', label: 'Istanbul', names: ['istanbul'], country: 'turkey' },
  { id: 'alaska', type: 'place', label: 'Alaska', names: ['anchorage', 'alaska'], country: 'us' },
  { id: 'new-york', type: 'place', label: 'New York', names: ['new york', 'united nations', 'un general assembly'], country: 'us' },
  { id: 'geneva', type: 'place', label: 'Geneva', names: ['geneva'], country: 'switzerland' },
  { id: 'paris', type: 'place', label: 'Paris', names: ['paris'], country: 'france' },
  { id: 'beijing', type: 'place', label: 'Beijing', names: ['beijing'], country: 'china' },
  { id: 'munich', type: 'place', label: 'Munich', names: ['munich'], country: 'germany' },
  { id: 'crimea', type: 'place', label: 'Crimea', names: ['crimea'], country: 'ukraine' },
  { id: 'black-sea', type: 'place', label: 'Black Sea', names: ['black sea'] },
  // Countries, with demonyms and the capitals used as metonyms for governments.
  { id: 'us', type: 'country', label: 'the US', names: ['united states of america', 'united states', 'usa', 'america', 'american', 'americans', 'washington', 'white house', 'trump administration'] },
  { id: 'russia', type: 'country', label: 'Russia', names: ['russian federation', 'russia', 'russian', 'russians', 'moscow', 'kremlin'] },
  { id: 'ukraine', type: 'country', label: 'Ukraine', names: ['ukraine', 'ukrainian', 'ukrainians', 'kyiv', 'kiev'] },
  { id: 'saudi', type: 'country', label: 'Saudi Arabia', names: ['kingdom of saudi arabia', 'saudi arabia', 'saudi', 'saudis', 'ksa'] },
  { id: 'europe', type: 'country', label: 'Europe', names: ['european union', 'europe', 'european', 'europeans', 'eu', 'brussels'] },
  { id: 'china', type: 'country', label: 'China', names: ['china', 'chinese'] },
  { id: 'oman', type: 'country', label: 'Oman', names: ['oman', 'omani', 'muscat'] },
  { id: 'iran', type: 'country', label: 'Iran', names: ['iran', 'iranian', 'tehran'] },
  { id: 'qatar', type: 'country', label: 'Qatar', names: ['qatar', 'qatari', 'doha'] },
  { id: 'turkey', type: 'country', label: 'Turkey', names: ['turkey', 'turkiye', 'turkish', 'ankara'] },
  { id: 'france', type: 'country', label: 'France', names: ['france', 'french'] },
  { id: 'germany', type: 'country', label: 'Germany', names: ['germany', 'german', 'berlin'] },
  // Organisations.
  { id: 'washington-post', type: 'org', label: 'The Washington Post', names: ['washington post'] },
  { id: 'moscow-times', type: 'org', label: 'The Moscow Times', names: ['moscow times'] },
  { id: 'rdif', type: 'org', label: 'RDIF', names: ['russian direct investment fund', 'rdif', 'sovereign wealth fund'] },
  { id: 'nato', type: 'org', label: 'NATO', names: ['nato', 'north atlantic treaty organization'] },
  { id: 'state-department', type: 'org', label: 'the State Department', names: ['state department', 'department of state'] },
  // Roles, so "the Russian foreign minister said" can be resolved and "wrong attendee" caught.
  { id: 'role:foreign-minister', type: 'role', label: 'foreign minister', names: ['foreign minister', 'top diplomat', 'foreign secretary'] },
  { id: 'role:secretary-of-state', type: 'role', label: 'Secretary of State', names: ['secretary of state'] },
  { id: 'role:security-adviser', type: 'role', label: 'national security adviser', names: ['national security adviser', 'national security advisor'] },
  { id: 'role:envoy', type: 'role', label: 'envoy', names: ['special envoy', 'middle east envoy', 'envoy'] },
  { id: 'role:aide', type: 'role', label: 'Kremlin aide', names: ['foreign policy aide', 'foreign affairs adviser', 'presidential aide', 'kremlin aide', 'putin aide', 'aide'] },
  { id: 'role:spokesperson', type: 'role', label: 'spokesperson', names: ['spokesperson', 'spokesman', 'spokeswoman'] },
  { id: 'role:president', type: 'role', label: 'president', names: ['president'] },
  { id: 'role:defence-minister', type: 'role', label: 'defence minister', names: ['defence minister', 'defense minister', 'defense secretary', 'defence secretary'] },
  { id: 'role:vice-president', type: 'role', label: 'vice president', names: ['vice president', 'vice-president'] },
];

export const ENTITY_BY_ID: ReadonlyMap<string, EntityDef> = new Map(ENTITIES.map((e) => [e.id, e]));

/** Role + country → the person who holds it in the corpus's event (for speaker resolution). */
export const ROLE_HOLDERS: Readonly<Record<string, string>> = {
  'role:foreign-minister|russia': 'lavrov',
  'role:foreign-minister|saudi': 'faisal',
  'role:secretary-of-state|us': 'rubio',
  'role:security-adviser|us': 'waltz',
  'role:security-adviser|saudi': 'aiban',
  'role:envoy|us': 'witkoff',
  'role:aide|russia': 'ushakov',
  'role:spokesperson|russia': 'peskov',
  'role:spokesperson|us': 'bruce',
  'role:president|us': 'trump',
  'role:president|russia': 'putin',
  'role:president|ukraine': 'zelensky',
};

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
  for (let i = 0; i < tokens.length; ) {
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
