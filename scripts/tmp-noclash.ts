import { matcherFromCorpus } from '../lib/match/engine';
import { loadCompiled, loadVectors } from './corpus-files';
import { loadGoldPages } from './gold';
import { extractArticle } from '../lib/extract/article';
import { parseDocument } from './page-pipeline';
import { comparisonKey as key } from '../lib/text/normalize';
import { splitDateline } from '../lib/corpus/parse';
import { findClash } from '../lib/match/stance';
const m = matcherFromCorpus(loadCompiled(), undefined, loadVectors(), null);
for (const g of loadGoldPages().filter((p) => p.kind === 'coverage')) {
  const paras = extractArticle(parseDocument(g.html)).paragraphs;
  const seen = new Set<string>();
  for (const x of g.expect.filter((e) => e.stance === 'conflicts')) {
    const p = paras.find((pp) => key(pp.text).includes(key(x.paragraphContains)));
    if (!p || seen.has(x.paragraphContains)) continue;
    const c = m.candidates(p.text, null, 20).find((c) => key(m.data.statements[c.doc]!.text).includes(key(splitDateline(x.statementContains)?.rest ?? x.statementContains)));
    if (!c || findClash(c.evidence)) continue;
    seen.add(x.paragraphContains);
    console.log(`${g.name}: PAGE «${c.page.words.join(' ').slice(0, 150)}»\n        STMT «${m.data.statements[c.doc]!.text.slice(0, 150)}»`);
  }
}
