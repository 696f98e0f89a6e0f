// Word tokens (lib/text/tokenize.ts): the country "US" vs the pronoun "us", contractions, possessives, offsets.
import { describe, it, expect } from 'vitest';
import { tokenize, words } from '../../lib/text/tokenize';

describe('tokenize / words', () => {
  it('maps U.S., US and USA to "usa"', () => {
    expect(words('U.S. officials')).toEqual(['usa', 'officials']);
    expect(words('US officials')).toEqual(['usa', 'officials']);
    expect(words('the USA')).toEqual(['the', 'usa']);
    expect(words('U.S.-Russia talks')).toEqual(['usa', 'russia', 'talks']);
    expect(words('US-Russia talks')).toEqual(['usa', 'russia', 'talks']);
  });

  it('keeps the pronoun "us" as "us"', () => {
    expect(words('Thank you for standing with us.')).toEqual(['thank', 'you', 'for', 'standing', 'with', 'us']);
    expect(words('please support us monthly')).toContain('us');
    expect(words('please support us monthly')).not.toContain('usa');
  });

  it('splits n\'t into a base word and "not", with straight or curly apostrophes', () => {
    expect(words("isn't")).toEqual(['is', 'not']);
    expect(words('isn\u2019t')).toEqual(['is', 'not']);
    expect(words("doesn't")).toEqual(['does', 'not']);
    expect(words("won't")).toEqual(['will', 'not']);
    expect(words("can't")).toEqual(['can', 'not']);
  });

  it('drops the possessive s', () => {
    expect(words('Russia\u2019s invasion')).toEqual(['russia', 'invasion']);
    expect(words("the Kremlin's priorities")).toEqual(['the', 'kremlin', 'priorities']);
  });

  it('keeps numbers with decimals and thousands separators whole', () => {
    expect(words('4.5 hours')).toEqual(['4.5', 'hours']);
    expect(words('2,000 troops and 176 drones')).toEqual(['2,000', 'troops', 'and', '176', 'drones']);
  });

  it('lower-cases and drops punctuation', () => {
    expect(words('\u201cNot at all,\u201d he said.')).toEqual(['not', 'at', 'all', 'he', 'said']);
  });

  it('gives offsets into the input', () => {
    const text = 'Lavrov met U.S. envoys in Riyadh.';
    for (const t of tokenize(text)) {
      const raw = text.slice(t.start, t.end);
      expect(raw.replace(/\./g, '').toLowerCase().replace(/^us$/, 'usa')).toBe(t.norm);
    }
    const n = tokenize("isn't");
    expect(n.map((t) => "isn't".slice(t.start, t.end))).toEqual(['is', "n't"]);
  });
});
