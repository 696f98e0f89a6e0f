// A user's text (pasted, a page's text, or an imported document) read into articles and statements
// with the same rules as the bundled corpus, each article's topic judged by the coverage gate.
import type { Article, Statement } from '../core/corpus';
import type { EventSignature } from '../core/signature';
import { parseDocument } from './parse';
import { buildStatements } from './statements';
import { scoreCoverage } from '../gate/coverage';

export function parseUserText(
  sourceId: string,
  doc: { title?: string | null; text: string },
  signature: EventSignature,
): { articles: Article[]; statements: Statement[] } {
  const text = doc.title ? `${doc.title}\n\n${doc.text}` : doc.text;
  const articles = parseDocument(text, sourceId);
  for (const a of articles) {
    const v = scoreCoverage(signature, { title: a.title ?? '', url: '', text: a.paragraphs.map((p) => p.text).join('\n') });
    a.topic = v.isCoverage;
    a.topicScore = v.score;
    a.topicReason = v.reason;
  }
  return { articles, statements: articles.flatMap(buildStatements) };
}
