// Normalisation (lib/text/normalize.ts): typography to one spelling; comparison keys.
import { describe, it, expect } from 'vitest';
import { normalizePunctuation, collapseWhitespace, comparisonKey } from '../../lib/text/normalize';

describe('normalizePunctuation', () => {
  it('straightens curly quotes and apostrophes', () => {
    expect(normalizePunctuation('\u201cunlikely\u201d and Russia\u2019s')).toBe('"unlikely" and Russia\'s');
    expect(normalizePunctuation('\u00abpeace\u00bb')).toBe('"peace"');
  });

  it('turns dashes, no-break spaces and ellipses into ASCII', () => {
    expect(normalizePunctuation('2\u20133')).toBe('2-3');
    expect(normalizePunctuation('a part \u2014 noting')).toBe('a part  -  noting');
    expect(normalizePunctuation('said\u00a0later')).toBe('said later');
    expect(normalizePunctuation('wait\u2026')).toBe('wait...');
  });

  it('removes zero-width characters and keeps letters and case', () => {
    expect(normalizePunctuation('Ri\u200byadh\ufeff')).toBe('Riyadh');
    expect(normalizePunctuation('Diriyah Palace')).toBe('Diriyah Palace');
  });
});

describe('collapseWhitespace', () => {
  it('collapses runs of whitespace (incl. newlines and no-break spaces) and trims', () => {
    expect(collapseWhitespace('  a \n\t b\u00a0\u00a0c  ')).toBe('a b c');
  });
});

describe('comparisonKey', () => {
  it('is equal for texts that differ only in typography, case and spacing', () => {
    expect(comparisonKey('Russia\u2019s  Putin Discusses\u00a0Talks')).toBe(comparisonKey("russia's putin discusses talks"));
    expect(comparisonKey('\u201cnot at all\u201d')).toBe(comparisonKey('"Not at all"'));
  });

  it('differs for different words', () => {
    expect(comparisonKey('no date has been set')).not.toBe(comparisonKey('a date has been set'));
  });
});
