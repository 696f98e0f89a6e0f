// The export file (`riyadh-cross-ref/sources`, version 1): its shape as a valibot schema, and the
// reading of a file a person chose — checked completely before anything is written, every problem
// reported with where it is in the file ("document 2 of user source 1: text is empty").
import * as v from 'valibot';
import { safeHttpUrl } from '../core/safe-url';
import { cleanName, hasUnreadable, textProblem } from '../core/user-input';
import { UserError } from '../core/errors';

export const EXPORT_FORMAT = 'riyadh-cross-ref/sources';
/** Largest export file read (characters), and most sources listed in one. */
export const MAX_IMPORT_CHARS = 50_000_000;
export const MAX_IMPORT_SOURCES = 500;

export interface ExportFile {
  format: typeof EXPORT_FORMAT;
  version: 1;
  exportedAt: string;
  bundled: { id: string; enabled: boolean; name: string | null }[];
  user: {
    id: string;
    name: string;
    url: string | null;
    enabled: boolean;
    addedAt: number;
    documents: { title: string | null; url: string | null; text: string }[];
  }[];
}

const absent = (x: unknown) => x === null || x === undefined;
const UNREADABLE_TEXT =
  'has characters that are not text (control characters, or bytes that are not UTF-8: was the file saved in another encoding?)';
/** Absent, or an http(s) link. */
const link = v.optional(v.custom<unknown>((x) => absent(x) || safeHttpUrl(x) !== null, 'has a "url" that is not an http(s) link'));
/** A field that may be missing. (valibot reports a missing required key with its object's message.) */
const anything = v.optional(v.unknown());
/** Stands for a missing required field, so its own check names the problem (`JSON.stringify` gives undefined). */
const MISSING = Symbol('missing');
const required = <T extends v.GenericSchema>(schema: T) => v.optional(schema, MISSING as never);
const userText = v.rawCheck<unknown>(({ dataset, addIssue }) => {
  const problem = !dataset.typed ? null : (textProblem(dataset.value) ?? (hasUnreadable(dataset.value as string) ? UNREADABLE_TEXT : null));
  if (problem) addIssue({ message: `: text ${problem}` });
});

const Document = v.looseObject({ title: anything, url: link, text: required(v.pipe(v.unknown(), userText)) }, 'is not an object');

const NEEDS_ID = 'needs an "id" and "enabled"';
const Bundled = v.looseObject(
  {
    id: v.string(NEEDS_ID),
    enabled: v.boolean(NEEDS_ID),
    name: v.optional(v.custom<unknown>((x) => absent(x) || (typeof x === 'string' && !hasUnreadable(x)), 'has a "name" that is not text')),
  },
  NEEDS_ID,
);

const User = v.looseObject(
  {
    id: v.pipe(v.string('has no valid "id"'), v.regex(/^user-[\w-]{1,40}$/, 'has no valid "id"')),
    name: v.pipe(
      v.string('has no "name"'),
      v.check((x) => x.trim().length > 0, 'has no "name"'),
      v.check((x) => !hasUnreadable(x), 'has a "name" that is not text'),
    ),
    url: link,
    documents: v.pipe(v.array(Document, 'has no "documents"'), v.minLength(1, 'has no "documents"')),
    enabled: anything,
    addedAt: anything,
  },
  'is not an object',
);

const LISTS = '"bundled" and "user" must be lists';
/** The export file's schema. Unknown fields are allowed (and dropped), so a newer file still reads. */
export const ExportFileSchema = v.pipe(
  v.looseObject(
    {
      format: v.literal(EXPORT_FORMAT, `its "format" is not "${EXPORT_FORMAT}"`),
      version: required(
        v.pipe(
          v.unknown(),
          v.check(
            (x) => x === 1,
            (issue) => `its version ${JSON.stringify(issue.input)} is not one this extension reads`,
          ),
        ),
      ),
      exportedAt: anything,
      bundled: v.optional(v.array(Bundled, LISTS), []),
      user: v.optional(v.array(User, LISTS), []),
    },
    'it is not a Riyadh Cross-Ref export',
  ),
  v.check((f) => f.bundled.length + f.user.length <= MAX_IMPORT_SOURCES, `it lists more than ${MAX_IMPORT_SOURCES} sources`),
);

/** Where an issue is, in the words the messages use: "user source 2", "document 1 of user source 2", "bundled entry 3". */
function place(issue: v.BaseIssue<unknown>): { where: string; field: string | null } {
  const keys = (issue.path ?? []).map((p) => p.key as string | number);
  const n = (i: unknown) => Number(i) + 1;
  if (keys[0] === 'bundled' && keys.length > 1) return { where: `bundled entry ${n(keys[1])}`, field: null };
  if (keys[0] === 'user' && keys[2] === 'documents' && keys.length > 3)
    return { where: `document ${n(keys[3])} of user source ${n(keys[1])}`, field: null };
  if (keys[0] === 'user' && keys.length > 1) return { where: `user source ${n(keys[1])}`, field: null };
  return { where: '', field: keys.length ? keys.join('.') : null };
}

/** One issue as a sentence part, e.g. `user source 1 has no "name"`. */
export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const { where } = place(issue);
  if (!where) return issue.message;
  return issue.message.startsWith(':') ? `${where}${issue.message}` : `${where} ${issue.message}`;
}

/** The JSON path of an issue, e.g. `user[0].documents[1].text`. */
export function issuePath(issue: v.BaseIssue<unknown>): string {
  return (issue.path ?? []).map((p, i) => (typeof p.key === 'number' ? `[${p.key}]` : `${i ? '.' : ''}${String(p.key)}`)).join('');
}

const bad = (why: string): never => {
  throw new UserError('bad-import', `This file can’t be imported: ${why}.`);
};

/** Validates an export file completely before anything is written; throws `bad-import` naming each problem and where it is. */
export function parseExportFile(json: string, now = Date.now()): ExportFile {
  if (typeof json !== 'string' || json.length > MAX_IMPORT_CHARS) bad('it is not a text file of a sensible size');
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return bad('it is not valid JSON');
  }
  if (Array.isArray(data)) return bad('it is not a Riyadh Cross-Ref export');
  const result = v.safeParse(ExportFileSchema, data);
  if (!result.success) {
    // One sentence per problem (the first five), each with where it is in the file.
    const parts = result.issues.slice(0, 5).map((i) => {
      const path = issuePath(i);
      return path && place(i).where ? `${describeIssue(i)} (at ${path})` : describeIssue(i);
    });
    const more = result.issues.length > 5 ? `; and ${result.issues.length - 5} more problems` : '';
    return bad(parts.join('; ') + more);
  }
  const f = result.output;
  const out: ExportFile = { format: EXPORT_FORMAT, version: 1, exportedAt: String(f.exportedAt ?? ''), bundled: [], user: [] };
  f.bundled.forEach((b, i) => {
    if (out.bundled.some((x) => x.id === b.id)) bad(`bundled entry ${i + 1} repeats the "id" ${JSON.stringify(b.id.slice(0, 40))}`);
    out.bundled.push({ id: b.id, enabled: b.enabled, name: cleanName(b.name) });
  });
  f.user.forEach((u, i) => {
    if (out.user.some((x) => x.id === u.id)) bad(`user source ${i + 1} repeats the "id" ${JSON.stringify(u.id)}`);
    out.user.push({
      id: u.id,
      name: u.name.trim().slice(0, 120),
      url: safeHttpUrl(u.url),
      enabled: u.enabled !== false,
      addedAt: typeof u.addedAt === 'number' ? u.addedAt : now,
      documents: u.documents.map((d) => ({
        title: typeof d.title === 'string' ? d.title : null,
        url: safeHttpUrl(d.url),
        text: d.text as string,
      })),
    });
  });
  return out;
}
