// FNC-1 stance model: the CSV reader, the pair features, the honest validation score of the
// validation-fold model (body-ID hold-out, target ≥ 80) and the CLI on a small slice.
import { describe, it, expect } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { spawnSync } from 'node:child_process';
import { parseCsv, formatCsv, readStances, loadTrain, loadModel, VALFOLD_FILE, MODEL_FILE, InputError } from '../../tools/fnc1';
import { evaluateFnc1Validation } from '../../tools/fnc1-eval';
import { ROOT } from '../../tools/corpus-files';
import { FNC1_CLASSES, FNC1_FEATURES, fnc1Features, prepareBody, makeIdf, FLAT_IDF } from '../../tools/fnc1-features';

describe('parseCsv', () => {
  it('keeps newlines, commas and "" escapes inside quoted fields', () => {
    const text = 'Body ID,articleBody\n1,"Line one,\nline ""two""\r\n\r\nline three"\n2,plain\n';
    expect(parseCsv(text)).toEqual([
      ['Body ID', 'articleBody'],
      ['1', 'Line one,\nline "two"\r\n\r\nline three'],
      ['2', 'plain'],
    ]);
  });

  it('handles CRLF records, a BOM, empty fields and no final newline', () => {
    expect(parseCsv('\ufeffa,b,c\r\n"",,x\r\n"q"')).toEqual([['a', 'b', 'c'], ['', '', 'x'], ['q']]);
    expect(parseCsv('a\rb\r')).toEqual([['a'], ['b']]);
    expect(parseCsv('x,""""\n')).toEqual([['x', '"']]);
  });

  it('rejects an unterminated quoted field', () => {
    expect(() => parseCsv('a,"open\n')).toThrow(InputError);
  });

  it('round-trips what formatCsv writes', () => {
    const rows = [
      ['Headline', 'Body ID', 'Stance'],
      ['He said "no", twice\nthen left', '7', 'agree'],
      [' padded ', '8', 'discuss'],
    ];
    expect(parseCsv(formatCsv(rows))).toEqual(rows);
  });
});

describe('fnc1Features', () => {
  const body =
    'A man in Texas claims he found a giant spider in his garage.\n\nLocal officials have not confirmed the report. "It is a hoax," said a spokesman, who denied the spider existed.\nThe video, posted on Monday, has 2 million views.';
  const headline = 'Giant spider found in Texas garage, officials say';

  it('gives one finite value per named feature, the same every time', () => {
    const idf = makeIdf(loadModel(MODEL_FILE).idf);
    for (const model of [idf, FLAT_IDF]) {
      const a = fnc1Features(headline, prepareBody(body, model));
      const b = fnc1Features(headline, prepareBody(body, model));
      expect(a.length).toBe(FNC1_FEATURES.length);
      expect(new Set(FNC1_FEATURES).size).toBe(FNC1_FEATURES.length);
      for (const v of a) expect(Number.isFinite(v)).toBe(true);
      expect(Array.from(b)).toEqual(Array.from(a));
    }
    for (const [h, t] of [
      ['', ''],
      ['?', '...'],
      [headline, ''],
      ['', body],
    ]) {
      for (const v of fnc1Features(h!, prepareBody(t!, idf))) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('scores a related body above an unrelated one', () => {
    const idf = makeIdf(loadModel(MODEL_FILE).idf);
    const cos = FNC1_FEATURES.indexOf('cos_body');
    const related = fnc1Features(headline, prepareBody(body, idf));
    const unrelated = fnc1Features('Apple to launch a streaming TV service in April', prepareBody(body, idf));
    expect(related[cos]!).toBeGreaterThan(unrelated[cos]! + 0.2);
  });
});

describe('validation score (body-ID hold-out, validation-fold model)', () => {
  it('reaches the FNC-1 relative score target of 80 with a model not fit on the held-out bodies', () => {
    const v = evaluateFnc1Validation();
    const meta = loadModel(VALFOLD_FILE).meta as { split: { validationPairs: number } };
    expect(v.n).toBe(meta.split.validationPairs);
    expect(v.confusion.flat().reduce((a, b) => a + b, 0)).toBe(v.n);
    if (!v.featuresCurrent) console.warn('fnc1: feature values changed since training; rebuild with npx tsx tools/train-fnc1.ts');
    console.log(`fnc1 validation relative score ${v.relativeScore.toFixed(2)} on ${v.n} pairs`);
    expect(v.relativeScore).toBeGreaterThanOrEqual(80);
  });
});

describe('npm run fnc1 (CLI)', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tools', 'fnc1.ts'), ...args], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 30_000,
    });

  it('writes one Headline,Body ID,Stance row per input pair, in input order, with valid labels', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fnc1-'));
    try {
      const train = loadTrain();
      const pairs = train.pairs.filter((_, i) => i % 997 === 0).slice(0, 40);
      // A headline that needs quoting, on a body already in the slice.
      pairs.splice(3, 0, { headline: 'Quoted "hoax", with a comma\nand a line break', bodyId: pairs[0]!.bodyId });
      const ids = [...new Set(pairs.map((p) => p.bodyId))];
      writeFileSync(join(dir, 'bodies.csv'), formatCsv([['Body ID', 'articleBody'], ...ids.map((id) => [id, train.bodies.get(id)!])]));
      writeFileSync(join(dir, 'stances.csv'), formatCsv([['Headline', 'Body ID'], ...pairs.map((p) => [p.headline, p.bodyId])]));
      const r = run(['--bodies', join(dir, 'bodies.csv'), '--stances', join(dir, 'stances.csv'), '--out', join(dir, 'out.csv')]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/agree \d+, disagree \d+, discuss \d+, unrelated \d+/);
      const rows = parseCsv(readFileSync(join(dir, 'out.csv'), 'utf8'));
      expect(rows[0]).toEqual(['Headline', 'Body ID', 'Stance']);
      expect(rows.length - 1).toBe(pairs.length);
      rows.slice(1).forEach((row, i) => {
        expect(row.slice(0, 2)).toEqual([pairs[i]!.headline, pairs[i]!.bodyId]);
        expect(FNC1_CLASSES).toContain(row[2]);
      });
      // The output reads back as a stances file with a Stance column.
      expect(readStances(join(dir, 'out.csv')).length).toBe(pairs.length);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('exits 2 with one line on stderr for a missing file or a missing column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fnc1-'));
    try {
      writeFileSync(join(dir, 'bodies.csv'), 'Body ID,articleBody\n1,text\n');
      writeFileSync(join(dir, 'nohead.csv'), 'Title,Body ID\nx,1\n');
      const missing = run(['--bodies', join(dir, 'nope.csv'), '--stances', join(dir, 'nohead.csv'), '--out', join(dir, 'o.csv')]);
      expect(missing.status).toBe(2);
      expect(missing.stderr.trim().split('\n')).toHaveLength(1);
      expect(missing.stderr).toMatch(/not found: .*nope\.csv/);
      const column = run(['--bodies', join(dir, 'bodies.csv'), '--stances', join(dir, 'nohead.csv'), '--out', join(dir, 'o.csv')]);
      expect(column.status).toBe(2);
      expect(column.stderr.trim().split('\n')).toHaveLength(1);
      expect(column.stderr).toMatch(/no "Headline" column/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
