// npm run corpus [-- --json] — prints the compiled corpus: sources, articles (with their topic
// verdict) and statements, verbatim from the seeds.
import { loadCompiled } from './corpus-files';
import { compileCorpus } from '../lib/corpus/compile';
import { readSeeds, readSources } from './corpus-files';

const json = process.argv.includes('--json');
// Always compile from corpus/ so the printout reflects the seeds now, not an older build.
const corpus = process.argv.includes('--built') ? loadCompiled() : compileCorpus(readSeeds(), readSources());
const view = {
  version: corpus.version,
  sources: corpus.sources.map((s) => ({
    id: s.id,
    name: s.name,
    site: s.site,
    url: s.url,
    published: s.published,
    language: s.language,
    note: s.note,
    attributed: s.attributed,
  })),
  articles: corpus.articles.map((a) => ({
    id: a.id,
    source: a.source,
    title: a.title,
    topic: a.topic,
    topicReason: a.topicReason,
    statements: corpus.statements
      .filter((s) => s.article === a.id)
      .map((s) => ({
        id: s.id,
        text: s.text,
        paragraph: s.paragraph,
        speaker: s.speaker,
        figures: s.figures.map((f) => f.text),
        cues: s.cues,
      })),
    removed: a.removed,
  })),
};
if (json) {
  process.stdout.write(JSON.stringify(view, null, 2) + '\n');
} else {
  console.log(
    `Corpus ${corpus.version} — ${corpus.sources.length} outlets, ${corpus.articles.length} articles, ${corpus.statements.length} statements\n`,
  );
  for (const a of view.articles) {
    const src = corpus.sources.find((s) => s.id === a.source)!;
    console.log(`${a.topic ? '●' : '○'} ${src.name}: ${a.title ?? '(no headline)'} [${a.id}]`);
    console.log(`    ${a.topicReason}`);
    console.log(
      `    ${a.statements.length} statements; removed ${a.removed.length} furniture blocks (${[...new Set(a.removed.map((r) => r.why))].join(', ') || 'none'})`,
    );
  }
}
