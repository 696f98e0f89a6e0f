// How the engine reads a sentence, as a case table: a phrasing and the claims it must yield (in the
// words `npm run claims -- "<sentence>"` prints). Add a row when a reading changes on purpose.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../lib/text/analyze';
import { splitSentences } from '../../lib/text/sentences';
import { findSpeaker } from '../../lib/corpus/attribution';
import { describeClaim, paragraphClaims } from '../../lib/claims';
import { ROOT } from '../../tools/corpus-files';

function readings(text: string): string[] {
  let focus: string | null = null;
  const sentences = splitSentences(text).map((s) => analyze(s.text));
  const speakers = sentences.map((a) => (focus = findSpeaker(a, focus) ?? focus));
  const whole = sentences.length > 1 ? analyze(text) : sentences[0]!;
  return paragraphClaims(sentences, speakers, whole).claims.map(describeClaim).sort();
}

const CASES: [string, string[]][] = [
  [
    'A Russian delegation led by Foreign Minister Sergey Lavrov met with a US team headed by Secretary of State Marco Rubio in Riyadh.',
    ['Lavrov led the Russian side', 'Lavrov took part', 'Rubio led the US side', 'Rubio took part', 'the two sides met in Riyadh'],
  ],
  ['The meeting lasted nearly four and a half hours.', ['the meeting lasted nearly four and a half hours']],
  ['Dmitriev told CNN that sanctions relief was not at all part of the agenda.', ['sanctions relief was not on the agenda']],
  ['No date has been set for a Trump-Putin summit.', ['no summit date is set']],
  ['No Ukrainian officials were present at the meeting.', ['Ukraine was not there']],
  ['Rubio was accompanied by Mike Waltz and Steve Witkoff.', ['Rubio took part', 'Waltz took part', 'Witkoff took part']],
  ['Lavrov called the conversation very useful.', ['Lavrov called the talks useful']],
  // Counterfactuals are not reports.
  ['Had Ukraine been invited, the talks might have gone differently.', []],
  // A different person in the role, and a different length: what a conflict is read from.
  [
    'Belousov headed the Russian delegation, and the talks ran for nearly five hours.',
    ['Belousov led the Russian side', 'Belousov took part', 'the meeting lasted nearly five hours'],
  ],
];

describe('sentence readings (case table)', () => {
  it.each(CASES)('%s', (text, expected) => {
    expect(readings(text)).toEqual([...expected].sort());
  });

  it('`npm run claims` prints the same readings, and refuses an empty call', () => {
    const out = execFileSync('npx', ['tsx', 'tools/claims.ts', '--json', CASES[0]![0]], { cwd: ROOT, encoding: 'utf8' });
    const j = JSON.parse(out) as { claims: { reads: string }[]; sentences: unknown[] };
    expect(j.claims.map((c) => c.reads).sort()).toEqual([...CASES[0]![1]].sort());
    expect(j.sentences).toHaveLength(1);
    let status = 0;
    try {
      execFileSync('npx', ['tsx', 'tools/claims.ts'], { cwd: ROOT, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      status = (e as { status: number }).status;
    }
    expect(status).toBe(2);
  }, 60_000);
});
