// `npm run corpus -- --json` (tools/corpus.ts): the printed JSON has the documented shape.
import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { ROOT } from './seeds';

interface View {
  version: string;
  sources: { id: string; name: string; [k: string]: unknown }[];
  articles: { id: string; source: string; title: string | null; topic: boolean; statements: { id: string; text: string; paragraph: number }[] }[];
}

describe('tools/corpus.ts --json', () => {
  const out = execFileSync('npx', ['tsx', 'tools/corpus.ts', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000, stdio: ['ignore', 'pipe', 'pipe'] });
  const view = JSON.parse(out) as View;

  it('prints 5 sources with id and name', () => {
    expect(view.sources.length).toBe(5);
    for (const s of view.sources) {
      expect(typeof s.id).toBe('string');
      expect(typeof s.name).toBe('string');
    }
    expect(view.sources.find((s) => s.id === 'unattributed-wire')!.name).toBe('Unattributed report');
  });

  it('prints 6 articles with id, source, title, topic and statements { id, text, paragraph }', () => {
    expect(view.articles.length).toBe(6);
    const sourceIds = new Set(view.sources.map((s) => s.id));
    for (const a of view.articles) {
      expect(typeof a.id).toBe('string');
      expect(sourceIds.has(a.source)).toBe(true);
      expect(a.title === null || typeof a.title === 'string').toBe(true);
      expect(typeof a.topic).toBe('boolean');
      expect(Array.isArray(a.statements)).toBe(true);
      for (const s of a.statements) {
        expect(typeof s.id).toBe('string');
        expect(typeof s.text).toBe('string');
        expect(Number.isInteger(s.paragraph)).toBe(true);
      }
    }
  });

  it('the Oman article is off topic with no statements; the others are on topic with statements', () => {
    const oman = view.articles.find((a) => a.id === 'asharq-al-awsat:2')!;
    expect(oman.topic).toBe(false);
    expect(oman.statements).toEqual([]);
    for (const a of view.articles.filter((x) => x.id !== 'asharq-al-awsat:2')) {
      expect(a.topic).toBe(true);
      expect(a.statements.length).toBeGreaterThan(0);
    }
  });
});
