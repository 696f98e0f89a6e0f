// npm run claims -- "<sentence or paragraph>" [--json] — how the engine reads a text: its sentences,
// the speaker each is attributed to, the claim frames read (kind, values, the words they hang on) in a
// plain sentence each, the keys that retrieve statements making the same claims, and the per-statement
// lexical models' strongest readings of it. A window on the engine for whoever changes it.
import { analyze } from '../lib/text/analyze';
import { splitSentences } from '../lib/text/sentences';
import { findSpeaker } from '../lib/corpus/attribution';
import { claimKey, describeClaim, paragraphClaims } from '../lib/claims';
import { bundledMatcher } from './page-pipeline';

const args = process.argv.slice(2);
const json = args.includes('--json');
const text = args
  .filter((a) => a !== '--json')
  .join(' ')
  .trim();
if (!text) {
  console.error('usage: npm run claims -- "<sentence or paragraph>" [--json]');
  process.exit(2);
}
let focus: string | null = null;
const sentences = splitSentences(text).map((s) => analyze(s.text));
const speakers = sentences.map((a) => (focus = findSpeaker(a, focus) ?? focus));
const whole = sentences.length > 1 ? analyze(text) : sentences[0]!;
const { claims, sentence } = paragraphClaims(sentences, speakers, whole);
const m = bundledMatcher();
const cand = m.candidates(text, null, 10)[0];
const terms = cand?.paragraphTerms ?? new Set(sentences.flatMap((a) => a.terms));
const lex = m.data.model?.lex;
const readings = lex
  ? m.data.statements
      .map((s) => ({ p: lex.score(s.text, terms), statement: s.id, text: s.text }))
      .filter((r) => r.p >= 0.3)
      .sort((a, b) => b.p - a.p)
      .slice(0, 5)
      .map((r) => ({ ...r, p: Math.round(r.p * 1000) / 1000 }))
  : [];
const out = {
  sentences: sentences.map((a, i) => ({
    text: a.text,
    speaker: speakers[i] ?? null,
    entities: [...new Set(a.entities)],
    figures: a.figures.map((f) => f.text),
    negations: a.cues.map((c) => c.cue),
  })),
  claims: claims.map((c, i) => ({ sentence: sentence[i] ?? 0, reads: describeClaim(c), key: claimKey(c), claim: c })),
  lexicalReadings: readings,
};
if (json) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
else {
  out.sentences.forEach((s, i) =>
    console.log(
      `[${i}] ${s.text}\n    speaker: ${s.speaker ?? '—'}; entities: ${s.entities.join(', ') || '—'}${s.figures.length ? `; figures: ${s.figures.join(', ')}` : ''}${s.negations.length ? `; negations: ${s.negations.join(', ')}` : ''}`,
    ),
  );
  console.log(out.claims.length ? '\nclaims:' : '\nclaims: none read');
  for (const c of out.claims) console.log(`  [${c.sentence}] ${c.reads}    (${c.key})`);
  if (readings.length) console.log('\nstatements whose own lexical model reads this text (probability):');
  for (const r of readings) console.log(`  ${r.p.toFixed(2)}  ${r.statement}: ${r.text.slice(0, 110)}`);
}
