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
  const articles = readArticles(sourceId, doc, signature);
  return { articles, statements: articles.flatMap(buildStatements) };
}

/** What the work on a long text may be given: where to report progress, and how to be stopped. */
export interface ReadOptions {
  /** Called after each article with the share of the text's articles read so far (0..1]. */
  onProgress?: (done: number) => void;
  /** Aborting it stops the reading at the next article with an `AbortError`. */
  signal?: AbortSignal;
}

/**
 * The same reading as parseUserText, article by article with a pause between (a 500,000-character
 * text is ~60 articles and ~1.5 s of work): the background keeps answering other tabs meanwhile.
 */
export async function parseUserTextInSteps(
  sourceId: string,
  doc: { title?: string | null; text: string },
  signature: EventSignature,
  opts: ReadOptions = {},
): Promise<{ articles: Article[]; statements: Statement[] }> {
  const articles = readArticles(sourceId, doc, signature);
  const statements: Statement[] = [];
  for (const [i, a] of articles.entries()) {
    opts.signal?.throwIfAborted();
    statements.push(...buildStatements(a));
    opts.onProgress?.((i + 1) / articles.length);
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  opts.signal?.throwIfAborted();
  return { articles, statements };
}

function readArticles(sourceId: string, doc: { title?: string | null; text: string }, signature: EventSignature): Article[] {
  const text = doc.title ? `${doc.title}\n\n${doc.text}` : doc.text;
  const articles = parseDocument(text, sourceId);
  for (const a of articles) {
    const v = scoreCoverage(signature, { title: a.title ?? '', url: '', text: a.paragraphs.map((p) => p.text).join('\n') });
    a.topic = v.isCoverage;
    a.topicScore = v.score;
    a.topicReason = v.reason;
  }
  return articles;
}
