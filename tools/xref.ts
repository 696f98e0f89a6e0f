// npm run xref -- [--json] [--force] <file.html | http(s) URL | ->
// Prints the cross-reference report of a page: the same pipeline the extension runs.
// Bad input (missing file, not HTML, unreachable URL) exits with status 2 and one line on stderr.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { crossReferenceHtml } from './page-pipeline';
import { looksLikeHtml } from '../lib/extract/html';
import type { XrefReport } from '../lib/core/report';

function fail(message: string): never {
  process.stderr.write(`xref: ${message}\n`);
  process.exit(2);
}

async function readInput(arg: string): Promise<{ html: string; url: string }> {
  if (arg === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return { html: Buffer.concat(chunks).toString('utf8'), url: '' };
  }
  if (/^https?:\/\//i.test(arg)) {
    let res: Response;
    try {
      res = await fetch(arg, { redirect: 'follow', signal: AbortSignal.timeout(15_000) });
    } catch (e) {
      fail(
        `cannot reach ${arg} (${(e as Error).cause ? String(((e as Error).cause as Error).message ?? (e as Error).cause) : (e as Error).message})`,
      );
    }
    if (!res.ok) fail(`${arg} answered HTTP ${res.status}`);
    return { html: await res.text(), url: res.url || arg };
  }
  const path = resolve(arg);
  try {
    return { html: readFileSync(path, 'utf8'), url: pathToFileURL(path).href };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    fail(
      code === 'ENOENT'
        ? `no such file: ${arg}`
        : code === 'EISDIR'
          ? `${arg} is a directory, not an HTML file`
          : `cannot read ${arg} (${code ?? (e as Error).message})`,
    );
  }
}

function printReport(r: XrefReport): void {
  const out: string[] = [];
  out.push(`${r.title || '(untitled page)'}`);
  out.push(`Coverage: ${r.coverage.isCoverage ? 'yes' : 'no'} (${Math.round(r.coverage.score * 100)}%) — ${r.coverage.reason}`);
  if (r.self) out.push(`This page is a corpus article (${r.self.article}); its own outlet is not listed against it.`);
  const matched = r.paragraphs.filter((p) => p.matches.some((m) => m.stance !== 'related'));
  out.push(`${r.paragraphs.length} paragraphs, ${matched.length} with corroborating or conflicting statements.\n`);
  for (const p of r.paragraphs) {
    if (!p.matches.length) continue;
    out.push(`¶${p.index + 1}  ${p.text.length > 160 ? `${p.text.slice(0, 157)}…` : p.text}`);
    for (const m of p.matches) {
      const mark = m.stance === 'conflicts' ? '✗ conflicts   ' : m.stance === 'corroborates' ? '✓ corroborates' : '· related     ';
      out.push(`   ${mark} ${m.source} — “${m.statement}”`);
      out.push(`                  ${m.reason} [${m.score.toFixed(2)}]`);
    }
    out.push('');
  }
  process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const force = args.includes('--force');
  const inputs = args.filter((a) => a === '-' || !a.startsWith('--'));
  if (inputs.length !== 1) fail('usage: npm run xref -- [--json] [--force] <file.html | http(s)://… | ->');
  const { html, url } = await readInput(inputs[0]!);
  if (!looksLikeHtml(html)) fail(`${inputs[0] === '-' ? 'standard input' : inputs[0]} is not an HTML document`);
  const report = crossReferenceHtml(html, url, { force });
  if (json) process.stdout.write(JSON.stringify(report) + '\n');
  else printReport(report);
}

main().catch((e) => fail((e as Error).message ?? String(e)));
