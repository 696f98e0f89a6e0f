// Numbers a text states — durations, counts, money, percentages, years and dates — normalised so
// "nearly four and a half hours" and "4.5 hours" compare equal and "nine hours" differs.
import type { Figure } from '../core/corpus';
import { normalizePunctuation } from './normalize';
import { stem, isContentWord } from './stem';

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  dozen: 12,
};
const TENS: Record<string, number> = { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90 };
const SCALES: Record<string, number> = { hundred: 100, thousand: 1000, million: 1e6, billion: 1e9, trillion: 1e12 };
const TIME_UNITS: Record<string, string> = {
  minute: 'minute',
  minutes: 'minute',
  hour: 'hour',
  hours: 'hour',
  day: 'day',
  days: 'day',
  week: 'week',
  weeks: 'week',
  month: 'month',
  months: 'month',
  year: 'year',
  years: 'year',
  decade: 'decade',
  decades: 'decade',
};
const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sep: 9,
  sept: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
const DURATION_LEADS = new Set([
  'for',
  'lasted',
  'last',
  'lasting',
  'barely',
  'only',
  'just',
  'nearly',
  'about',
  'around',
  'within',
  'under',
  'than',
  'over',
  'roughly',
  'took',
  'almost',
  'some',
]);
const APPROX = new Set([
  'nearly',
  'almost',
  'about',
  'around',
  'roughly',
  'some',
  'approximately',
  'over',
  'under',
  'more',
  'less',
  'up',
  'least',
  'than',
  'within',
  'just',
]);
// Words after a number that are not what is counted.
const NOT_UNITS = new Set([
  'and',
  'or',
  'to',
  'of',
  'the',
  'a',
  'an',
  'in',
  'on',
  'at',
  'for',
  'by',
  'with',
  'from',
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'that',
  'who',
  'which',
  'per',
  'percent',
]);

interface Tok {
  w: string;
  start: number;
  end: number;
}

const WORD_RE = /\$|%|\d+(?:[.,]\d+)*|[A-Za-z]+/g;

function toks(text: string): Tok[] {
  const out: Tok[] = [];
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text))
    out.push({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length });
  return out;
}

function isNumberWord(w: string): boolean {
  return w in UNITS || w in TENS || /^\d/.test(w);
}

/** Parses a number starting at token i; returns its value and the index after it. */
function readNumber(t: Tok[], i: number, text: string): { value: number; next: number } | null {
  const first = t[i]?.w;
  if (!first) return null;
  if (/^\d/.test(first)) {
    const value = Number(first.replace(/,/g, ''));
    if (!Number.isFinite(value)) return null;
    let next = i + 1;
    let v = value;
    const scale = t[next]?.w;
    if (scale && scale in SCALES) {
      v *= SCALES[scale]!;
      next++;
    }
    return { value: v, next };
  }
  if (!(first in UNITS) && !(first in TENS)) return null;
  let total = 0;
  let current = 0;
  let next = i;
  while (next < t.length) {
    const w = t[next]!.w;
    if (w in UNITS) current += UNITS[w]!;
    else if (w in TENS) current += TENS[w]!;
    else if (w in SCALES) {
      current = (current || 1) * SCALES[w]!;
      if (SCALES[w]! >= 1000) {
        total += current;
        current = 0;
      }
    } else break;
    // "seventy-six" arrives as two tokens joined by a hyphen; a space ends the number unless it continues.
    const gap = t[next + 1] ? text.slice(t[next]!.end, t[next + 1]!.start) : '';
    next++;
    if (!(gap === '-' || gap === ' ') || !t[next] || !(t[next]!.w in UNITS || t[next]!.w in TENS || t[next]!.w in SCALES)) break;
    if (gap === '-' && !(w in TENS)) break; // "two-three" is a range, not 2+3
  }
  const value = total + current;
  return next > i ? { value, next } : null;
}

/** "and a half", "a half" after a number. */
function readHalf(t: Tok[], i: number): { add: number; next: number } {
  if (t[i]?.w === 'and' && t[i + 1]?.w === 'a' && t[i + 2]?.w === 'half') return { add: 0.5, next: i + 3 };
  if (t[i]?.w === 'and' && t[i + 1]?.w === 'one' && t[i + 2]?.w === 'half') return { add: 0.5, next: i + 3 };
  return { add: 0, next: i };
}

// Words either side of a figure that say what it measures ("the meeting lasted … hours").
const CONTEXT_WINDOW = 4;

function contextOf(t: Tok[], text: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, from - CONTEXT_WINDOW); i < Math.min(t.length, to + CONTEXT_WINDOW); i++) {
    if (i >= from && i < to) continue;
    const w = t[i]!.w;
    // Names ("Russia's invasion") say whose figure it is, not what it measures.
    if (/^[A-Z]/.test(text[t[i]!.start]!)) continue;
    if (/^[a-z]{3,}$/.test(w) && isContentWord(w) && !(w in TIME_UNITS) && !(w in UNITS) && !(w in TENS) && !APPROX.has(w))
      out.push(stem(w));
  }
  return [...new Set(out)];
}

/** Every figure in `text`, in order, each with the words around it. */
export function extractFigures(input: string): Figure[] {
  const text = normalizePunctuation(input);
  const t = toks(text);
  const out: Figure[] = [];
  const tokenIndex = (f: Figure) => t.findIndex((x) => x.start >= text.indexOf(f.text));
  const withContext = (figs: Figure[]) =>
    figs.map((f) => {
      const at = tokenIndex(f);
      const n = f.text.split(/[\s-]+/).length;
      return at < 0 ? f : { ...f, context: contextOf(t, text, at, at + n) };
    });
  for (let i = 0; i < t.length; i++) {
    const w = t[i]!.w;
    // Dates: "18 February 2025", "February 18", "April 17".
    if (w in MONTHS && w !== 'may' && w !== 'mar') {
      const month = MONTHS[w]!;
      const after = t[i + 1]?.w;
      const before = t[i - 1]?.w;
      let day: number | null = null;
      let end = i + 1;
      let begin = i;
      if (after && /^\d{1,2}$/.test(after)) {
        day = Number(after);
        end = i + 2;
      } else if (before && /^\d{1,2}$/.test(before)) {
        day = Number(before);
        begin = i - 1;
      }
      let year: number | null = null;
      if (t[end] && /^(19|20)\d\d$/.test(t[end]!.w)) {
        year = Number(t[end]!.w);
        end++;
      }
      if (day !== null && day >= 1 && day <= 31) {
        out.push({
          kind: 'date',
          value: month * 100 + day,
          unit: year ? String(year) : 'date',
          text: text.slice(t[begin]!.start, t[end - 1]!.end),
        });
        i = end - 1;
        continue;
      }
      continue;
    }
    // "an hour", "a week", "(a matter of) days": durations written without a number.
    // Only where a length of time is being stated ("lasted barely an hour"), not "a day later".
    if (
      (w === 'a' || w === 'an') &&
      t[i + 1] &&
      t[i + 1]!.w in TIME_UNITS &&
      !/s$/.test(t[i + 1]!.w) &&
      DURATION_LEADS.has(t[i - 1]?.w ?? '')
    ) {
      const prev = t[i - 1]?.w ?? '';
      out.push({
        kind: 'duration',
        value: 1,
        unit: TIME_UNITS[t[i + 1]!.w]!,
        text: text.slice(t[i]!.start, t[i + 1]!.end),
        ...(APPROX.has(prev) || prev === 'barely' ? { approx: true } : {}),
      });
      i++;
      continue;
    }
    if (
      w in TIME_UNITS &&
      /s$/.test(w) &&
      !isNumberWord(t[i - 1]?.w ?? '') &&
      ['of', 'within', 'in', 'for', 'few', 'several', 'some'].includes(t[i - 1]?.w ?? '')
    ) {
      // "within days", "a matter of weeks", "a few hours": an unnumbered plural means a small number (2–9).
      out.push({
        kind: 'duration',
        value: 2,
        max: 9,
        unit: TIME_UNITS[w]!,
        text: text
          .slice(t[Math.max(0, i - 3)]!.start, t[i]!.end)
          .replace(/^.*?\b(?=(a matter|within|in|for|a few|few|several|some)\b)/i, ''),
        approx: true,
      });
      continue;
    }
    if (!isNumberWord(w)) continue;
    // Day numbers belong to dates handled above.
    if (/^\d{1,2}$/.test(w) && t[i + 1] && t[i + 1]!.w in MONTHS) continue;
    const a = readNumber(t, i, text);
    if (!a) continue;
    let { value } = a;
    let next = a.next;
    const half = readHalf(t, next);
    value += half.add;
    next = half.next;
    let max: number | undefined;
    // Ranges: "two to three", "two-three", "2-3", "between 2 and 3".
    const sep = t[next] ? text.slice(t[next - 1]!.end, t[next]!.start) : '';
    if ((t[next]?.w === 'to' || t[next]?.w === 'or') && t[next + 1] && isNumberWord(t[next + 1]!.w)) {
      const b = readNumber(t, next + 1, text);
      if (b) {
        max = b.value;
        next = b.next;
      }
    } else if (sep === '-' && t[next] && isNumberWord(t[next]!.w)) {
      const b = readNumber(t, next, text);
      if (b) {
        max = b.value;
        next = b.next;
      }
    }
    const beginTok = t[i]!;
    const prev = t[i - 1]?.w ?? '';
    const prev2 = t[i - 2]?.w ?? '';
    const approx = APPROX.has(prev) || (prev === 'than' && APPROX.has(prev2));
    const startAt = approx ? t[i - 1]!.start : beginTok.start;
    const unitWord = t[next]?.w ?? '';
    const raw = (endTok: Tok) => text.slice(startAt, endTok.end).trim();
    if (text[beginTok.start - 1] === '$' || t[i - 1]?.w === '$') {
      out.push({
        kind: 'money',
        value,
        ...(max !== undefined ? { max } : {}),
        unit: 'usd',
        text: raw(t[next - 1]!),
        ...(approx ? { approx } : {}),
      });
      i = next - 1;
      continue;
    }
    if (unitWord === '%' || unitWord === 'percent' || unitWord === 'per') {
      out.push({ kind: 'percent', value, unit: '%', text: raw(t[next]!), ...(approx ? { approx } : {}) });
      i = next;
      continue;
    }
    if (unitWord in TIME_UNITS) {
      out.push({
        kind: 'duration',
        value,
        ...(max !== undefined ? { max } : {}),
        unit: TIME_UNITS[unitWord]!,
        text: raw(t[next]!),
        ...(approx ? { approx } : {}),
      });
      i = next;
      continue;
    }
    if (/^(19|20)\d\d$/.test(w) && max === undefined) {
      out.push({ kind: 'year', value, unit: 'year', text: beginTok.w });
      continue;
    }
    // A count of something: "176 drones", "three goals". Skip one adjective ("three broad goals").
    let unitIdx = next;
    if (
      t[unitIdx] &&
      !NOT_UNITS.has(t[unitIdx]!.w) &&
      t[unitIdx + 1] &&
      /(?:s)$/.test(t[unitIdx + 1]!.w) &&
      !/s$/.test(t[unitIdx]!.w) &&
      /^[a-z]+$/.test(t[unitIdx + 1]!.w) &&
      !NOT_UNITS.has(t[unitIdx + 1]!.w)
    ) {
      unitIdx = next + 1;
    }
    const unitTok = t[unitIdx];
    // "one" and "two" before a noun are usually not figures ("two sides", "one meeting"); digits always are.
    const wordSmall = !/^\d/.test(w) && value <= 2 && max === undefined;
    const adjacent = unitTok !== undefined && /^[\s-]*$/.test(text.slice(t[unitIdx - 1]!.end, unitTok.start));
    if (unitTok && adjacent && !wordSmall && /^[a-z]+$/.test(unitTok.w) && !NOT_UNITS.has(unitTok.w) && !(unitTok.w in MONTHS)) {
      out.push({
        kind: 'count',
        value,
        ...(max !== undefined ? { max } : {}),
        unit: stem(unitTok.w),
        text: raw(unitTok),
        ...(approx ? { approx } : {}),
      });
      i = unitIdx;
    }
  }
  return withContext(out);
}

const HOURS: Record<string, number> = { minute: 1 / 60, hour: 1, day: 24, week: 168, month: 730, year: 8760, decade: 87600 };

/** Durations in hours, so "two to three weeks" and "two to three months" compare; other kinds as written. */
function canonical(f: Figure): [number, number] {
  const k = f.kind === 'duration' ? (HOURS[f.unit] ?? 1) : 1;
  return [f.value * k, (f.max ?? f.value) * k];
}

/** The figures talk about the same quantity: same kind and unit (any two durations compare). */
export function sameQuantity(a: Figure, b: Figure): boolean {
  return a.kind === b.kind && (a.kind === 'duration' || a.unit === b.unit);
}

/** Values agree, allowing ranges and "nearly"/"about" approximations (±12%). */
export function sameValue(a: Figure, b: Figure): boolean {
  const [lo1, hi1] = canonical(a);
  const [lo2, hi2] = canonical(b);
  const tol = a.approx || b.approx ? 0.12 : 0.001;
  return lo1 <= hi2 * (1 + tol) && lo2 <= hi1 * (1 + tol);
}

/** Reader-facing wording of a figure's value ("4.5 hours", "2–3 months"). */
export function describeFigure(f: Figure): string {
  const v = f.max !== undefined ? `${f.value}–${f.max}` : String(f.value);
  if (f.kind === 'duration') return `${v} ${f.unit}${f.value === 1 && f.max === undefined ? '' : 's'}`;
  if (f.kind === 'money') return `$${v}`;
  if (f.kind === 'percent') return `${v}%`;
  return f.text;
}
