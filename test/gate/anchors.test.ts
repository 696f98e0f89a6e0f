// lib/gate/anchors.ts: the probe's anchors come from the compiled signature — the event's places and
// leading people in every spelling — and leave out figures who are in the news every day.
import { describe, expect, it } from 'vitest';
import { anchorPattern } from '../../lib/gate/anchors';
import { openingText } from '../../lib/gate/opening-text';
import { loadCompiled } from '../../tools/corpus-files';
import { parseDocument } from '../../tools/page-pipeline';
import { loadGoldPages } from '../../tools/fixtures';

const re = new RegExp(anchorPattern(loadCompiled().signature), 'i');

describe('probe anchors', () => {
  it('match the event’s places and leading people in any spelling', () => {
    for (const s of [
      'Talks in Riyadh',
      'at Diriyah Palace',
      'Sergey Lavrov said',
      'Sergei Lavrov',
      'RUBIO',
      'Mike Waltz',
      'Saudi Arabia hosts',
    ])
      expect(re.test(s), s).toBe(true);
  });

  it('ignore names that are in the news every day, and partial words', () => {
    for (const s of ['Trump spoke to Putin', 'Zelensky in Kyiv', 'The Waltzing Matilda festival', 'Rubiosa', 'a Saudiest'])
      expect(re.test(s), s).toBe(false);
  });

  it('wake the gate on every coverage page of the gold set (so the gate decides)', () => {
    for (const g of loadGoldPages().filter((p) => p.kind === 'coverage')) {
      const doc = parseDocument(g.html);
      expect(re.test(`${doc.title}\n${openingText(doc)}`), g.name).toBe(true);
    }
  });

  it('reads only the opening paragraphs', () => {
    const doc = parseDocument(`<html><body>${'<p>filler text here.</p>'.repeat(400)}<p>Lavrov</p></body></html>`);
    expect(openingText(doc).length).toBeLessThan(3100);
    expect(re.test(openingText(doc))).toBe(false);
  });
});
