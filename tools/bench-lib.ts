// Measurement helpers for `npm run bench`: median/min/max of repeated runs after a warm-up.

export interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
}

/** Runs `fn` `warmup` times, then `runs` times, and summarises the wall times in milliseconds. */
export function time(fn: () => unknown, runs = 20, warmup = 3): Timing {
  for (let i = 0; i < warmup; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    ts.push(performance.now() - t0);
  }
  return summarise(ts);
}

export async function timeAsync(fn: () => Promise<unknown>, runs = 20, warmup = 2): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    ts.push(performance.now() - t0);
  }
  return summarise(ts);
}

export function summarise(ts: number[]): Timing {
  const s = [...ts].sort((a, b) => a - b);
  const m = s.length >> 1;
  const median = s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { median: r(median), min: r(s[0]!), max: r(s[s.length - 1]!), runs: s.length };
}
