// Sentence splitting (lib/text/sentences.ts): quotes, abbreviations, numbers, initials, verbatim offsets.
// Inputs are paragraphs of the seed texts (corpus/*.txt) or short sentences in the same style.
import { describe, it, expect } from 'vitest';
import { splitSentences } from '../../lib/text/sentences';

const texts = (p: string) => splitSentences(p).map((s) => s.text);

describe('splitSentences', () => {
  it('returns verbatim slices: text === paragraph.slice(start, end)', () => {
    const p =
      'Dmitriev said\u00a0later on Tuesday he believed that progress in the U.S.-Russia talks could emerge within two to three months.\u00a0\u201cWe have a series of proposals, which our colleagues are thinking about. And I think that there will, possibly, be progress in the not-so-distant future, in the next two-three months,\u201d he told state TV.';
    const spans = splitSentences(p);
    expect(spans.length).toBe(2);
    for (const s of spans) expect(p.slice(s.start, s.end)).toBe(s.text);
    expect(spans[0]!.text).toBe(
      'Dmitriev said\u00a0later on Tuesday he believed that progress in the U.S.-Russia talks could emerge within two to three months.',
    );
    expect(spans[1]!.text.startsWith('\u201cWe have a series of proposals')).toBe(true);
    expect(spans[1]!.text.endsWith('he told state TV.')).toBe(true);
  });

  it('keeps “…,” he said. as one sentence', () => {
    expect(texts('\u201cWe not only listened, but also heard each other,\u201d he said.')).toEqual([
      '\u201cWe not only listened, but also heard each other,\u201d he said.',
    ]);
  });

  it('keeps a curly quote spanning two sentences whole (Witkoff)', () => {
    const p = 'Witkoff said the meeting was \u201cpositive, upbeat, constructive. Everybody was there to get to the right outcome.\u201d';
    expect(texts(p)).toEqual([p]);
  });

  it('keeps a straight quote spanning three sentences whole', () => {
    const p = '"We will see what the result will be. We maintain close contact with our Iranian colleagues. Where we can, we help."';
    expect(texts(p)).toEqual([p]);
  });

  it('splits after a closing quote that ends a sentence', () => {
    const p =
      'Addressing these concerns, Rubio asserted, \u201cNo one is being sidelined here.\u201d He reiterated the goal of ending the conflict through a resolution acceptable to all parties involved.';
    expect(texts(p)).toEqual([
      'Addressing these concerns, Rubio asserted, \u201cNo one is being sidelined here.\u201d',
      'He reiterated the goal of ending the conflict through a resolution acceptable to all parties involved.',
    ]);
  });

  it('treats a straight quote closing a curly one (“… predetermine") as closed, so later sentences still split', () => {
    const p =
      'He added that ending the conflict would require concessions from all sides and that Europe would play a part \u2014 noting that they have also imposed sanctions on Russia. He said Washington \u201cis not going to predetermine" would those concessions would be. Tuesday\'s meeting was meant to pave the way for a summit.';
    expect(texts(p)).toEqual([
      'He added that ending the conflict would require concessions from all sides and that Europe would play a part \u2014 noting that they have also imposed sanctions on Russia.',
      'He said Washington \u201cis not going to predetermine" would those concessions would be.',
      "Tuesday's meeting was meant to pave the way for a summit.",
    ]);
  });

  it('does not split after U.S. before a capitalised word', () => {
    const p = 'Top Russian and U.S. officials met in Saudi Arabia. The U.S. Secretary of State Marco Rubio led the team.';
    expect(texts(p)).toEqual([
      'Top Russian and U.S. officials met in Saudi Arabia.',
      'The U.S. Secretary of State Marco Rubio led the team.',
    ]);
  });

  it('does not split inside U.S.-Russia', () => {
    expect(texts('Good U.S.-Russia relations are vital. Both sides agreed.')).toEqual([
      'Good U.S.-Russia relations are vital.',
      'Both sides agreed.',
    ]);
  });

  it('does not split after Dr. and Mr.', () => {
    expect(
      texts('Also present was National Security Adviser Dr. Musaed bin Mohammed Al-Aiban. Mr. Lavrov sat next to Yuri Ushakov.'),
    ).toEqual(['Also present was National Security Adviser Dr. Musaed bin Mohammed Al-Aiban.', 'Mr. Lavrov sat next to Yuri Ushakov.']);
  });

  it('does not split after "Feb." in a date ("Feb. 18")', () => {
    expect(texts('The talks took place on Feb. 18 in Riyadh. Lavrov attended.')).toEqual([
      'The talks took place on Feb. 18 in Riyadh.',
      'Lavrov attended.',
    ]);
  });

  it('does not split inside a decimal number ("4.5")', () => {
    expect(texts('The meeting lasted 4.5 hours. It ended in the afternoon.')).toEqual([
      'The meeting lasted 4.5 hours.',
      'It ended in the afternoon.',
    ]);
  });

  it('does not split after a middle initial', () => {
    expect(texts('George W. Bush met Vladimir Putin in 2001. Nothing came of it.')).toEqual([
      'George W. Bush met Vladimir Putin in 2001.',
      'Nothing came of it.',
    ]);
  });

  it('splits on question and exclamation marks', () => {
    expect(texts('Will the summit happen? Nobody knows! The date is open.')).toEqual([
      'Will the summit happen?',
      'Nobody knows!',
      'The date is open.',
    ]);
  });

  it('keeps a sentence with two quotes and a colon-free "but cautioned," whole (Tammy Bruce)', () => {
    const p =
      'US State Department spokesperson Tammy Bruce called the meeting \u201can important step forward\u201d but cautioned, \u201cOne phone call followed by one meeting is not sufficient to establish enduring peace.\u201d';
    expect(texts(p)).toEqual([p]);
  });

  it('trims whitespace and ignores empty input', () => {
    expect(splitSentences('')).toEqual([]);
    expect(splitSentences('   ')).toEqual([]);
    const spans = splitSentences('  Lavrov spoke.  Rubio listened.  ');
    expect(spans.map((s) => s.text)).toEqual(['Lavrov spoke.', 'Rubio listened.']);
    expect(spans[0]!.start).toBe(2);
  });
});
