// Seed texts + sources.json → the compiled corpus that ships with the extension: sources, articles,
// statements of on-topic articles, BM25 postings, the event signature, and a version hash of it all.
import type { Article, SourceMeta, Statement } from '../core/corpus';
import { contentHash } from '../core/hash';
import { parseDocument } from './parse';
import { buildStatements } from './statements';
import { decideTopics } from './topic';
import { buildBm25, type Bm25Index } from '../text/bm25';
import type { EventSignature, GateModel } from '../core/signature';
import gateModel from '../gate/gate-model.json';

export interface SourcesFile {
  event: { name: string; date: string; place: string };
  sources: (SourceMeta & { file: string })[];
}

export interface CompiledCorpus {
  format: 1;
  /** Hash of the compiled content: changes whenever anything a user would see changes. */
  version: string;
  event: SourcesFile['event'];
  sources: SourceMeta[];
  articles: Article[];
  /** Statements of on-topic articles only: off-topic articles never reach matching. */
  statements: Statement[];
  index: Bm25Index;
  signature: EventSignature;
}

function shiftDate(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

// Dates within this many days of the event's coverage count as the event's.
const WINDOW_DAYS = 5;

/** The event's date window: from the event date to the last publication date, widened. */
export function eventWindow(file: SourcesFile): { from: string; to: string } {
  const dates = [file.event.date, ...file.sources.map((s) => s.published).filter((d): d is string => !!d)].sort();
  return { from: shiftDate(dates[0]!, -WINDOW_DAYS), to: shiftDate(dates[dates.length - 1]!, WINDOW_DAYS) };
}


/** Compiles the corpus from the seed texts (file name → text) and the sources file. */
export function compileCorpus(seeds: Record<string, string>, file: SourcesFile): CompiledCorpus {
  const articles: Article[] = [];
  for (const src of file.sources) {
    const text = seeds[src.file];
    if (text === undefined) throw new Error(`corpus/sources.json names ${src.file}, which is not in corpus/`);
    articles.push(...parseDocument(text, src.id));
  }
  const decision = decideTopics(articles, eventWindow(file));
  // Pages are judged by the learned gate (lib/core/signature.ts); the corpus's own topics by the rules above.
  const { meta: _meta, ...gate } = gateModel as GateModel;
  decision.signature.gate = gate;
  articles.forEach((a, i) => {
    a.topic = decision.topic[i]!;
    a.topicScore = decision.scores[i]!;
    a.topicReason = decision.reasons[i]!;
    const meta = file.sources.find((s) => s.id === a.source);
    if (meta?.url && a.id.endsWith(':1')) a.url = meta.url;
  });
  const statements = articles.filter((a) => a.topic).flatMap(buildStatements);
  const index = buildBm25(statements.map((s) => s.terms));
  const sources: SourceMeta[] = file.sources.map(({ ...s }) => s);
  const body = JSON.stringify({ sources, articles, statements, signature: decision.signature });
  return { format: 1, version: contentHash(body), event: file.event, sources, articles, statements, index, signature: decision.signature };
}
