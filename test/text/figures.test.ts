// Figures (lib/text/figures.ts): durations, counts, ranges, dates; equal figures compare equal.
import { describe, it, expect } from 'vitest';
import { extractFigures, sameQuantity, sameValue, describeFigure } from '../../lib/text/figures';
import type { Figure } from '../../lib/core/corpus';

const only = (text: string): Figure => {
  const f = extractFigures(text);
  expect(f.length).toBe(1);
  return f[0]!;
};

describe('extractFigures', () => {
  it('"nearly four and a half hours" is 4.5 hours, approximate', () => {
    const f = only('The meeting, which lasted nearly four and a half hours, covered a broad range of critical topics.');
    expect(f).toMatchObject({ kind: 'duration', value: 4.5, unit: 'hour', approx: true, text: 'nearly four and a half hours' });
  });

  it('"4.5 hours" is 4.5 hours, exact', () => {
    const f = only('The talks lasted 4.5 hours.');
    expect(f).toMatchObject({ kind: 'duration', value: 4.5, unit: 'hour' });
    expect(f.approx).toBeFalsy();
  });

  it('"two to three months" and "two-three months" are the same 2–3 month range', () => {
    const a = only('progress could emerge within two to three months.');
    const b = only('in the next two-three months,');
    expect(a).toMatchObject({ kind: 'duration', value: 2, max: 3, unit: 'month' });
    expect(b).toMatchObject({ kind: 'duration', value: 2, max: 3, unit: 'month', text: 'two-three months' });
    expect(sameQuantity(a, b)).toBe(true);
    expect(sameValue(a, b)).toBe(true);
    expect(describeFigure(b)).toBe('2\u20133 months');
  });

  it('"176 drones" is a count of drones', () => {
    const f = only('Russian troops launched 176 drones at Ukraine, most of which were either destroyed or disabled.');
    expect(f).toMatchObject({ kind: 'count', value: 176, unit: 'drone', text: '176 drones' });
  });

  it('"three goals" is a count; "two sides" and "one meeting" are not figures', () => {
    expect(only('the two sides agreed broadly to pursue three goals')).toMatchObject({ kind: 'count', value: 3, unit: 'goal' });
    expect(extractFigures('One phone call followed by one meeting is not sufficient.')).toEqual([]);
  });

  it('"nearly three years ago" is an approximate duration of 3 years', () => {
    expect(only('since Russia\u2019s invasion of Ukraine nearly three years ago.')).toMatchObject({
      kind: 'duration',
      value: 3,
      unit: 'year',
      approx: true,
    });
  });

  it('reads dates in several spellings to the same value', () => {
    const [a, b, c] = extractFigures('On 18 February 2025, i.e. February 18, or Feb. 18 in short.');
    expect(a).toMatchObject({ kind: 'date', value: 218, unit: '2025', text: '18 February 2025' });
    expect(b).toMatchObject({ kind: 'date', value: 218, text: 'February 18' });
    expect(c).toMatchObject({ kind: 'date', value: 218, text: 'Feb. 18' });
    expect(only('following a visit by the emir of Qatar on April 17.')).toMatchObject({ kind: 'date', value: 417 });
    expect(only('at the Kremlin in Moscow, Russia, 22 April 2025.')).toMatchObject({ kind: 'date', value: 422, unit: '2025' });
  });

  it('reads years', () => {
    expect(only('Russia\u2019s annexation of Crimea in 2014')).toMatchObject({ kind: 'year', value: 2014 });
  });

  it('reads money', () => {
    expect(only('please support us monthly starting from just $2.')).toMatchObject({ kind: 'money', value: 2, unit: 'usd' });
  });

  it('finds nothing in a sentence without numbers', () => {
    expect(extractFigures('Lavrov echoed Rubio\u2019s remarks and told reporters that the conversation was very useful.')).toEqual([]);
  });
});

describe('sameValue / sameQuantity', () => {
  it('"nearly four and a half hours" equals "4.5 hours"', () => {
    const a = only('nearly four and a half hours');
    const b = only('4.5 hours');
    expect(sameQuantity(a, b)).toBe(true);
    expect(sameValue(a, b)).toBe(true);
    expect(describeFigure(a)).toBe('4.5 hours');
  });

  it('different values differ', () => {
    const a = only('nearly four and a half hours');
    expect(sameValue(a, only('nine hours'))).toBe(false);
    expect(sameValue(only('176 drones'), only('200 drones'))).toBe(false);
    expect(sameValue(only('three goals'), only('four goals'))).toBe(false);
    expect(sameValue(only('two to three months'), only('six months'))).toBe(false);
  });

  it('counts of different things are different quantities', () => {
    expect(sameQuantity(only('176 drones'), only('176 missiles'))).toBe(false);
    expect(sameQuantity(only('176 drones'), only('176 hours'))).toBe(false);
  });

  it('durations compare across units by their length', () => {
    expect(sameQuantity(only('4.5 hours'), only('4.5 days'))).toBe(true);
    expect(sameValue(only('4.5 hours'), only('4.5 days'))).toBe(false);
    expect(sameValue(only('two weeks'), only('14 days'))).toBe(true);
  });

  it('a point value inside a range agrees with it', () => {
    expect(sameValue(only('two to three months'), only('three months'))).toBe(true);
  });
});
