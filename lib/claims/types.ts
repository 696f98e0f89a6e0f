// The shapes of claim frames (see ./index.ts): what a sentence claims, and how two claims relate.

export type SanctionsStatus = 'off-agenda' | 'on-agenda' | 'agreed';
export type AgreementTopic = 'embassies' | 'ukraine-talks' | 'economic';

export type ClaimBody =
  | { kind: 'leader'; side: string; person: string }
  | { kind: 'presence'; who: string; present: boolean }
  | { kind: 'length'; hours: number; text: string }
  | { kind: 'summit-date'; set: boolean }
  | { kind: 'sanctions'; status: SanctionsStatus }
  | { kind: 'agreement'; topic: AgreementTopic; agreed: boolean }
  | { kind: 'verdict'; positive: boolean; by: string | null; word: string }
  | { kind: 'timeline'; days: [number, number]; text: string; by: string | null }
  | { kind: 'met'; place: string }
  | { kind: 'exclusion-concern'; who: string }
  | { kind: 'no-one-sidelined'; by: string | null }
  | { kind: 'rejects-deals'; who: string }
  | { kind: 'summit-when'; when: 'next-week' | 'weeks' | 'months'; likely: boolean; by: string | null }
  | { kind: 'first-since-invasion' }
  | { kind: 'territory'; open: boolean; by: string | null }
  | { kind: 'back-channel'; who: string }
  | { kind: 'count'; what: string; value: number; text: string }
  | { kind: 'venue'; place: string };

/** A claim with the word of the text it rests on (for the reason shown to a reader). */
export type Claim = ClaimBody & { anchor: string };

export interface ClaimLink {
  relation: 'agree' | 'clash';
  page: Claim;
  statement: Claim;
}
