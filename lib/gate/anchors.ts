// The probe's anchors: the event's people and places, as one case-insensitive pattern derived from
// the signature at build time. A page that names none of them in its title, URL or opening text is
// not checked further — the near-free first stage of the gate that runs on every page.
import type { EventSignature } from '../core/signature';
import { ENTITY_BY_ID } from '../text/aliases';

// People must weigh this much in the signature to be anchors: the event's own protagonists, not
// figures who are in the news every day (Trump, Putin) and would wake the gate on countless pages.
const ANCHOR_PERSON_WEIGHT = 1.5;

/** Pattern source matching any surface form of the event's places and leading people (word-bounded). */
export function anchorPattern(sig: EventSignature): string {
  const people = sig.people.filter((id) => (sig.entities[id] ?? 0) >= ANCHOR_PERSON_WEIGHT);
  const ids = new Set(
    [...people, ...sig.places].filter((id) => ['person', 'place', 'venue', 'country'].includes(ENTITY_BY_ID.get(id)?.type ?? '')),
  );
  const forms = Object.entries(sig.surfaces)
    .filter(([, v]) => v.startsWith('@') && ids.has(v.slice(1)))
    .map(([surface]) => surface.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\W+'))
    .sort((a, b) => b.length - a.length || a.localeCompare(b));
  return `\\b(?:${[...new Set(forms)].join('|')})\\b`;
}
