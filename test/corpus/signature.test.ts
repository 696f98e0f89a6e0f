// The event signature (lib/corpus/signature.ts): derived from the on-topic articles, minus what the
// off-topic ones share; it names the event's people and places.
import { describe, it, expect } from 'vitest';
import { textFeatures, buildSignature } from '../../lib/corpus/signature';
import { compileCorpus } from '../../lib/corpus/compile';
import { allSeeds, sourcesFile } from './seeds';

const WINDOW = { from: '2025-02-13', to: '2025-02-25' };

describe('textFeatures', () => {
  it('counts entities once per mention and does not count their words again', () => {
    const f = textFeatures('Sergey Lavrov met Marco Rubio in Riyadh. Lavrov spoke about diplomacy.');
    expect(f.entities.get('lavrov')).toBe(2);
    expect(f.entities.get('rubio')).toBe(1);
    expect(f.entities.get('riyadh')).toBe(1);
    expect(f.words.has('lavrov')).toBe(false);
    expect(f.words.has('sergey')).toBe(false);
    expect([...f.words.keys()]).toContain('diplomaci');
  });
});

describe('buildSignature on synthetic features', () => {
  const on = [
    textFeatures('Lavrov and Rubio met in Riyadh for talks about the embassy.'),
    textFeatures('Rubio and Lavrov held talks in Riyadh; the embassy staffing was discussed.'),
    textFeatures('In Riyadh, Lavrov told Rubio the embassy question was urgent.'),
  ];
  const off = [textFeatures('Putin received the Sultan of Oman in Moscow for talks.')];
  const sig = buildSignature([...on, ...off], [true, true, true, false], WINDOW);

  it('keeps people and places shared by the on-topic texts', () => {
    expect(sig.people.sort()).toEqual(['lavrov', 'rubio']);
    expect(sig.places).toContain('riyadh');
    expect(sig.entities.lavrov).toBeGreaterThan(0);
  });

  it('weakens words the off-topic text shares ("talks" appears in all four) below words it lacks', () => {
    expect(sig.words).toHaveProperty('embassi');
    expect(sig.words['talk'] ?? 0).toBeLessThan(sig.words['embassi']!);
  });

  it('maps surfaces to entity ids for the gate', () => {
    expect(sig.surfaces['sergey lavrov']).toBe('@lavrov');
    expect(sig.surfaces['riyadh']).toBe('@riyadh');
    expect(sig.otherPlaces).not.toContain('riyadh');
    expect(sig.window).toEqual(WINDOW);
  });
});

describe('the compiled corpus signature', () => {
  const sig = compileCorpus(allSeeds(), sourcesFile()).signature;

  it('names the event\'s people: Lavrov, Rubio, Waltz, Witkoff, Dmitriev', () => {
    expect(sig.people).toEqual(expect.arrayContaining(['lavrov', 'rubio', 'waltz', 'witkoff', 'dmitriev']));
  });

  it('names Ushakov, who sat in the Russian delegation and is named by four of the five outlets', () => {
    expect(sig.people).toContain('ushakov');
  });

  it('names the event\'s places: Riyadh, Diriyah Palace', () => {
    expect(sig.places).toEqual(expect.arrayContaining(['riyadh', 'diriyah']));
    expect(sig.otherPlaces).not.toContain('riyadh');
    expect(sig.surfaces['riyadh']).toBe('@riyadh');
    expect(sig.surfaces['diriyah palace']).toBe('@diriyah');
  });

  it('does not make the off-topic article\'s places the event\'s', () => {
    expect(sig.places).not.toContain('oman');
    expect(sig.entities).not.toHaveProperty('oman');
    expect(sig.entities).not.toHaveProperty('iran');
  });
});
