// `npm run xref` — the command line runs the extension's pipeline: the JSON contract, self-exclusion
// on corpus pages, and bad input (exit status 2 with one line on stderr).
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, loadCompiled } from '../../tools/corpus-files';
import { renderCorpusArticle } from '../../tools/demo-pages';
import { GOLD_DIR } from '../../tools/fixtures';

function xref(args: string[], input?: string) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools/xref.ts'), ...args], {
    cwd: ROOT,
    input,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'rxr-xref-'));
const corpus = loadCompiled();

describe('npm run xref -- --json', () => {
  it('prints exactly one JSON object of the documented shape for a test page', () => {
    const r = xref(['--json', join(GOLD_DIR, 'pages/cov-04.html')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const j = JSON.parse(lines[0]!);
    expect(Object.keys(j).sort()).toEqual(['coverage', 'paragraphs', 'self', 'title']);
    expect(typeof j.title).toBe('string');
    expect(j.coverage).toMatchObject({ isCoverage: true });
    expect(typeof j.coverage.score).toBe('number');
    expect(typeof j.coverage.reason).toBe('string');
    expect(j.self).toBeNull();
    expect(j.paragraphs.map((p: { index: number }) => p.index)).toEqual(j.paragraphs.map((_: unknown, i: number) => i));
    const matches = j.paragraphs.flatMap((p: { matches: unknown[] }) => p.matches);
    expect(matches.length).toBeGreaterThan(0);
    const texts = new Set(corpus.statements.map((s) => s.text));
    for (const m of matches) {
      expect(['corroborates', 'conflicts', 'related']).toContain(m.stance);
      for (const k of ['source', 'sourceId', 'article', 'statement', 'reason']) expect(typeof m[k]).toBe('string');
      expect(typeof m.score).toBe('number');
      expect(texts.has(m.statement)).toBe(true); // the corpus statement, verbatim
      expect(m.reason.length).toBeGreaterThan(5);
    }
  });

  it('recognises a corpus article dressed as a page and never lists its own outlet against it', () => {
    for (const a of corpus.articles.filter((x) => x.topic)) {
      const file = join(dir, `${a.source}.html`);
      writeFileSync(file, renderCorpusArticle(corpus, a));
      const j = JSON.parse(xref(['--json', file]).stdout);
      expect(j.self?.sourceId).toBe(a.source);
      for (const p of j.paragraphs) for (const m of p.matches) expect(m.sourceId).not.toBe(a.source);
    }
  });

  it('reads standard input with "-" and matches nothing on a near miss', () => {
    const html = readFileSync(join(GOLD_DIR, 'pages/miss-later-round.html'), 'utf8');
    const j = JSON.parse(xref(['--json', '-'], html).stdout);
    expect(j.coverage.isCoverage).toBe(false);
    expect(j.paragraphs.every((p: { matches: unknown[] }) => p.matches.length === 0)).toBe(true);
  });

  it('prints a readable report without --json', () => {
    const r = xref([join(GOLD_DIR, 'pages/cov-01.html')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Coverage: yes/m);
    expect(r.stdout).toMatch(/corroborates/);
  });
});

describe('npm run xref: bad input', () => {
  it('missing file → status 2, one line on stderr', () => {
    const r = xref(['--json', join(dir, 'nope.html')]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no such file/);
    expect(r.stdout).toBe('');
  });

  it('not HTML → status 2', () => {
    const f = join(dir, 'data.bin');
    writeFileSync(f, Buffer.from([0, 1, 2, 3, 255, 0, 10]));
    const r = xref([f]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/not an HTML document/);
  });

  it('unreachable URL → status 2', () => {
    const r = xref(['http://127.0.0.1:9/none.html']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/cannot reach/);
  });
});
