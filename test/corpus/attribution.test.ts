// Speaker resolution (lib/corpus/attribution.ts) on single sentences of the seeds, with and without
// a person in focus from the previous sentence.
import { describe, it, expect } from 'vitest';
import { findSpeaker, personInFocus } from '../../lib/corpus/attribution';
import { analyze } from '../../lib/text/analyze';

const speaker = (text: string, last: string | null = null) => findSpeaker(analyze(text), last);

describe('findSpeaker', () => {
  it('subject before a speech verb', () => {
    expect(speaker('Witkoff said the meeting was \u201cpositive, upbeat, constructive.\u201d')).toBe('witkoff');
    expect(speaker('This week, Lavrov ruled out any Russian territorial concessions to Ukraine.')).toBe('lavrov');
    expect(speaker('However, US negotiator Michael Waltz stressed that President Donald Trump is committed to a deal.')).toBe('waltz');
  });

  it('inverted "said Yuri Ushakov, an advisor to ..."', () => {
    expect(speaker('\u201cWe have agreed to take account of each other\u2019s interests,\u201d said Yuri Ushakov, an advisor to Russian President Vladimir Putin, following the discussions.')).toBe('ushakov');
  });

  it('"according to" a person', () => {
    expect(speaker('According to Kremlin spokesman Dmitry Peskov, the primary objective of the meeting was to \u201crestore the entire range of U.S.-Russian relations.\u201d')).toBe('peskov');
    expect(speaker('According to Lavrov, both sides acknowledged the need for direct engagement.')).toBe('lavrov');
  });

  it('"he said" resolves to the person in focus', () => {
    expect(speaker('\u201cWe not only listened, but also heard each other,\u201d he said.', 'lavrov')).toBe('lavrov');
    expect(speaker('In a social media post, he insisted that any peace deal must include \u201crobust and reliable\u201d security guarantees.', 'zelensky')).toBe('zelensky');
  });

  it('"the Russian foreign minister said" resolves the role to Lavrov', () => {
    expect(speaker('\u201cI have reason to believe that the American side has started to better understand our position\u201d the Russian foreign minister said.')).toBe('lavrov');
  });

  it('full names with roles: Tammy Bruce, Guo Jiakun', () => {
    expect(speaker('US State Department spokesperson Tammy Bruce called the meeting \u201can important step forward.\u201d')).toBe('bruce');
    expect(speaker('In Beijing, Chinese Foreign Ministry spokesman Guo Jiakun welcomed \u201cefforts toward peace\u201d in Ukraine.')).toBe('guo');
  });

  it('no speech, no speaker', () => {
    expect(speaker('Also present was Saudi Minister of State Dr. Musaed bin Mohammed Al-Aiban.', 'rubio')).toBeNull();
    expect(speaker('The meeting, which lasted nearly four and a half hours, covered a broad range of critical topics.')).toBeNull();
    expect(speaker('The Ukrainian military stated that Russian troops launched 176 drones at Ukraine.')).toBeNull();
  });

  it('a person opening the sentence stays the subject across an apposition that names others (Macron)', () => {
    expect(speaker('French President Emmanuel Macron, who had spoken to both Trump and Zelenskyy, reaffirmed his commitment to a lasting peace.')).toBe('macron');
  });

  it('the object of a speech verb is not its speaker ("Russia welcomed Trump\u2019s acknowledgment")', () => {
    expect(speaker('Significantly, Russia welcomed Trump\u2019s acknowledgment that Ukraine\u2019s NATO aspirations had been a catalyst for tensions.')).toBeNull();
  });
});

describe('personInFocus', () => {
  it('is the speaker, else the first person named, else the previous focus', () => {
    expect(personInFocus(analyze('Lavrov echoed Rubio.'), 'lavrov', 'rubio')).toBe('lavrov');
    expect(personInFocus(analyze('Dmitriev was part of the delegation.'), null, 'rubio')).toBe('dmitriev');
    expect(personInFocus(analyze('The talks went on.'), null, 'rubio')).toBe('rubio');
  });
});
