// Property tests (fast-check): on arbitrary input the text layer, the corpus parser, the export
// validator and the matcher never throw and keep their invariants. Seeded, so a failure reproduces.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { comparisonKey, normalizePunctuation } from '../lib/text/normalize';
import { splitSentences } from '../lib/text/sentences';
import { analyze } from '../lib/text/analyze';
import { parseDocument } from '../lib/corpus/parse';
import { buildStatements } from '../lib/corpus/statements';
import { parseExportFile } from '../lib/store/export-format';
import { UserError } from '../lib/core/errors';
import { bundledMatcher } from '../tools/page-pipeline';

const SEED = 20261204;
// Text with the characters news pages bring: letters, digits, punctuation, quotes, dashes, newlines,
// non-Latin scripts, emoji, control characters, lone surrogates.
const newsChar = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ.,;:!?"\'“”‘’—–-()[]0123456789\n\t'.split('')),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 2 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      'Lavrov',
      'Rubio',
      'Riyadh',
      'U.S.',
      'Dr.',
      'four and a half hours',
      '2025-02-18',
      'not at all',
      'مرحبا',
      'Київ',
      '🇸🇦',
      '\u200b',
      '\u0000',
    ),
  },
);
const newsText = fc.array(newsChar, { maxLength: 300 }).map((a) => a.join(''));
const params = { seed: SEED, numRuns: 200 };

describe('properties', () => {
  it('normalising is total and idempotent; the comparison key is stable', () => {
    fc.assert(
      fc.property(newsText, (s) => {
        const n = normalizePunctuation(s);
        expect(normalizePunctuation(n)).toBe(n);
        expect(comparisonKey(s)).toBe(comparisonKey(s));
        expect(comparisonKey(comparisonKey(s))).toBe(comparisonKey(s));
      }),
      params,
    );
  });

  it('sentences are verbatim, in order and inside the paragraph', () => {
    fc.assert(
      fc.property(newsText, (s) => {
        let last = 0;
        for (const x of splitSentences(s)) {
          expect(s.slice(x.start, x.end)).toBe(x.text);
          expect(x.start).toBeGreaterThanOrEqual(last);
          expect(x.text.trim().length).toBeGreaterThan(0);
          last = x.end;
        }
      }),
      params,
    );
  });

  it('analysis never throws and reads the same text the same way', () => {
    fc.assert(
      fc.property(newsText, (s) => {
        const a = analyze(s),
          b = analyze(s);
        expect(a.terms).toEqual(b.terms);
        expect(a.entities).toEqual(b.entities);
      }),
      params,
    );
  });

  it('the corpus parser keeps every statement verbatim in its source text', () => {
    const doc = fc
      .array(
        fc.oneof(
          newsText,
          fc.constantFrom('', 'Share this:', 'RIYADH: Top diplomats met on Tuesday.', 'Lavrov said the talks were “very useful.”'),
        ),
        { maxLength: 12 },
      )
      .map((l) => l.join('\n'));
    fc.assert(
      fc.property(doc, (text) => {
        for (const a of parseDocument(text, 'x')) {
          for (const st of buildStatements(a)) expect(text.includes(st.text)).toBe(true);
        }
      }),
      { ...params, numRuns: 100 },
    );
  });

  it('the export validator refuses anything malformed with a reason, never with a crash', () => {
    const anyJson = fc.oneof(
      fc.json({ maxDepth: 6 }),
      newsText,
      fc.constant(
        '{"format":"riyadh-cross-ref/sources","version":1,"user":[{"id":"user-a","name":"x","documents":[{"text":"y","url":"javascript:1"}]}]}',
      ),
    );
    fc.assert(
      fc.property(anyJson, (s) => {
        try {
          parseExportFile(s);
        } catch (e) {
          expect(e).toBeInstanceOf(UserError);
          expect((e as UserError).code).toBe('bad-import');
          expect((e as UserError).message).toMatch(/^This file can’t be imported: ./);
        }
      }),
      params,
    );
  });

  it('the matcher never throws: scores in range, stances known, the same input the same output', () => {
    const m = bundledMatcher();
    const page = fc.array(newsText, { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(page, (paras) => {
        const input = { url: 'https://example.org/a', title: 'Riyadh talks', paragraphs: paras.map((text, index) => ({ index, text })) };
        const r = m.crossReference(input, { force: true });
        expect(r.paragraphs).toHaveLength(paras.length);
        for (const p of r.paragraphs) {
          for (const x of p.matches) {
            expect(['corroborates', 'conflicts', 'related']).toContain(x.stance);
            expect(x.score).toBeGreaterThanOrEqual(0);
            expect(x.score).toBeLessThanOrEqual(1);
          }
        }
        expect(JSON.stringify(m.crossReference(input, { force: true }))).toBe(JSON.stringify(r));
      }),
      { ...params, numRuns: 60 },
    );
  }, 60_000);
});
