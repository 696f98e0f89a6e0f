// README is for users and stays short: under 8 KB, every relative link resolves, every `npm run`
// command it names exists, and its figures name the command that prints them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../tools/corpus-files';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const scripts = Object.keys((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);

describe('README', () => {
  it('is under 8 KB', () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(8000);
  });

  it('links only to files that exist', () => {
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(?:#[^)]*)?\)/g)].map((m) => m[1]!).filter((l) => !/^https?:/.test(l));
    expect(links.length).toBeGreaterThan(5);
    for (const l of links) expect(existsSync(join(ROOT, l)), l).toBe(true);
  });

  it('names only npm commands that exist', () => {
    const named = [...readme.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(3);
    for (const n of named) expect(scripts, n).toContain(n);
  });

  it('keeps session notes and commit hashes out', () => {
    expect(readme).not.toMatch(/\b[0-9a-f]{7,40}\b/);
    expect(readme).not.toMatch(/this (round|session)/i);
  });
});
