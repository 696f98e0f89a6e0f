// Article → statements: sentences (or a sentence and the short follow-up that completes it), each with
// its verbatim text, position, speaker, quotes, figures, entities and index terms.
import type { Article, Statement } from '../core/corpus';
import { splitSentences, type SentenceSpan } from '../text/sentences';
import { claimKeys } from '../claims';
import { analyze } from '../text/analyze';
import { captionText, splitDateline } from './parse';
import { findSpeaker, personInFocus } from './attribution';

// A sentence this short, or opening with a connective that points back, completes the previous one
// ("However, no date has been set.").
const LEANS_BACK = /^(however|but|yet|still|this|that|these|those|it|such)\b/i;

function mergeFollowUps(spans: SentenceSpan[], paragraph: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const s of spans) {
    const prev = out[out.length - 1];
    const n = s.text.split(/\s+/).length;
    if (prev && (n <= 5 || (n <= 8 && LEANS_BACK.test(s.text)))) {
      out[out.length - 1] = { start: prev.start, end: s.end, text: paragraph.slice(prev.start, s.end) };
    } else out.push(s);
  }
  return out;
}

/** The text of a paragraph that carries statements: captions lose their credit, stories their dateline. */
export function statementSource(text: string, kind: 'body' | 'caption' | 'heading', first: boolean): string | null {
  if (kind === 'heading') return null;
  if (kind === 'caption') return captionText(text) ?? text;
  if (first) {
    const dl = splitDateline(text);
    if (dl) return dl.rest;
  }
  return text;
}

/** Statements of one article, ids `<articleId>#<n>`. */
export function buildStatements(article: Article): Statement[] {
  const out: Statement[] = [];
  let focus: string | null = null;
  let firstBody = true;
  article.paragraphs.forEach((p, pi) => {
    const src = statementSource(p.text, p.kind, p.kind === 'body' && firstBody);
    if (p.kind === 'body') firstBody = false;
    if (!src) return;
    const spans = mergeFollowUps(splitSentences(src), src);
    spans.forEach((span, si) => {
      const a = analyze(span.text);
      const speaker = findSpeaker(a, focus);
      focus = personInFocus(a, speaker, focus);
      out.push({
        id: `${article.id}#${out.length + 1}`,
        source: article.source,
        article: article.id,
        paragraph: pi,
        sentence: si,
        text: span.text,
        speaker,
        quotes: a.quotes,
        figures: a.figures,
        entities: a.entities,
        terms: a.terms,
        cues: [...new Set(a.cues.map((c) => c.cue))],
        claims: claimKeys(a, speaker),
      });
    });
  });
  return out;
}
