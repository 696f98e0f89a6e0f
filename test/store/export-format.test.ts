// The export file's schema (lib/store/export-format.ts): a file with several problems names each one
// and where it is; a good file reads back to the same shape whatever extra fields it carries.
import { describe, expect, it } from 'vitest';
import { parseExportFile, EXPORT_FORMAT } from '../../lib/store/export-format';
import { UserError } from '../../lib/core/errors';

const file = (user: unknown[], extra: object = {}) =>
  JSON.stringify({ format: EXPORT_FORMAT, version: 1, exportedAt: '2026-01-01T00:00:00.000Z', bundled: [], user, ...extra });
const doc = (text: unknown, url: unknown = null) => ({ title: null, url, text });
const user = (id: string, documents: unknown[]) => ({ id, name: 'Notes', url: null, enabled: true, addedAt: 5, documents });

function message(json: string): string {
  try {
    parseExportFile(json);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    expect((e as UserError).code).toBe('bad-import');
    return (e as UserError).message;
  }
  throw new Error('the file was accepted');
}

describe('export file schema', () => {
  it('names every problem with its place in words and its path in the file', () => {
    const m = message(file([user('user-a1', [doc('fine'), doc('  ')]), user('user-b2', [doc('ok', 'javascript:alert(1)')])]));
    expect(m).toContain('document 2 of user source 1: text is empty (at user[0].documents[1].text)');
    expect(m).toContain('document 1 of user source 2 has a "url" that is not an http(s) link (at user[1].documents[0].url)');
  });

  it('says how many more problems there are beyond the first five', () => {
    const users = Array.from({ length: 7 }, (_, i) => user(`user-x${i}`, [doc('')]));
    expect(message(file(users))).toMatch(/; and 2 more problems\.$/);
  });

  it('reads a good file, dropping unknown fields and keeping only http(s) links', () => {
    const f = parseExportFile(
      file([{ ...user('user-a1', [{ ...doc('Lavrov met Rubio.', 'https://x.example/a'), extra: 1 }]), more: true }], { newer: 'field' }),
    );
    expect(f.user).toEqual([
      {
        id: 'user-a1',
        name: 'Notes',
        url: null,
        enabled: true,
        addedAt: 5,
        documents: [{ title: null, url: 'https://x.example/a', text: 'Lavrov met Rubio.' }],
      },
    ]);
    expect(Object.keys(f)).toEqual(['format', 'version', 'exportedAt', 'bundled', 'user']);
  });
});

describe('export file text', () => {
  it('refuses a file whose bytes are not UTF-8, naming the field', () => {
    const bytes = new TextEncoder().encode(file([user('user-a1', [doc('Lavrov QQ met Rubio')])]));
    const at = bytes.indexOf('Q'.charCodeAt(0));
    bytes[at] = 0xff;
    bytes[at + 1] = 0xfe;
    expect(message(new TextDecoder().decode(bytes))).toMatch(/document 1 of user source 1: text has characters that are not text .*UTF-8/);
  });

  it('refuses control characters in a text or a name, and accepts tabs, line breaks and any script', () => {
    expect(message(file([user('user-a1', [doc('Lavrov\u0000met')])]))).toMatch(/text has characters that are not text/);
    expect(message(file([{ ...user('user-a1', [doc('ok')]), name: 'N\u0007' }]))).toMatch(/user source 1 has a "name" that is not text/);
    expect(parseExportFile(file([user('user-a1', [doc('Лавров\tвстретился\r\nمع روبيو 🇸🇦')])])).user[0]!.documents[0]!.text).toContain(
      'روبيو',
    );
  });
});
