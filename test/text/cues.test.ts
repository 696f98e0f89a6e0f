// Negation, refutation and hedge cues (lib/text/cues.ts) with their scopes.
import { describe, it, expect } from 'vitest';
import { findCues, countHedges } from '../../lib/text/cues';
import { words } from '../../lib/text/tokenize';
import { stem } from '../../lib/text/stem';

const cues = (text: string) => findCues(words(text));

describe('findCues', () => {
  it('"not at all" is one cue (not also "not"), scoped over what is denied', () => {
    const hits = cues('However, Dmitriev told CNN that sanctions relief was \u201cnot at all\u201d part of the agenda.');
    expect(hits.map((h) => [h.cue, h.kind])).toEqual([['not at all', 'negation']]);
    expect(hits[0]!.scope).toContain(stem('sanctions'));
    expect(hits[0]!.scope).toContain(stem('relief'));
    expect(hits[0]!.scope).toContain(stem('agenda'));
  });

  it('"ruled out" is a refutation of the concessions', () => {
    const hits = cues('This week, Lavrov ruled out any Russian territorial concessions to Ukraine as part of ceasefire negotiations.');
    expect(hits.map((h) => [h.cue, h.kind])).toEqual([['ruled out', 'refutation']]);
    expect(hits[0]!.scope).toContain(stem('concessions'));
    expect(hits[0]!.scope).toContain(stem('territorial'));
  });

  it('"no date has been set" is one negation cue', () => {
    const hits = cues('After the talks ended, Ushakov and Waltz said no date has been set yet for that summit.');
    expect(hits.map((h) => h.cue)).toEqual(['no date has been set']);
    expect(hits[0]!.kind).toBe('negation');
  });

  it('"unlikely" is a refutation cue', () => {
    const hits = cues('Ushakov told Russian television that a meeting was \u201cunlikely\u201d to take place next week.');
    expect(hits.map((h) => [h.cue, h.kind])).toEqual([['unlikely', 'refutation']]);
    expect(hits[0]!.scope).toContain(stem('meeting'));
  });

  it('"denied" / "denies" are refutation cues', () => {
    expect(cues('The Kremlin denied the report.').map((h) => [h.cue, h.kind])).toEqual([['denied', 'refutation']]);
    const hits = cues('Iran denies seeking atomic weapons.');
    expect(hits.map((h) => h.cue)).toEqual(['denies']);
    expect(hits[0]!.scope).toEqual(expect.arrayContaining([stem('seeking'), stem('weapons')]));
  });

  it('plain "not" and "no longer"', () => {
    expect(cues('Ukraine does not recognize any agreements.').map((h) => h.cue)).toEqual(['not']);
    expect(cues('The embassies are no longer staffed.').map((h) => h.cue)).toEqual(['no longer']);
  });

  it('finds no cue in an affirmative sentence', () => {
    expect(cues('Russia and the US agreed Tuesday to start working toward ending the war in Ukraine.')).toEqual([]);
  });

  it('records the token index of the cue', () => {
    const w = words('sanctions relief was not at all part of the agenda');
    const [hit] = findCues(w);
    expect(w[hit!.at]).toBe('not');
  });
});

describe('countHedges', () => {
  it('counts hedging words', () => {
    expect(countHedges(words('Officials reportedly said a deal could possibly be reached.'))).toBe(3);
    expect(countHedges(words('Russia and the US agreed on Tuesday.'))).toBe(0);
  });
});
