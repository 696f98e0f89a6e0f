// docs/benchmarks.md's table is generated from bench/results.json (tools/bench-doc.ts): a doc that
// no longer says what the committed results say fails here, and so does a results file missing a figure.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BENCH_DOC, BENCH_END, BENCH_START, RESULTS_FILE, generatedPart, renderBenchTable, withBenchTable } from '../tools/bench-doc';

const results = (): Record<string, unknown> => JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as Record<string, unknown>;

describe('docs/benchmarks.md from bench/results.json', () => {
  it('has exactly the table tools/bench-doc.ts renders from the committed results (else run npm run bench:doc)', () => {
    const doc = readFileSync(BENCH_DOC, 'utf8');
    expect(generatedPart(doc), 'docs/benchmarks.md is stale: run npm run bench:doc').toBe(renderBenchTable(results()));
    // Regenerating changes nothing, inside or outside the markers.
    expect(withBenchTable(doc, results())).toBe(doc);
  });

  it('names the run: its date and machine come from results.json', () => {
    const r = results() as { date: string; machine: { cpus: number; cpu: string; node: string } };
    const first = renderBenchTable(r).split('\n')[0]!;
    expect(first).toContain(r.date.slice(0, 10));
    expect(first).toContain(`${r.machine.cpus} × ${r.machine.cpu}`);
    expect(first).toContain(r.machine.node);
  });

  it('fails loudly, naming the field, when a required figure is missing', () => {
    const r = results() as { match_ms: Record<string, unknown>; machine: Record<string, unknown> };
    delete r.match_ms.warm;
    expect(() => renderBenchTable(r)).toThrow(/bench\/results\.json: match_ms\.warm\.median is missing/);
    const s = results() as { scale: unknown[] };
    s.scale = [];
    expect(() => renderBenchTable(s)).toThrow(/scale is missing or not a non-empty array/);
    const d = results();
    delete d.date;
    expect(() => renderBenchTable(d)).toThrow(/date is missing/);
    expect(() => renderBenchTable(null)).toThrow(/bench\/results\.json/);
  });

  it('refuses a --quick run and says so for parts a run skipped', () => {
    expect(() => renderBenchTable({ ...results(), quick: true })).toThrow(/--quick/);
    const table = renderBenchTable({ ...results(), browser: null, fnc1_s: null });
    expect(table).toContain('not measured in this run (`--no-browser`)');
    expect(table).toContain('not measured in this run (`--no-fnc1`)');
  });

  it('refuses a doc without its markers', () => {
    expect(() => withBenchTable('# Benchmarks\n', results())).toThrow(/markers/);
    expect(withBenchTable(`a\n${BENCH_START}\nold\n${BENCH_END}\nb\n`, results())).toBe(
      `a\n${BENCH_START}\n${renderBenchTable(results())}\n${BENCH_END}\nb\n`,
    );
  });
});
