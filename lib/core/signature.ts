// The event signature the page gate checks (built from the corpus by lib/corpus/signature.ts), and
// the gate's learned decision: a logistic model over the evidence features of coverage.ts
// (GATE_FEATURES), fit offline on labelled pages and shipped as data (gate-model.json).

export interface GateModel {
  features: readonly string[];
  weights: number[];
  bias: number;
  meta?: Record<string, unknown>;
}

export interface EventSignature {
  /** Entity id → weight (people, places, organisations of the event). */
  entities: Record<string, number>;
  /** Key word stem → weight. */
  words: Record<string, number>;
  /** Surface forms the gate looks for, lower-case token sequences → entity id or stem. */
  surfaces: Record<string, string>;
  /** Places of the event (ids) and other venues seen in the alias table, for "where" checks. */
  places: string[];
  otherPlaces: string[];
  /** Surface forms of `otherPlaces`. */
  otherPlaceSurfaces: Record<string, string>;
  people: string[];
  /** Places that are a city or venue, not a whole country ("Riyadh", not "Saudi Arabia"). */
  venues?: string[];
  /** The countries whose meeting the event is (the two most weighted countries that are not the venue's). */
  sides?: string[];
  /** Surface forms of people in the alias table who are not the event's (other events' protagonists). */
  otherPeopleSurfaces?: Record<string, string>;
  /** The learned coverage decision (lib/core/signature.ts); the explicit rules decide without it. */
  gate?: GateModel;
  /** Score at or above which a text counts as coverage. */
  threshold: number;
  /** Dates of the event's coverage (ISO), widened by a few days; explicit dates elsewhere are evidence against. */
  window: { from: string; to: string };
}
