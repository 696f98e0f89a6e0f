// One text → its features (lib/text/analyze.ts): quotes, entity-folded terms, figures, cues.
import { describe, it, expect } from 'vitest';
import { analyze, findQuotes, entitiesOfType } from '../../lib/text/analyze';

describe('findQuotes', () => {
  it('finds curly and straight quotes, and a curly quote closed by a straight one', () => {
    expect(
      findQuotes(
        'called the meeting \u201can important step forward\u201d but cautioned, \u201cOne phone call followed by one meeting is not sufficient to establish enduring peace.\u201d',
      ),
    ).toEqual(['an important step forward', 'One phone call followed by one meeting is not sufficient to establish enduring peace.']);
    expect(findQuotes('"We discussed the progress of negotiations," Interfax quoted')).toEqual([
      'We discussed the progress of negotiations,',
    ]);
    expect(findQuotes('He said Washington \u201cis not going to predetermine" would those concessions would be.')).toEqual([
      'is not going to predetermine',
    ]);
  });
});

describe('analyze', () => {
  it('folds entity mentions into @ids and keeps other content stems', () => {
    const a = analyze('Russian Foreign Minister Sergei Lavrov met Marco Rubio in Riyadh.');
    expect(a.entities).toEqual(['russia', 'role:foreign-minister', 'lavrov', 'rubio', 'riyadh']);
    expect(a.terms).toContain('@lavrov');
    expect(a.terms).toContain('@riyadh');
    expect(a.terms).not.toContain('lavrov');
    expect(entitiesOfType(a.entities, 'person')).toEqual(['lavrov', 'rubio']);
  });

  it('collects figures, cues and quotes of the text', () => {
    const a = analyze('However, Dmitriev told CNN that sanctions relief was \u201cnot at all\u201d part of the agenda.');
    expect(a.cues.map((c) => c.cue)).toEqual(['not at all']);
    expect(a.quotes).toEqual(['not at all']);
    expect(a.figures).toEqual([]);
  });
});
