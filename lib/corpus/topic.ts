// Which corpus articles cover the event: each article is scored against the signature of the
// *other* articles (leave one out); the weakest is set aside while it scores far below the rest.
// Output: the on-topic flags with scores and reasons, and the final signature with its threshold.
import type { Article } from '../core/corpus';
import type { EventSignature } from '../core/signature';
import { articleFeatures, buildSignature, type TextFeatures } from './signature';
import { scoreCoverage } from '../gate/coverage';

export interface TopicDecision {
  topic: boolean[];
  scores: number[];
  reasons: string[];
  signature: EventSignature;
}

// An article scoring under this share of the median of the others does not belong to the event.
const OUTLIER_RATIO = 0.5;
// Pages are judged on their opening text; the threshold leaves room below the weakest corpus article.
const THRESHOLD_RATIO = 0.35;

function articleText(a: Article): string {
  return a.paragraphs.map((p) => p.text).join('\n');
}

function looScores(articles: Article[], feats: TextFeatures[], topic: boolean[], window: { from: string; to: string }): number[] {
  return articles.map((a, i) => {
    // Leave the article out altogether: it is neither evidence for nor against the event.
    const sig = buildSignature(feats.filter((_, j) => j !== i), topic.filter((_, j) => j !== i), window);
    return scoreCoverage(sig, { title: a.title ?? '', url: '', text: articleText(a) }).score;
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Decides on-topic articles and returns the event signature built from them. */
export function decideTopics(articles: Article[], window: { from: string; to: string }): TopicDecision {
  const feats = articles.map(articleFeatures);
  const topic = articles.map(() => true);
  let scores = looScores(articles, feats, topic, window);
  for (;;) {
    const on = topic.map((t, i) => (t ? i : -1)).filter((i) => i >= 0);
    if (on.length <= 2) break;
    const weakest = on.reduce((a, b) => (scores[b]! < scores[a]! ? b : a));
    const rest = on.filter((i) => i !== weakest).map((i) => scores[i]!);
    if (scores[weakest]! >= OUTLIER_RATIO * median(rest)) break;
    topic[weakest] = false;
    scores = looScores(articles, feats, topic, window);
  }
  const signature = buildSignature(feats, topic, window);
  const onScores = scores.filter((_, i) => topic[i]);
  signature.threshold = Math.round(THRESHOLD_RATIO * Math.min(...onScores) * 1000) / 1000;
  const reasons = articles.map((a, i) => {
    const v = scoreCoverage(signature, { title: a.title ?? '', url: '', text: articleText(a) });
    return topic[i] ? `on topic: ${v.reason}` : `off topic: scores ${Math.round(scores[i]! * 100)}% against the other articles' signature (median ${Math.round(median(onScores) * 100)}%); ${v.reason}`;
  });
  return { topic, scores, reasons, signature };
}
