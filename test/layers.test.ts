// The layer rules (.dependency-cruiser.cjs) catch what they promise: a file of a lower layer that
// imports a higher one, and runtime code that imports research code, fail `npm run lint:layers`.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../tools/corpus-files';

function cruise(file: string, source: string): { ok: boolean; out: string } {
  const path = join(ROOT, file);
  writeFileSync(path, source);
  try {
    const out = execFileSync('npx', ['depcruise', file, '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: ROOT,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { ok: true, out };
  } catch (e) {
    return { ok: false, out: String((e as { stdout?: string }).stdout ?? e) };
  } finally {
    rmSync(path, { force: true });
  }
}

describe('layer rules', () => {
  it('refuses the NLP layer importing the engine', () => {
    const r = cruise('lib/text/zz-layer-probe.ts', "import { Matcher } from '../match/engine';\nexport const x = Matcher;\n");
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/layer-text/);
  });

  it('refuses the store importing corpus code (types only)', () => {
    const r = cruise('lib/store/zz-layer-probe.ts', "import { parseDocument } from '../corpus/parse';\nexport const x = parseDocument;\n");
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/layer-store/);
    const types = cruise(
      'lib/store/zz-layer-probe.ts',
      "import type { CompiledCorpus } from '../corpus/compile';\nexport type X = CompiledCorpus;\n",
    );
    expect(types.ok).toBe(true);
  });

  it('refuses runtime code importing tools/', () => {
    const r = cruise('lib/match/zz-layer-probe.ts', "import { prf } from '../../tools/evaluate';\nexport const x = prf;\n");
    expect(r.ok).toBe(false);
    expect(r.out).toMatch(/runtime-not-research/);
  });

  it('allows the engine importing the NLP layer', () => {
    expect(cruise('lib/match/zz-layer-probe.ts', "import { tokenize } from '../text/tokenize';\nexport const x = tokenize;\n").ok).toBe(
      true,
    );
  });
});
