// Export and import of what the user chose or added (the file format is lib/store/export-format.ts).
// An import is read and checked completely, and every text parsed, before one transaction writes it.
import type { Db } from './schema';
import { inTransaction } from './transaction';
import { EXPORT_FORMAT, parseExportFile, type ExportFile } from './export-format';
import { prepareDocs, userRecord, userSourceTransaction, writeUserSource, type ParseUserText, type PreparedDoc } from './sources';

/** Everything the user chose or added, as JSON that `importSources` reads back. */
export async function exportSources(db: Db, now = new Date()): Promise<string> {
  const tx = db.transaction(['sources', 'userDocs'], 'readonly');
  const sources = await tx.objectStore('sources').getAll();
  const docs = await tx.objectStore('userDocs').getAll();
  const file: ExportFile = {
    format: EXPORT_FORMAT,
    version: 1,
    exportedAt: now.toISOString(),
    bundled: sources.filter((s) => s.origin === 'bundled').map((s) => ({ id: s.id, enabled: s.enabled, name: s.customName })),
    user: sources
      .filter((s) => s.origin === 'user')
      .map((s) => ({
        id: s.id,
        name: s.name,
        url: s.url,
        enabled: s.enabled,
        addedAt: s.addedAt,
        documents: docs.filter((d) => d.source === s.id).map((d) => ({ title: d.title, url: d.url, text: d.text })),
      })),
  };
  return JSON.stringify(file, null, 2);
}

/** Applies an export file: bundled choices by id, user sources added or replaced. */
export async function importSources(db: Db, json: string, parse: ParseUserText): Promise<{ added: number; updated: number }> {
  const file = parseExportFile(json);
  let added = 0;
  let updated = 0;
  const existing = new Map((await db.getAll('sources')).map((s) => [s.id, s]));
  // Parse every user document first: a failure leaves the database untouched.
  const prepared: { u: ExportFile['user'][number]; docs: PreparedDoc[] }[] = [];
  for (const u of file.user)
    prepared.push({
      u,
      docs: await prepareDocs(
        u.id,
        u.documents.map((d) => ({ ...d, addedAt: u.addedAt })),
        parse,
      ),
    });
  const tx = userSourceTransaction(db);
  return inTransaction(tx, async () => {
    for (const b of file.bundled) {
      const s = await tx.objectStore('sources').get(b.id);
      if (!s || s.origin !== 'bundled') continue;
      s.enabled = b.enabled;
      s.customName = b.name;
      await tx.objectStore('sources').put(s);
      updated++;
    }
    for (const { u, docs } of prepared) {
      const prev = existing.get(u.id);
      if (prev && prev.origin !== 'user') continue;
      await writeUserSource(tx, u.id, docs, { record: userRecord(u) });
      if (prev) updated++;
      else added++;
    }
    return { added, updated };
  });
}
