// npm run eval [-- --errors] [-- --pages cov-16,cov-17] — the engine's figures on the gold set:
// precision, recall and F1 per stance on the test pages (dev, held-out, all), the gate's accuracy,
// near-miss matches, and the labelled corpus pairs. --errors lists every missed and spurious match;
// --real scores the real-world set instead (test/fixtures/real: both halves; --json prints
// {"dev": H, "test": H}; --errors lists the misses of the development half only, never the test half's);
// --pages also prints the figures of the named pages alone. The intervals are 95% percentile-bootstrap
// intervals over paragraphs (seeded): how far the F1 could move with other pages of the same kind.
import { evaluateGold } from './gold';
import { evaluateReal } from './real';
import { PAIR_LABELS, addCounts, prf, type Counts } from './evaluate';

// `npm run eval | head` closes the pipe early: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
if (process.argv.includes('--real')) printReal();
else printGold();

function printGold(): void {
  const r = evaluateGold();
  console.log('Gold test pages (corroborating / conflicting matches listed per paragraph)');
  console.log('split     stance        P       R       F1   (95% interval)  tp  fp  fn   gate acc  near-miss matches');
  for (const split of ['dev', 'holdout', 'all'] as const) {
    const s = r.bySplit[split];
    for (const st of ['corroborates', 'conflicts'] as const) {
      const v = s[st];
      console.log(
        `${split.padEnd(9)} ${st.padEnd(13)} ${pct(v.precision).padStart(6)}  ${pct(v.recall).padStart(6)}  ${v.f1.toFixed(3)} (${s.interval[st].low.toFixed(2)}–${s.interval[st].high.toFixed(2)})  ${String(v.tp).padStart(3)} ${String(v.fp).padStart(3)} ${String(v.fn).padStart(3)}   ${st === 'corroborates' ? pct(s.gateAccuracy).padStart(7) : '       '}   ${st === 'corroborates' ? s.nearMissMatches : ''}`,
      );
    }
  }
  console.log('\nLabelled corpus pairs (accuracy ' + pct(r.pairs.accuracy) + ')');
  console.log('label          P       R       F1');
  for (const l of PAIR_LABELS) {
    const v = r.pairs.perLabel[l];
    console.log(`${l.padEnd(13)} ${pct(v.precision).padStart(6)}  ${pct(v.recall).padStart(6)}  ${v.f1.toFixed(3)}`);
  }
  console.log('confusion (rows gold, columns predicted):', JSON.stringify(r.pairs.confusion));
  const pagesArg = process.argv.indexOf('--pages');
  if (pagesArg > 0) {
    const names = (process.argv[pagesArg + 1] ?? '').split(',').filter(Boolean);
    const sel = r.pages.filter((p) => names.includes(p.name));
    if (sel.length !== names.length) console.error(`unknown page(s): ${names.filter((n) => !sel.some((p) => p.name === n)).join(', ')}`);
    let c: Counts = { tp: 0, fp: 0, fn: 0 },
      k: Counts = { tp: 0, fp: 0, fn: 0 };
    for (const p of sel) {
      c = addCounts(c, p.score.counts.corroborates);
      k = addCounts(k, p.score.counts.conflicts);
    }
    console.log(`\nPages ${sel.map((p) => p.name).join(', ')}`);
    for (const [st, v] of [
      ['corroborates', prf(c)],
      ['conflicts', prf(k)],
    ] as const) {
      console.log(
        `${st.padEnd(13)} P ${pct(v.precision).padStart(6)}  R ${pct(v.recall).padStart(6)}  F1 ${v.f1.toFixed(3)}  (tp ${v.tp}, fp ${v.fp}, fn ${v.fn})`,
      );
    }
  }
  if (process.argv.includes('--errors')) {
    for (const p of r.pages) {
      const e = p.score.errors;
      if (!e.missed.length && !e.spurious.length) continue;
      console.log(`\n== ${p.name} (${p.split})`);
      for (const m of e.missed) console.log(`  MISSED   ¶${m.paragraph} ${m.stance} ${m.source}: ${m.statement.slice(0, 90)}`);
      for (const m of e.spurious)
        console.log(`  SPURIOUS ¶${m.paragraph} ${m.stance} ${m.source}: ${m.statement.slice(0, 90)} [${m.reason}]`);
    }
  }
}

function printReal(): void {
  const r = evaluateReal();
  if (process.argv.includes('--json')) {
    const h = (x: (typeof r.halves)['dev']) => ({
      articles: x.articles,
      corroborates: x.corroborates,
      conflicts: x.conflicts,
      gate: x.gate,
      nearMissMatches: x.nearMissMatches,
      conflictsWithGold: x.conflictsWithGold,
      intervals: x.intervals,
    });
    process.stdout.write(JSON.stringify({ dev: h(r.halves.dev), test: h(r.halves.test) }) + '\n');
    return;
  }
  const f = (x: { p: number; r: number; f1: number }) => `${pct(x.p).padStart(6)}  ${pct(x.r).padStart(6)}  ${x.f1.toFixed(3)}`;
  const iv = (x: { low: number; high: number }) => `(${x.low.toFixed(2)}–${x.high.toFixed(2)})`;
  const n = (c: Counts) => `${String(c.tp).padStart(3)} ${String(c.fp).padStart(3)} ${String(c.fn).padStart(3)}`;
  console.log('Real-world set (test/fixtures/real): listed corroborations / conflicts per paragraph');
  console.log('half  articles (cov+miss)  stance                P       R       F1   (95% interval)   tp  fp  fn');
  for (const half of ['dev', 'test'] as const) {
    const x = r.halves[half];
    const head = `${half.padEnd(5)} ${String(x.articles).padStart(3)} (${x.coverageArticles}+${x.nearMissArticles})`.padEnd(26);
    console.log(`${head}corroborates       ${f(x.corroborates)} ${iv(x.intervals.corroborates)}  ${n(x.counts.corroborates)}`);
    console.log(`${''.padEnd(26)}conflicts (real)   ${f(x.conflicts)} ${iv(x.intervals.conflicts)}  ${n(x.counts.conflicts)}`);
    console.log(
      `${''.padEnd(26)}conflicts (+gold)  ${f(x.conflictsWithGold)} ${iv(x.intervals.conflictsWithGold)}  ${n(x.counts.conflictsWithGold)}`,
    );
    console.log(`${''.padEnd(26)}gate ${x.gate.right}/${x.gate.total} right; ${x.nearMissMatches} matches listed on near misses`);
  }
  console.log(
    "(conflicts +gold: the real conflicts pooled with the gold pages' of the same role — dev pages for dev, held-out pages for test)",
  );
  if (process.argv.includes('--errors')) {
    for (const g of r.halves.dev.gateMisses) console.log(`GATE WRONG (dev) ${g.name} [${g.kind}]: ${g.reason}`);
    for (const x of r.articles.filter((y) => y.a.half === 'dev')) {
      if (!x.score.missed.length && !x.score.spurious.length) continue;
      console.log(`\n== ${x.a.name} (dev)`);
      for (const m of x.score.missed) console.log(`  MISSED   ¶${m.paragraph} ${m.stance} ${m.source}: ${m.statement.slice(0, 90)}`);
      for (const m of x.score.spurious)
        console.log(`  SPURIOUS ¶${m.paragraph} ${m.stance} ${m.source}: ${m.statement.slice(0, 90)} [${m.reason}]`);
    }
  }
}
