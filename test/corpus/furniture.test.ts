// Page furniture rules (lib/text/furniture.ts) on the seed documents' own lines: site chrome is
// recognised, reporting is not — including reporting that quotes someone saying "we" or "our".
import { describe, it, expect } from 'vitest';
import { furnitureReason, isAppeal, isHeadingLike, isStrayMarker } from '../../lib/text/furniture';
import { FILES, seed } from './seeds';

const lines = (file: string) => seed(file).split('\n').map((l) => l.trim()).filter(Boolean);

describe('furnitureReason: chrome lines of the seeds', () => {
  const chrome = [
    'TT',
    'Support The Moscow Times!',
    'Sign up for our free weekly newsletter',
    'Our weekly newsletter contains a hand-picked selection of news, features, analysis and more from The Moscow Times. You will receive it in your mailbox every Friday. Never miss the latest news from Russia. Preview',
    'Subscribers agree to the Privacy Policy',
    'A Message from The Moscow Times:',
    'Dear readers,',
    'Once',
    'Monthly',
    'Annual',
    'Continue',
    'paiment methods',
    'Not ready to support today?',
    'Remind me later.',
    'Read more',
    'AFP contributed reporting.',
    'Share this article',
    'Shareable URL',
    'Prev Post',
    'Next Post',
    'Leave a Reply',
    'Your email address will not be published. Required fields are marked *',
    'Read next',
  ];
  for (const line of chrome) {
    it(`"${line.slice(0, 40)}" is furniture`, () => {
      expect(furnitureReason(line)).not.toBeNull();
    });
  }

  it('gives reasons a reader understands', () => {
    expect(furnitureReason('TT')).toBe('stray marker');
    expect(furnitureReason('Sign up for our free weekly newsletter')).toBe('newsletter box');
    expect(furnitureReason('Prev Post')).toBe('post navigation');
    expect(furnitureReason('Leave a Reply')).toBe('comment form');
    expect(furnitureReason('AFP contributed reporting.')).toBe('credit line');
  });
});

describe('furnitureReason / isAppeal: reporting is not furniture', () => {
  it('no line of the wire report or of Arab News is furniture or an appeal', () => {
    for (const file of [FILES.wire, FILES.arabNews]) {
      for (const line of lines(file)) {
        expect(furnitureReason(line), line).toBeNull();
        expect(isAppeal(line), line).toBe(false);
      }
    }
  });

  it('quoted "we"/"our" of a speaker is not the site speaking to its readers', () => {
    const quoted = [
      '\u201cWe have agreed to take account of each other\u2019s interests and develop bilateral relations, since both Moscow and Washington are interested in this,\u201d said Yuri Ushakov, an advisor to Russian President Vladimir Putin, following the discussions.',
      '"We will see what the result will be. We maintain close contact with our Iranian colleagues. Where we can, we help."',
      '\u201cWe not only listened, but also heard each other,\u201d he said.',
      '\u201cI have reason to believe that the American side has started to better understand our position\u201d the Russian foreign minister said.',
    ];
    for (const q of quoted) {
      expect(furnitureReason(q), q).toBeNull();
      expect(isAppeal(q), q).toBe(false);
    }
  });

  it('the Moscow Times appeal paragraphs are appeals', () => {
    const text = seed(FILES.moscowTimes);
    const start = text.indexOf('We are facing unprecedented challenges.');
    const end = text.indexOf('\nOnce\n');
    const appeal = text.slice(start, end).split('\n').map((l) => l.trim()).filter(Boolean);
    expect(appeal.length).toBe(5);
    for (const p of appeal) expect(isAppeal(p) || furnitureReason(p) !== null, p).toBe(true);
  });
});

describe('isStrayMarker', () => {
  it('recognises short capital or symbol markers only', () => {
    expect(isStrayMarker('TT')).toBe(true);
    expect(isStrayMarker('***')).toBe(true);
    expect(isStrayMarker('Riyadh')).toBe(false);
    expect(isStrayMarker('It was the second time in less than a week.')).toBe(false);
  });
});

describe('isHeadingLike', () => {
  it('headlines and section headings are heading-like', () => {
    for (const h of [
      'Riyadh Meeting Paves Way to Restoring US-Russian Ties',
      'Russia\u2019s Putin Discusses US-Iran Nuclear Talks with Sultan of Oman',
      'U.S.-Russia Talks Begin in Saudi Arabia',
      'Rebuilding ties and charting a new era: Russia-US talks in Riyadh',
      'Restoring Full Diplomatic Engagement',
      'Economic and Trade Cooperation: A Renewed Focus',
      'The New Russia-US Relations, hope for the world',
    ]) expect(isHeadingLike(h), h).toBe(true);
  });

  it('sentences, salutations and single words are not', () => {
    for (const t of [
      'Russia and the United States agreed on Tuesday to begin working toward ending the conflict and improving diplomatic and economic ties.',
      'Dear readers,',
      'TT',
      'Monthly',
      'Not ready to support today?',
    ]) expect(isHeadingLike(t), t).toBe(false);
  });
});
