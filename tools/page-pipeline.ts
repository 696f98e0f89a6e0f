// The extension's pipeline on an HTML string in Node: parse (linkedom), extract (Readability),
// gate, match. Used by `npm run xref`, the evaluation, the benchmarks and the tests.
import { parseHTML } from 'linkedom';
import { extractArticle } from '../lib/extract/article';
import { pageSignals } from '../lib/gate/page-signals';
import { scoreCoverage } from '../lib/gate/coverage';
import { matcherFromCorpus, type Matcher, type MatchOptions } from '../lib/match/engine';
import type { XrefReport } from '../lib/core/report';
import { loadCompiled, loadVectors, loadStanceModel } from './corpus-files';

let matcher: Matcher | null = null;

export function bundledMatcher(): Matcher {
  return (matcher ??= matcherFromCorpus(loadCompiled(), undefined, loadVectors(), loadStanceModel()));
}

/** Parses HTML into a document (linkedom), with the URL the page was read from. */
export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

/** Cross-references one HTML page exactly as the extension does. */
export function crossReferenceHtml(html: string, url: string, opts: MatchOptions = {}, m: Matcher = bundledMatcher()): XrefReport {
  const doc = parseDocument(html);
  const verdict = scoreCoverage(m.data.signature, pageSignals(doc, url));
  const article = extractArticle(doc);
  return m.crossReference({ url, title: article.title, paragraphs: article.paragraphs, verdict }, opts);
}
