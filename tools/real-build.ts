// Builds the real-world evaluation fixtures (test/fixtures/real/{dev,test}/) from raw captures of
// stored web pages (test/fixtures/real/sources/*.json, see FORMAT.md there) and hand labels
// (sources/labels/<slug>.json). Text is never edited: an excerpt is split into lines at newlines,
// a stored " date YYYY-MM-DD" prefix becomes a line of its own, blank lines and exact repeats are
// dropped, and a line that is a prefix of a longer line (an excerpt cut short) gives way to it.
//
//   tsx tools/real-build.ts skeleton   numbered lines per article, for labelling (sources/skeleton/, not kept)
//   tsx tools/real-build.ts inventory  the corpus statements by id, for labelling
//   tsx tools/real-build.ts split      assigns each outlet group to dev or test (sources/split.json)
//   tsx tools/real-build.ts extend     adds articles captured later to the development half only
//   tsx tools/real-build.ts build      writes the fixtures from raw + labels + split
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ROOT, loadCompiled } from './corpus-files';

const REAL = join(ROOT, 'test/fixtures/real');
const IN = join(REAL, 'sources');

interface Raw {
  url: string;
  site: string;
  outlet: string;
  wire: string | null;
  date: string | null;
  title: string | null;
  kind: 'coverage' | 'near-miss';
  event: string;
  style: string;
  excerpts: string[];
}

interface Labels {
  /** Line index → why it is not article body (caption, credit, byline, heading, navigation, …). */
  nonBody?: Record<string, string>;
  expect?: { p: number; stance: 'corroborates' | 'conflicts'; id: string; note?: string }[];
  borderline?: { p: number; id: string; note?: string }[];
}

const DATE_PREFIX = /^\s*(date \d{4}-\d\d-\d\d)\s+/;

export function linesOf(excerpts: readonly string[]): { text: string; stored?: 'date' }[] {
  const out: { text: string; stored?: 'date' }[] = [];
  for (const ex of excerpts) {
    for (const raw of ex.split('\n')) {
      let line = raw.trim();
      if (!line) continue;
      const m = DATE_PREFIX.exec(raw);
      if (m) {
        if (!out.some((l) => l.text === m[1])) out.push({ text: m[1]!, stored: 'date' });
        line = raw.slice(m[0].length).trim();
        if (!line) continue;
      }
      const longer = out.findIndex((l) => l.text.startsWith(line));
      if (longer >= 0) continue;
      const shorter = out.findIndex((l) => line.startsWith(l.text) && !l.stored);
      if (shorter >= 0) out[shorter] = { text: line };
      else out.push({ text: line });
    }
  }
  return out;
}

function slugs(): string[] {
  return readdirSync(IN)
    .filter((f) => f.endsWith('.json') && f !== 'split.json')
    .map((f) => f.replace(/\.json$/, ''))
    .sort();
}

const readRaw = (slug: string) => JSON.parse(readFileSync(join(IN, `${slug}.json`), 'utf8')) as Raw;
/** The outlet a site belongs to: its registrable domain (balkan.news-pravda.com → news-pravda.com). */
function domainOf(site: string): string {
  const parts = site
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '')
    .split('.');
  if (/^\d+$/.test(parts.at(-1) ?? '')) return parts.join('.');
  const keep = parts.length > 2 && /^(co|com|net|org|gov|ac)$/.test(parts.at(-2)!) ? 3 : 2;
  return parts.slice(-keep).join('.');
}

/**
 * Outlet groups: articles of one outlet (registrable domain), of one wire, or sharing much wording
 * (over 15% of the shorter text's six-word runs: copies of one story on other sites) are one group.
 */
function groups(): Map<string, string> {
  const names = slugs();
  const raws = names.map(readRaw);
  const parent = names.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  const join = (i: number, j: number) => {
    parent[find(i)] = find(j);
  };
  const shingles = raws.map((r) => {
    const w =
      r.excerpts
        .join(' ')
        .toLowerCase()
        .match(/[a-z]+/g) ?? [];
    return new Set(w.slice(0, Math.max(0, w.length - 5)).map((_, i) => w.slice(i, i + 6).join(' ')));
  });
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = raws[i]!,
        b = raws[j]!;
      let shared = 0;
      for (const x of shingles[i]!) if (shingles[j]!.has(x)) shared++;
      const overlap = shared / Math.max(1, Math.min(shingles[i]!.size, shingles[j]!.size));
      if (domainOf(a.site) === domainOf(b.site) || (a.wire && a.wire.toLowerCase() === b.wire?.toLowerCase()) || overlap > 0.15) join(i, j);
    }
  }
  const out = new Map<string, string>();
  names.forEach((n, i) => out.set(n, names[find(i)]!));
  return out;
}

function skeleton(): void {
  mkdirSync(join(IN, 'skeleton'), { recursive: true });
  for (const s of slugs()) {
    const r = readRaw(s);
    const lines = linesOf(r.excerpts);
    const txt = [
      `# ${s}  (${r.kind})  ${r.outlet}  ${r.date ?? ''}  ${r.url}`,
      `# title: ${r.title ?? '(none)'}`,
      ...lines.map((l, i) => `[${i}]${l.stored ? ' (stored date: not body)' : ''} ${l.text}`),
    ].join('\n');
    writeFileSync(join(IN, 'skeleton', `${s}.txt`), txt + '\n');
  }
  console.log(`${slugs().length} skeletons in ${join(IN, 'skeleton')}`);
}

function inventory(): void {
  const c = loadCompiled();
  const lines = c.statements.map((s) => `${s.id} | ${s.text}`);
  writeFileSync(join(IN, 'statements.txt'), lines.join('\n') + '\n');
  console.log(`${lines.length} statements in ${join(IN, 'statements.txt')}`);
}

/** Outlet groups (a wire's copies are one group) to dev or test: balanced by article count, in an order fixed by a hash of the group name. */
function split(): void {
  const groupOfSlug = groups();
  const counts = new Map<string, { coverage: number; miss: number; members: string[] }>();
  for (const s of slugs()) {
    const r = readRaw(s);
    const name = groupOfSlug.get(s)!;
    const g = counts.get(name) ?? { coverage: 0, miss: 0, members: [] };
    if (r.kind === 'coverage') g.coverage++;
    else g.miss++;
    g.members.push(s);
    counts.set(name, g);
  }
  const h = (x: string) => createHash('sha256').update(x).digest('hex');
  const order = [...counts.entries()].sort(
    (a, b) => b[1].coverage + b[1].miss - (a[1].coverage + a[1].miss) || h(a[0]).localeCompare(h(b[0])),
  );
  const tally = { dev: { coverage: 0, miss: 0 }, test: { coverage: 0, miss: 0 } };
  const assign: Record<string, 'dev' | 'test'> = {};
  const byGroup: Record<string, string[]> = {};
  for (const [name, g] of order) {
    const kind = g.coverage >= g.miss ? 'coverage' : 'miss';
    const to =
      tally.test[kind] < tally.dev[kind] ? 'test' : tally.dev[kind] < tally.test[kind] ? 'dev' : h(name) < h(`${name}#`) ? 'test' : 'dev';
    for (const m of g.members) assign[m] = to;
    byGroup[name] = g.members;
    tally[to].coverage += g.coverage;
    tally[to].miss += g.miss;
  }
  writeFileSync(join(IN, 'split.json'), JSON.stringify({ assign, groups: byGroup }, null, 2) + '\n');
  console.log(JSON.stringify(tally));
}

/**
 * Adds articles captured after the split to the development half, leaving every earlier assignment as
 * it was; an article that shares an outlet group with any test-half article is refused (it would put
 * that outlet's wording on both sides).
 */
function extend(): void {
  const file = join(IN, 'split.json');
  const split = JSON.parse(readFileSync(file, 'utf8')) as { assign: Record<string, 'dev' | 'test'>; groups: Record<string, string[]> };
  const grouped = groups();
  const members = new Map<string, string[]>();
  for (const [slug, g] of grouped) members.set(g, [...(members.get(g) ?? []), slug]);
  let added = 0;
  for (const slug of slugs()) {
    if (split.assign[slug]) continue;
    const mates = members.get(grouped.get(slug)!) ?? [];
    const clash = mates.find((x) => split.assign[x] === 'test');
    if (clash) {
      console.error(`${slug}: shares an outlet group with test-half ${clash}; not added`);
      continue;
    }
    split.assign[slug] = 'dev';
    const home = mates.find((x) => split.assign[x] === 'dev' && x !== slug);
    const key = Object.entries(split.groups).find(([, m]) => home && m.includes(home))?.[0] ?? slug;
    split.groups[key] = [...(split.groups[key] ?? []), slug];
    added++;
  }
  writeFileSync(file, JSON.stringify(split, null, 2) + '\n');
  console.log(`${added} article(s) added to the development half`);
}

function build(): void {
  const { assign, groups: byGroup } = JSON.parse(readFileSync(join(IN, 'split.json'), 'utf8')) as {
    assign: Record<string, 'dev' | 'test'>;
    groups: Record<string, string[]>;
  };
  const groupOf = new Map(Object.entries(byGroup).flatMap(([g, members]) => members.map((m) => [m, g] as const)));
  // --partial: write unlabelled articles too, flagged (for work on the gate while labelling goes on).
  const partial = process.argv.includes('--partial');
  const c = loadCompiled();
  const byId = new Map(c.statements.map((s) => [s.id, s]));
  let problems = 0;
  for (const half of ['dev', 'test']) mkdirSync(join(REAL, half), { recursive: true });
  for (const s of slugs()) {
    const r = readRaw(s);
    const to = assign[s];
    if (!to) {
      console.error(`${s}: no split`);
      problems++;
      continue;
    }
    const labelFile = join(IN, 'labels', `${s}.json`);
    const labelled = existsSync(labelFile);
    if (!labelled && !partial) {
      console.error(`${s}: not labelled`);
      problems++;
      continue;
    }
    const labels = (labelled ? JSON.parse(readFileSync(labelFile, 'utf8')) : {}) as Labels;
    const lines = linesOf(r.excerpts);
    const stmt = (id: string) => {
      const st = byId.get(id);
      if (!st) {
        console.error(`${s}: unknown statement ${id}`);
        problems++;
      }
      return st;
    };
    const paragraphs = lines.map((l, i) => {
      const why = l.stored ? 'stored date' : labels.nonBody?.[String(i)];
      if (why) return { text: l.text, body: false, why };
      const expect = (labels.expect ?? [])
        .filter((e) => e.p === i)
        .flatMap((e) => {
          const st = stmt(e.id);
          return st ? [{ stance: e.stance, source: st.source, statementContains: st.text, ...(e.note ? { note: e.note } : {}) }] : [];
        });
      const borderline = (labels.borderline ?? [])
        .filter((e) => e.p === i)
        .flatMap((e) => {
          const st = stmt(e.id);
          return st ? [{ source: st.source, statementContains: st.text, ...(e.note ? { note: e.note } : {}) }] : [];
        });
      return { text: l.text, body: true, expect, ...(borderline.length ? { borderline } : {}) };
    });
    for (const e of [...(labels.expect ?? []), ...(labels.borderline ?? [])]) {
      if (!paragraphs[e.p]?.body) {
        console.error(`${s}: label on line ${e.p}, which is not a body line`);
        problems++;
      }
    }
    if (r.kind === 'near-miss' && (labels.expect ?? []).length) {
      console.error(`${s}: a near miss carries labels`);
      problems++;
    }
    const fixture = {
      url: r.url,
      site: r.site,
      outlet: r.outlet,
      wire: r.wire,
      group: groupOf.get(s),
      date: r.date,
      title: r.title,
      kind: r.kind,
      event: r.event,
      style: r.style,
      ...(labelled ? {} : { unlabelled: true }),
      stored: 'search tool, corpus "pages" (stored copy of the public page); lines verbatim',
      paragraphs,
    };
    writeFileSync(join(REAL, to, `${s}.json`), JSON.stringify(fixture, null, 2) + '\n');
  }
  if (problems) {
    console.error(`${problems} problem(s)`);
    process.exitCode = 1;
  }
}

const cmd = process.argv[1]?.endsWith('real-build.ts') ? process.argv[2] : 'none';
if (cmd === 'none') {
  /* imported */
} else if (cmd === 'skeleton') skeleton();
else if (cmd === 'inventory') inventory();
else if (cmd === 'split') split();
else if (cmd === 'build') build();
else if (cmd === 'extend') extend();
else {
  console.error('usage: tsx tools/real-build.ts skeleton|inventory|split|extend|build');
  process.exitCode = 2;
}
