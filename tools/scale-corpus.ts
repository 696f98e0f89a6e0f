// Grows the bundled corpus to N× its statements with realistic generated variants — recombined
// sentences, swapped names, places and numbers, and other events — for the scaling benchmark.
// Deterministic for a given factor (seeded PRNG).
import type { Statement } from '../lib/core/corpus';
import type { CompiledCorpus } from '../lib/corpus/compile';
import { claimKeys } from '../lib/claims';
import { analyze } from '../lib/text/analyze';
import { mulberry32 } from './gbdt-train';

const PEOPLE = [
  'Lavrov',
  'Rubio',
  'Waltz',
  'Witkoff',
  'Ushakov',
  'Dmitriev',
  'Peskov',
  'Macron',
  'Scholz',
  'Erdogan',
  'Guterres',
  'Blinken',
  'Wang Yi',
  'Starmer',
  'Meloni',
  'Sybiha',
  'Yermak',
  'Kellogg',
  'Vance',
  'Grossi',
];
const PLACES = [
  'Riyadh',
  'Geneva',
  'Istanbul',
  'Vienna',
  'Helsinki',
  'Doha',
  'Jeddah',
  'Abu Dhabi',
  'Minsk',
  'Ankara',
  'Oslo',
  'Beijing',
  'Brussels',
  'Anchorage',
];
const TOPICS = [
  'grain exports',
  'prisoner exchanges',
  'arms control',
  'energy prices',
  'Black Sea shipping',
  'nuclear safety',
  'trade tariffs',
  'visa rules',
  'air links',
  'cultural exchanges',
  'climate finance',
  'Arctic shipping',
];
const NUMBERS = ['two', 'three', 'four', 'five', 'six', 'nine', 'twelve', '24', '48', '176', '300'];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function variant(r: () => number, a: string, b: string): string {
  let text = r() < 0.35 ? `${a.replace(/[.!?"”]+$/, '')}, while ${b.charAt(0).toLowerCase()}${b.slice(1)}` : a;
  text = text.replace(/\b(Lavrov|Rubio|Waltz|Witkoff|Ushakov|Dmitriev|Peskov|Zelensky|Trump|Putin)\b/g, () => pick(r, PEOPLE));
  text = text.replace(/\b(Riyadh|Saudi Arabia|Diriyah Palace|Moscow|Washington)\b/g, () => pick(r, PLACES));
  text = text.replace(/\b(two|three|four|five|176|nearly)\b/g, () => pick(r, NUMBERS));
  if (r() < 0.5) text = text.replace(/\b(Ukraine|sanctions|embassies|the summit)\b/, () => pick(r, TOPICS));
  return text;
}

/** The bundled corpus with `factor` × its statements (the originals plus generated variants). */
export function scaledCorpus(corpus: CompiledCorpus, factor: number, seed = 42): CompiledCorpus {
  if (factor <= 1) return corpus;
  const r = mulberry32(seed + factor);
  const base = corpus.statements;
  const out: Statement[] = [...base];
  const sources = corpus.sources.map((s) => s.id);
  for (let i = 0; out.length < base.length * factor; i++) {
    const a = base[i % base.length]!;
    const b = pick(r, base);
    const text = variant(r, a.text, b.text);
    const an = analyze(text);
    const source = pick(r, sources);
    out.push({
      ...a,
      id: `gen-${i}`,
      source,
      article: `gen-article-${i % 500}`,
      text,
      entities: an.entities,
      terms: an.terms,
      figures: an.figures,
      quotes: an.quotes,
      cues: [...new Set(an.cues.map((c) => c.cue))],
      claims: claimKeys(an, a.speaker),
    });
  }
  return { ...corpus, statements: out, index: undefined as never };
}
