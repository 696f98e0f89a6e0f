// Counts in plain words: one form for one, the other for any other number, and every key exists.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countMessage } from '../../lib/view/plural';
import { ROOT } from '../../tools/corpus-files';

const messages = JSON.parse(readFileSync(join(ROOT, 'public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const render = ([key, subs]: [string, string[]]) => messages[key]!.message.replace(/\$(\d)/g, (_, i: string) => subs[Number(i) - 1]!);

describe('countMessage', () => {
  it('says "1 statement" and "2 statements", "0 articles" and "1 article"', () => {
    expect(render(countMessage(1, 'statement'))).toBe('1 statement');
    expect(render(countMessage(2, 'statement'))).toBe('2 statements');
    expect(render(countMessage(0, 'article'))).toBe('0 articles');
    expect(render(countMessage(1, 'article'))).toBe('1 article');
  });

  it('has both forms of every countable thing', () => {
    for (const what of ['article', 'statement', 'source', 'outlet', 'site'] as const)
      for (const n of [1, 2]) expect(render(countMessage(n, what))).toMatch(new RegExp(`^${n} \\w+$`));
  });

  it('a success message says what happened', () => {
    expect(messages.addedSource!.message.replace('$1', 'My Notes').replace('$2', render(countMessage(2, 'statement')))).toBe(
      'Added My Notes: 2 statements',
    );
  });
});
