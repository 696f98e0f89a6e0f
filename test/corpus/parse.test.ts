// Seed text → articles (lib/corpus/parse.ts). Expectations were read off the five seed files by
// hand (see /work/shared/seeds/README.md); the last block checks the same rules on a synthetic
// sixth document, so they are shown to be about news-page shapes and not per-file patches.
import { describe, it, expect } from 'vitest';
import { parseDocument, captionText, splitDateline } from '../../lib/corpus/parse';
import type { Article } from '../../lib/core/corpus';
import { FILES, seed } from './seeds';

const ASHARQ_CAPTION = 'Officials are seen at the talks between the United States and Russia at the Diriyah Palace in Riyadh on Tuesday. (Reuters)';
const OMAN_CAPTION = 'Sultan of Oman Haitham bin Tariq al-Said (L) and Russian President Vladimir Putin shake hands during a signing ceremony following their meeting at the Kremlin in Moscow, Russia, 22 April 2025. (EPA/Kristina Kormilitsyna / Sputnik / Kremlin)';
const MT_CAPTION = 'U.S.-Russian talks in Riyadh, Saudi Arabia. Russian Foreign Ministry Press Service';

const body = (a: Article) => a.paragraphs.filter((p) => p.kind === 'body').map((p) => p.text);
const ofKind = (a: Article, kind: string) => a.paragraphs.filter((p) => p.kind === kind).map((p) => p.text);

/** Every non-empty line of the file is a title, a paragraph or a removed block, exactly once. */
function expectEveryBlockAccountedFor(text: string, articles: Article[]) {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean).sort();
  const seen = articles.flatMap((a) => [...(a.title ? [a.title] : []), ...a.paragraphs.map((p) => p.text), ...a.removed.map((r) => r.text)]).sort();
  expect(seen).toEqual(lines);
}

describe('captionText', () => {
  it('strips a parenthesised credit', () => {
    expect(captionText(ASHARQ_CAPTION)).toBe('Officials are seen at the talks between the United States and Russia at the Diriyah Palace in Riyadh on Tuesday.');
    expect(captionText(OMAN_CAPTION)).toBe('Sultan of Oman Haitham bin Tariq al-Said (L) and Russian President Vladimir Putin shake hands during a signing ceremony following their meeting at the Kremlin in Moscow, Russia, 22 April 2025.');
  });

  it('strips an unpunctuated trailing credit', () => {
    expect(captionText(MT_CAPTION)).toBe('U.S.-Russian talks in Riyadh, Saudi Arabia.');
  });

  it('returns null for reporting paragraphs', () => {
    expect(captionText('Russia and the US agreed Tuesday to start working toward ending the war in Ukraine and improving their diplomatic and economic ties, the two countries\' top diplomats said after meeting in Riyadh.')).toBeNull();
    expect(captionText('The Russian Direct Investment Fund (RDIF) proposed several joint ventures that could benefit both economies, including energy infrastructure projects and agricultural trade agreements.')).toBeNull();
    expect(captionText('Lavrov echoed Rubio\'s remarks and told reporters that \u201cthe conversation was very useful.\u201d')).toBeNull();
  });
});

describe('splitDateline', () => {
  it('splits "RIYADH:" from the story', () => {
    const p = 'RIYADH: Top US and Russian diplomats met on Tuesday in Saudi Arabia.';
    const d = splitDateline(p);
    expect(d).not.toBeNull();
    expect(d!.place).toBe('RIYADH');
    expect(d!.rest).toBe('Top US and Russian diplomats met on Tuesday in Saudi Arabia.');
    expect(p.slice(d!.offset)).toBe(d!.rest);
  });

  it('handles "MOSCOW (Reuters) -"', () => {
    expect(splitDateline('MOSCOW (Reuters) - The Kremlin said on Monday the talks would focus on relations.')?.place).toBe('MOSCOW');
  });

  it('finds none in ordinary openings', () => {
    expect(splitDateline('Russia and the United States agreed on Tuesday to begin working.')).toBeNull();
    expect(splitDateline('US State Department spokesperson Tammy Bruce called the meeting important.')).toBeNull();
    expect(splitDateline('\u201cWe have agreed to take account of each other\u2019s interests,\u201d said Yuri Ushakov.')).toBeNull();
  });
});

describe('parseDocument: Asharq Al-Awsat (two articles)', () => {
  const text = seed(FILES.asharq);
  const arts = parseDocument(text, 'asharq-al-awsat');

  it('finds two articles with their headlines and ids', () => {
    expect(arts.map((a) => a.id)).toEqual(['asharq-al-awsat:1', 'asharq-al-awsat:2']);
    expect(arts.map((a) => a.title)).toEqual([
      'Riyadh Meeting Paves Way to Restoring US-Russian Ties',
      'Russia\u2019s Putin Discusses US-Iran Nuclear Talks with Sultan of Oman',
    ]);
    expect(arts.every((a) => a.source === 'asharq-al-awsat')).toBe(true);
  });

  it('keeps the Diriyah caption exactly once and records the three duplicates as removed', () => {
    const [riyadh] = arts;
    expect(ofKind(riyadh!, 'caption')).toEqual([ASHARQ_CAPTION]);
    expect(riyadh!.paragraphs[0]).toEqual({ text: ASHARQ_CAPTION, kind: 'caption' });
    const dups = riyadh!.removed.filter((r) => r.text === ASHARQ_CAPTION);
    expect(dups.length).toBe(3);
    for (const d of dups) expect(d.why).toMatch(/duplicat/);
  });

  it('removes the stray "TT" marker and the repeated headline', () => {
    for (const a of arts) {
      expect(a.removed.some((r) => r.text === 'TT')).toBe(true);
      expect(a.removed.some((r) => r.text === a.title)).toBe(true);
      expect(a.paragraphs.some((p) => p.text === 'TT' || p.text === a.title)).toBe(false);
    }
  });

  it('has the sixteen body paragraphs of the Riyadh article in order, trimmed', () => {
    const b = body(arts[0]!);
    expect(b.length).toBe(16);
    expect(b[0]).toBe("Russia and the US agreed Tuesday to start working toward ending the war in Ukraine and improving their diplomatic and economic ties, the two countries' top diplomats said after meeting in Riyadh.");
    expect(b[2]).toBe('The meeting was attended by Saudi Foreign Minister Prince Faisal bin Farhan bin Abdullah, Russian Foreign Minister Sergei Lavrov and US Secretary of State Marco Rubio.');
    expect(b[8]).toBe('\u201cWe not only listened, but also heard each other,\u201d he said.');
    expect(b[15]).toBe('Witkoff said the meeting was \u201cpositive, upbeat, constructive. Everybody was there to get to the right outcome.\u201d');
    for (const p of b) expect(p).toBe(p.trim());
  });

  it('the Oman article has its caption once and its eight body paragraphs', () => {
    const oman = arts[1]!;
    expect(ofKind(oman, 'caption')).toEqual([OMAN_CAPTION]);
    expect(oman.removed.filter((r) => r.text === OMAN_CAPTION).length).toBe(3);
    const b = body(oman);
    expect(b.length).toBe(8);
    expect(b[0]!.startsWith('Russian President Vladimir Putin discussed Iran')).toBe(true);
    expect(b[7]!.startsWith('It was the second time in less than a week')).toBe(true);
    expect(body(arts[0]!).some((p) => p.includes('Oman'))).toBe(false);
  });

  it('accounts for every block of the file', () => expectEveryBlockAccountedFor(text, arts));
});

describe('parseDocument: unattributed wire report', () => {
  const text = seed(FILES.wire);
  const arts = parseDocument(text, 'unattributed-wire');

  it('is one article without a headline, fifteen body paragraphs, nothing removed', () => {
    expect(arts.length).toBe(1);
    expect(arts[0]!.title).toBeNull();
    expect(arts[0]!.dateline).toBeNull();
    expect(body(arts[0]!).length).toBe(15);
    expect(arts[0]!.paragraphs.every((p) => p.kind === 'body')).toBe(true);
    expect(arts[0]!.removed).toEqual([]);
    expect(body(arts[0]!)[0]).toBe('Russia and the United States agreed on Tuesday to begin working toward ending the conflict and improving diplomatic and economic ties.');
  });

  it('accounts for every block of the file', () => expectEveryBlockAccountedFor(text, arts));
});

describe('parseDocument: The Moscow Times', () => {
  const text = seed(FILES.moscowTimes);
  const arts = parseDocument(text, 'moscow-times');
  const a = arts[0]!;

  it('is one article with its headline and caption', () => {
    expect(arts.length).toBe(1);
    expect(a.title).toBe('U.S.-Russia Talks Begin in Saudi Arabia');
    expect(ofKind(a, 'caption')).toEqual([MT_CAPTION]);
  });

  it('has the eleven reporting paragraphs, from "Top Russian and U.S. officials" to Guo Jiakun', () => {
    const b = body(a);
    expect(b.length).toBe(11);
    expect(b[0]!.startsWith('Top Russian and U.S. officials met in Saudi Arabia on Tuesday')).toBe(true);
    expect(b[10]!.startsWith('In Beijing, Chinese Foreign Ministry spokesman Guo Jiakun')).toBe(true);
  });

  it('removes the support banner, credit line, newsletter box and donation appeal', () => {
    const removed = a.removed.map((r) => r.text);
    for (const t of [
      'Support The Moscow Times!',
      'AFP contributed reporting.',
      'Sign up for our free weekly newsletter',
      'Subscribers agree to the Privacy Policy',
      'A Message from The Moscow Times:',
      'Dear readers,',
      'Not ready to support today?',
      'Remind me later.',
      'Read more',
    ]) expect(removed).toContain(t);
    expect(removed.some((t) => t.startsWith('We, the journalists of The Moscow Times, refuse to be silenced.'))).toBe(true);
    expect(removed.some((t) => t.startsWith('Your support, no matter how small'))).toBe(true);
    const kept = a.paragraphs.map((p) => p.text).join('\n');
    expect(kept).not.toMatch(/newsletter|Privacy Policy|Dear readers|support us|contributed reporting|Remind me later/i);
  });

  it('accounts for every block of the file', () => expectEveryBlockAccountedFor(text, arts));
});

describe('parseDocument: post-truth.eu', () => {
  const text = seed(FILES.postTruth);
  const arts = parseDocument(text, 'post-truth');
  const a = arts[0]!;
  const HEADINGS = [
    'Restoring Full Diplomatic Engagement',
    'A New Approach to Ukraine Peace Talks',
    'Mutual Respect and Recognition of Strategic Interests',
    'Economic and Trade Cooperation: A Renewed Focus',
    'A Putin-Trump Summit in the Works',
    'The New Russia-US Relations, hope for the world',
  ];

  it('is one article with its headline', () => {
    expect(arts.length).toBe(1);
    expect(a.title).toBe('Rebuilding ties and charting a new era: Russia-US talks in Riyadh');
  });

  it('keeps the six section headings as headings, in place, not as new articles', () => {
    expect(ofKind(a, 'heading')).toEqual(HEADINGS);
    expect(a.paragraphs.map((p) => p.kind[0]).join('')).toBe('bbhbbbhbbbhbbbhbbbhbbbhbbb');
    expect(body(a).length).toBe(20);
  });

  it('removes share / prev / next / comment chrome and the linked post titles', () => {
    const removed = a.removed.map((r) => r.text);
    for (const t of [
      'Share this article',
      'Shareable URL',
      'Prev Post',
      'U.S. suspends immigration applications of Ukrainians and other migrants under Biden programs',
      'Next Post',
      'Zelensky faces pressure over elections as US-Ukraine rift widens',
      'Leave a Reply',
      'Read next',
    ]) expect(removed).toContain(t);
    expect(body(a)[19]!.startsWith('As both great nations prepare for a potential summit')).toBe(true);
  });

  it('accounts for every block of the file', () => expectEveryBlockAccountedFor(text, arts));
});

describe('parseDocument: Arab News', () => {
  const text = seed(FILES.arabNews);
  const arts = parseDocument(text, 'arab-news');

  it('is one article without a headline, with the dateline RIYADH and seventeen paragraphs', () => {
    expect(arts.length).toBe(1);
    expect(arts[0]!.title).toBeNull();
    expect(arts[0]!.dateline).toBe('RIYADH');
    expect(body(arts[0]!).length).toBe(17);
    expect(arts[0]!.removed).toEqual([]);
  });

  it('accounts for every block of the file', () => expectEveryBlockAccountedFor(text, arts));
});

describe('parseDocument: generality on a synthetic sixth document', () => {
  // Same kind of page, different words: a headline repeated by the template with a duplicated photo
  // caption and a stray marker, body paragraphs with quotes, a newsletter box and a donation appeal
  // after the story, then a second, unrelated article with its own headline and caption.
  const HEAD1 = 'Harbour Summit Opens Door to Fishing Accord';
  const CAP1 = 'Delegates walk along the quay before the harbour summit in Valletta on Monday. (AFP)';
  const HEAD2 = 'City Council Approves New Tram Line';
  const CAP2 = 'Workers lay tracks for the new tram line in the city centre on Friday. (Jane Doe/Reuters)';
  const BODY1 = [
    'VALLETTA: Ministers from Norway and Iceland agreed on Monday to draft a joint fishing accord within six weeks, officials said after the talks.',
    '\u201cWe came with different charts and left with one map,\u201d the Norwegian minister told reporters.',
    'Icelandic negotiator Anna Jonsdottir said the talks were "frank but friendly." She added that quotas would be reviewed in the spring.',
    'No date has been set for the signing ceremony, which officials called unlikely before the summer.',
  ];
  const BODY2 = [
    'The city council voted on Friday to approve a new tram line linking the harbour to the university.',
    'The mayor said construction would begin next year and take about 18 months.',
  ];
  const FURNITURE1 = [
    'NN',
    'Get our morning newsletter',
    'Our daily newsletter brings the top stories to your inbox every morning.',
    'Subscribers agree to the Privacy Policy',
    'Dear readers,',
    'We rely on you to keep our reporting free. If you value our journalism, please support us with a small donation today.',
    'Donate',
    'Monthly',
  ];
  const doc = [
    HEAD1, '', CAP1, CAP1, 'NN', '', HEAD1, '', CAP1, '',
    BODY1.join('\n\n'), '',
    'Get our morning newsletter', '',
    'Our daily newsletter brings the top stories to your inbox every morning.',
    'Subscribers agree to the Privacy Policy', '',
    'Dear readers,', '',
    'We rely on you to keep our reporting free. If you value our journalism, please support us with a small donation today.', '',
    'Donate', 'Monthly', '', '', '',
    HEAD2, '', CAP2, CAP2, '',
    BODY2.join('\n\n'),
  ].join('\n');
  const arts = parseDocument(doc, 'synthetic');

  it('finds the two articles with their headlines', () => {
    expect(arts.map((a) => a.id)).toEqual(['synthetic:1', 'synthetic:2']);
    expect(arts.map((a) => a.title)).toEqual([HEAD1, HEAD2]);
  });

  it('keeps each caption once and records the duplicates, the marker and the repeated headline', () => {
    expect(ofKind(arts[0]!, 'caption')).toEqual([CAP1]);
    expect(ofKind(arts[1]!, 'caption')).toEqual([CAP2]);
    expect(arts[0]!.removed.filter((r) => r.text === CAP1).length).toBe(2);
    expect(arts[1]!.removed.filter((r) => r.text === CAP2).length).toBe(1);
    expect(arts[0]!.removed.map((r) => r.text)).toEqual(expect.arrayContaining(['NN', HEAD1]));
  });

  it('the first article is exactly its four reporting paragraphs: newsletter box and donation appeal removed', () => {
    expect(body(arts[0]!)).toEqual(BODY1);
    expect(arts[0]!.removed.map((r) => r.text)).toEqual(expect.arrayContaining(FURNITURE1));
  });

  it('the second article is exactly its two paragraphs', () => {
    expect(body(arts[1]!)).toEqual(BODY2);
  });

  it('reads the dateline of the first article', () => {
    expect(arts[0]!.dateline).toBe('VALLETTA');
    expect(arts[1]!.dateline).toBeNull();
  });

  it('accounts for every block of the document', () => expectEveryBlockAccountedFor(doc, arts));

  it('parses the same with Windows line endings and without blank lines between paragraphs', () => {
    const crlf = parseDocument(doc.replace(/\n/g, '\r\n'), 'synthetic');
    expect(crlf.map((a) => [a.title, body(a)])).toEqual(arts.map((a) => [a.title, body(a)]));
    const tight = parseDocument([HEAD1, '', CAP1, '', ...BODY1].join('\n'), 'tight');
    expect(tight.length).toBe(1);
    expect(body(tight[0]!)).toEqual(BODY1);
  });
});
