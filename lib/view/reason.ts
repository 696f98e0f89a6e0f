// A match's reason in the reader's language: the engine gives it as data (a kind and its slots, most
// of them words quoted from the two texts, lib/match/explain.ts); each kind is one message of
// public/_locales (`reason` + the kind in camel case) with the slots as $1… in the order below.
// A kind without a message (an older stored report, a kind this build does not know) shows the
// English sentence the engine wrote, `match.reason`.
import type { Match } from '../core/report';

/** The slots of each kind of reason, in the order of the message's $1, $2, $3. */
export const REASON_SLOTS: Readonly<Record<string, readonly string[]>> = {
  'different-figure': ['statement', 'page'],
  denies: ['quote'],
  'denies-by': ['who', 'quote'],
  'paragraph-denies': ['quote'],
  'opposite-words': ['statement', 'page'],
  'different-people': ['names', 'pageNames'],
  'claim-conflict': ['claim', 'quote', 'pageClaim'],
  'same-figure': ['figure'],
  'same-claim': ['claim'],
  'same-claim-by': ['who', 'claim'],
  'same-quote': ['quote'],
  'same-quote-by': ['who', 'quote'],
  'reports-same': ['phrase'],
  'reports-same-by': ['who', 'phrase'],
  'same-point': ['phrase'],
  'other-words': ['statement', 'page'],
  similar: [],
};

/** A localised message by key with its substitutions ('' or the key itself when there is none). */
export type Translate = (key: string, substitutions?: string | string[]) => string;

/** The message key of a kind of reason: `same-figure` → `reasonSameFigure`. */
export function reasonKey(kind: string): string {
  return `reason${kind.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase())}`;
}

/** The reason of a match in the reader's language, or the engine's English sentence when that cannot be rendered. */
export function renderReason(match: Pick<Match, 'reason' | 'reasonData'>, t: Translate): string {
  const data = match.reasonData;
  const order = data && Object.prototype.hasOwnProperty.call(REASON_SLOTS, data.kind) ? REASON_SLOTS[data.kind] : undefined;
  if (!data || !order || order.some((s) => typeof data.slots[s] !== 'string')) return match.reason;
  const key = reasonKey(data.kind);
  const text = t(
    key,
    order.map((s) => data.slots[s]!),
  );
  return text && text !== key ? text : match.reason;
}
