// npm run corpus:build — compiles corpus/ into .generated/corpus-index.json (shipped with the
// extension, loaded into IndexedDB on install), .generated/gate-signature.json (bundled into the gate)
// and .generated/gate-anchors.json (the probe's names and places).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compileCorpus } from '../lib/corpus/compile';
import { anchorPattern } from '../lib/gate/anchors';
import { GENERATED_DIR, INDEX_FILE, readSeeds, readSources } from './corpus-files';

const started = performance.now();
const corpus = compileCorpus(readSeeds(), readSources());
mkdirSync(GENERATED_DIR, { recursive: true });
const json = JSON.stringify(corpus);
writeFileSync(INDEX_FILE, json);
writeFileSync(join(GENERATED_DIR, 'gate-signature.json'), JSON.stringify(corpus.signature));
writeFileSync(join(GENERATED_DIR, 'gate-anchors.json'), JSON.stringify({ pattern: anchorPattern(corpus.signature) }));
const onTopic = corpus.articles.filter((a) => a.topic).length;
console.log(
  `corpus ${corpus.version}: ${corpus.sources.length} sources, ${corpus.articles.length} articles (${onTopic} on topic), ` +
    `${corpus.statements.length} statements, ${(json.length / 1024).toFixed(1)} KB, ${(performance.now() - started).toFixed(0)} ms`,
);
