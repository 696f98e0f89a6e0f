// The alias table (lib/text/aliases.ts): every spelling of a person or country maps to one id,
// the longest name wins, and "Washington Post" is a newspaper, not the US.
import { describe, it, expect } from 'vitest';
import { findEntities, ENTITIES, ENTITY_BY_ID, ROLE_HOLDERS } from '../../lib/text/aliases';
import { words } from '../../lib/text/tokenize';

const ids = (text: string) => findEntities(words(text)).map((m) => m.id);

describe('findEntities: spelling variants', () => {
  it('Sergei / Sergey Lavrov and Lavrov → lavrov', () => {
    expect(ids('Foreign Minister Sergei Lavrov')).toEqual(['role:foreign-minister', 'lavrov']);
    expect(ids('Foreign Minister Sergey Lavrov')).toEqual(['role:foreign-minister', 'lavrov']);
    expect(ids('Lavrov echoed Rubio')).toEqual(['lavrov', 'rubio']);
  });

  it('Yuri / Yury Ushakov → ushakov', () => {
    expect(ids('said Yuri Ushakov')).toEqual(['ushakov']);
    expect(ids('Kremlin foreign policy aide Yury Ushakov')).toEqual(['russia', 'role:aide', 'ushakov']);
    expect(ids('presidential aide Yury Ushakov')).toEqual(['role:aide', 'ushakov']);
  });

  it('Zelensky / Zelenskyy / Volodymyr Zelenskyy → zelensky', () => {
    expect(ids('Volodymyr Zelensky')).toEqual(['zelensky']);
    expect(ids('Volodymyr Zelenskyy')).toEqual(['zelensky']);
    expect(ids('both Putin and Zelenskyy')).toEqual(['putin', 'zelensky']);
  });

  it('Mike / Michael Waltz → waltz; Steve / Stephen Witkoff → witkoff', () => {
    expect(ids('Mike Waltz')).toEqual(['waltz']);
    expect(ids('Michael Waltz')).toEqual(['waltz']);
    expect(ids('Steve Witkoff')).toEqual(['witkoff']);
    expect(ids('Stephen Witkoff')).toEqual(['witkoff']);
  });

  it('U.S., US, United States, Washington, America → us', () => {
    expect(ids('U.S. officials')).toEqual(['us']);
    expect(ids('US officials')).toEqual(['us']);
    expect(ids('the United States')).toEqual(['us']);
    expect(ids('Washington and Moscow')).toEqual(['us', 'russia']);
    expect(ids('the American side')).toEqual(['us']);
  });

  it('the pronoun "us" is not the US', () => {
    expect(ids('Thank you for standing with us.')).toEqual([]);
  });

  it('each mention covers its full token range', () => {
    const m = findEntities(words('Russian Foreign Minister Sergey Lavrov met Marco Rubio'));
    expect(m).toEqual([
      { id: 'russia', start: 0, end: 1 },
      { id: 'role:foreign-minister', start: 1, end: 3 },
      { id: 'lavrov', start: 3, end: 5 },
      { id: 'rubio', start: 6, end: 8 },
    ]);
  });
});

describe('findEntities: longest match', () => {
  it('"The Washington Post" is the newspaper, not the US', () => {
    expect(ids('The Washington Post, citing an anonymous Russian academic')).toEqual(['washington-post', 'russia']);
    expect(ids('a point reaffirmed in the Washington Post report')).not.toContain('us');
  });

  it('"Russian Direct Investment Fund" is RDIF, not Russia', () => {
    expect(ids('Russian Direct Investment Fund CEO Kirill Dmitriev')).toEqual(['rdif', 'dmitriev']);
  });

  it('"The Moscow Times" is the outlet, not Russia', () => {
    expect(ids('Support The Moscow Times!')).toEqual(['moscow-times']);
  });

  it('"Diriyah Palace" and "Saudi Arabia" are one mention each', () => {
    const m = findEntities(words('at the Diriyah Palace in Riyadh, Saudi Arabia'));
    expect(m.map((x) => [x.id, x.end - x.start])).toEqual([
      ['diriyah', 2],
      ['riyadh', 1],
      ['saudi', 2],
    ]);
  });

  it('hyphenated names match ("Al-Aiban")', () => {
    expect(ids('Dr. Musaed bin Mohammed Al-Aiban')).toEqual(['aiban']);
  });
});

describe('alias table', () => {
  it('has unique ids and every id resolvable', () => {
    const all = ENTITIES.map((e) => e.id);
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(ENTITY_BY_ID.get(id)?.id).toBe(id);
  });

  it('role holders point to people of the table', () => {
    for (const person of Object.values(ROLE_HOLDERS)) expect(ENTITY_BY_ID.get(person)?.type).toBe('person');
    expect(ROLE_HOLDERS['role:foreign-minister|russia']).toBe('lavrov');
    expect(ROLE_HOLDERS['role:secretary-of-state|us']).toBe('rubio');
  });
});
