// The bundled demo site: each corpus article dressed as the news page it came from (masthead, nav,
// captioned photo, the furniture the parser removed placed where sites put it), plus the test and
// near-miss pages. Served by tools/demo-server.ts for `npm start` and the browser tests.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CompiledCorpus } from '../lib/corpus/compile';
import type { Article } from '../lib/core/corpus';
import { ROOT } from './corpus-files';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function shell(title: string, body: string, lang = 'en'): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title><style>
body{font:17px/1.6 Georgia,serif;margin:0;color:#1f2937;background:#fff}header.site{background:#0f172a;color:#fff;padding:10px 24px}
header.site a{color:#cbd5e1;margin-right:14px;font:14px system-ui,sans-serif;text-decoration:none}.brand{font:700 22px system-ui,sans-serif;color:#fff;margin-right:24px}
main{max-width:720px;margin:24px auto;padding:0 24px}figure{margin:0 0 18px}figure .ph{height:180px;background:linear-gradient(135deg,#cbd5e1,#94a3b8)}
figcaption{font:13px system-ui,sans-serif;color:#475569}aside,.furniture{font:14px system-ui,sans-serif;background:#f1f5f9;padding:12px;margin:24px 0;border-radius:6px}
footer{font:13px system-ui,sans-serif;color:#64748b;border-top:1px solid #e2e8f0;padding:16px 24px;margin-top:40px}
@media (prefers-color-scheme: dark){body{background:#0b1120;color:#e5e7eb}aside,.furniture{background:#1e293b}}
</style></head><body>${body}</body></html>`;
}

const NAV = ['World', 'Middle East', 'Russia', 'Ukraine', 'Business', 'Opinion'].map((n) => `<a href="#">${n}</a>`).join('');

/** A corpus article as a news page: what the parser kept in <article>, what it removed around it. */
export function renderCorpusArticle(corpus: CompiledCorpus, article: Article): string {
  const source = corpus.sources.find((s) => s.id === article.source)!;
  const parts: string[] = [];
  const captions = article.paragraphs.filter((p) => p.kind === 'caption');
  parts.push(
    `<header class="site"><span class="brand">${escapeHtml(source.attributed ? source.name : 'News Wire')}</span><nav>${NAV}</nav></header><main><article>`,
  );
  if (article.title) parts.push(`<h1>${escapeHtml(article.title)}</h1>`);
  if (source.published) parts.push(`<p class="byline"><time datetime="${source.published}">${source.published}</time></p>`);
  for (const c of captions)
    parts.push(`<figure><div class="ph" role="img" aria-label="photo"></div><figcaption>${escapeHtml(c.text)}</figcaption></figure>`);
  for (const p of article.paragraphs) {
    if (p.kind === 'body') parts.push(`<p>${escapeHtml(p.text)}</p>`);
    else if (p.kind === 'heading') parts.push(`<h2>${escapeHtml(p.text)}</h2>`);
  }
  parts.push('</article>');
  const furniture = article.removed.filter((r) => !/duplicate|repeated|stray/.test(r.why));
  if (furniture.length) parts.push(`<aside class="furniture">${furniture.map((r) => `<div>${escapeHtml(r.text)}</div>`).join('')}</aside>`);
  parts.push(`</main><footer>© ${escapeHtml(source.name)} · demo page generated from corpus/${escapeHtml(source.file ?? '')}</footer>`);
  return shell(article.title ?? `${source.name} report`, parts.join('\n'));
}

export interface DemoPage {
  path: string;
  title: string;
  kind: 'corpus' | 'test' | 'near-miss' | 'fixture' | 'special';
  html: () => string;
}

const GOLD_DIR = join(ROOT, 'test/fixtures/gold/pages');
const FIXTURE_DIR = join(ROOT, 'test/fixtures/pages');

/** Every page of the demo site. */
export function demoPages(corpus: CompiledCorpus): DemoPage[] {
  const pages: DemoPage[] = [];
  for (const a of corpus.articles) {
    const slug = `${a.source}${a.id.endsWith(':1') ? '' : `-${a.id.split(':')[1]}`}`;
    pages.push({
      path: `/corpus/${slug}.html`,
      title: a.title ?? `${corpus.sources.find((s) => s.id === a.source)?.name} (no headline)`,
      kind: 'corpus',
      html: () => renderCorpusArticle(corpus, a),
    });
  }
  if (existsSync(GOLD_DIR)) {
    for (const f of readdirSync(GOLD_DIR)
      .filter((f) => f.endsWith('.html'))
      .sort()) {
      const kind = f.startsWith('miss-') ? 'near-miss' : 'test';
      pages.push({
        path: `/${kind === 'test' ? 'test-pages' : 'near-miss'}/${f}`,
        title: f.replace(/\.html$/, ''),
        kind,
        html: () => readFileSync(join(GOLD_DIR, f), 'utf8'),
      });
    }
  }
  if (existsSync(FIXTURE_DIR)) {
    for (const d of readdirSync(FIXTURE_DIR)
      .filter((d) => existsSync(join(FIXTURE_DIR, d, 'page.html')))
      .sort()) {
      pages.push({
        path: `/layouts/${d}.html`,
        title: d,
        kind: 'fixture',
        html: () => readFileSync(join(FIXTURE_DIR, d, 'page.html'), 'utf8'),
      });
    }
  }
  pages.push({
    path: '/plain.html',
    title: 'An ordinary page',
    kind: 'special',
    html: () =>
      shell(
        'Gardening tips for spring',
        `<main><h1>Gardening tips for spring</h1>${'<p>Prune roses before the buds swell and feed the soil with compost; water deeply but rarely so roots grow down.</p>'.repeat(6)}</main>`,
      ),
  });
  return pages;
}

/** The index page listing every demo page by kind. */
export function renderIndex(pages: DemoPage[]): string {
  const groups: [DemoPage['kind'], string][] = [
    ['corpus', 'Corpus articles dressed as news pages'],
    ['test', 'Test pages (own words, with deliberate contradictions)'],
    ['near-miss', 'Near misses (must stay silent)'],
    ['fixture', 'Layout fixtures'],
    ['special', 'Other'],
  ];
  const body = groups
    .map(([k, h]) => {
      const list = pages.filter((p) => p.kind === k);
      return list.length
        ? `<h2>${h}</h2><ul>${list.map((p) => `<li><a href="${p.path}">${escapeHtml(p.title)}</a></li>`).join('')}</ul>`
        : '';
    })
    .join('');
  return shell(
    'Riyadh Cross-Ref demo site',
    `<header class="site"><span class="brand">Riyadh Cross-Ref demo</span></header><main><h1>Demo pages</h1>${body}</main>`,
  );
}
