// Sources and settings: every outlet and article the matcher knows, enable/disable and rename them,
// add pasted text or an open tab as a source, import/export/reset, and the detection settings. Every
// outcome is said beside the control that caused it (./feedback.tsx); removing, disabling and
// resetting offer Undo instead of asking first.
import { useEffect, useState } from 'preact/hooks';
import { send, t } from '../../lib/browser/adapter';
import type { ArticleView, Settings, SourceView } from '../../lib/core/sources';
import { MAX_IMPORT_CHARS, MAX_IMPORT_SOURCES, type ExportFile } from '../../lib/store/export-format';
import { MAX_TEXT_CHARS } from '../../lib/core/user-input';
import { onSourcesChanged } from '../../lib/browser/changes';
import {
  cancelLongWork,
  count,
  Feedback,
  FeedbackProvider,
  megabytes,
  messageOf,
  number,
  quoted,
  useFeedback,
  type Outcome,
} from './feedback';
import { RemovedCard, SourceCard, type Removed } from './SourceCard';
import { AddSource } from './AddSource';
import { SettingsForm } from './SettingsForm';

type Listing = { sources: SourceView[]; articles: ArticleView[] };

/** Export, import and reset, each with its limits or consequences said before it is used. */
function Transfer({ reload }: { reload: () => Promise<void> }) {
  const { busy, run } = useFeedback();
  const doExport = () =>
    run('export', async () => {
      const { json } = await send('sources:export', {});
      const file = JSON.parse(json) as ExportFile;
      const name = `riyadh-cross-ref-sources-${new Date().toISOString().slice(0, 10)}.json`;
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      a.download = name;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
      return { kind: 'ok', text: t('exported', [count(file.user.length, 'source'), count(file.bundled.length, 'outlet'), name]) };
    });
  const doImport = (input: HTMLInputElement) => {
    const file = input.files?.[0];
    if (!file) return;
    const tooLarge = file.size > MAX_IMPORT_CHARS;
    void run(
      'import',
      async () => {
        try {
          // Refused here, before reading it, so a huge file costs nothing.
          if (tooLarge) throw new Error(t('importTooLarge', [quoted(file.name), megabytes(file.size), megabytes(MAX_IMPORT_CHARS)]));
          const r = await send('sources:import', { json: await file.text() });
          await reload();
          return { kind: 'ok', text: t('importDone', [quoted(file.name), count(r.added, 'source'), count(r.updated, 'source')]) };
        } finally {
          input.value = '';
        }
      },
      tooLarge ? undefined : t('progressImporting'),
    );
  };
  const doReset = () =>
    run(
      'reset',
      async (): Promise<Outcome> => {
        // What reset will change, read from an export taken first; Undo imports that export back.
        const before = (await send('sources:export', {})).json;
        const file = JSON.parse(before) as ExportFile;
        const removed = file.user.length;
        const enabled = file.bundled.filter((b) => !b.enabled).length;
        const renamed = file.bundled.filter((b) => b.name).length;
        await send('sources:reset', {});
        await reload();
        if (!removed && !enabled && !renamed) return { kind: 'ok', text: t('resetNothing') };
        return {
          kind: 'ok',
          text: t('resetDone', [count(removed, 'source'), count(enabled, 'outlet'), count(renamed, 'outlet')]),
          undo: async () => {
            await send('sources:import', { json: before });
            await reload();
            return { kind: 'ok', text: t('resetUndone') };
          },
        };
      },
      t('progressResetting'),
    );
  return (
    <section aria-labelledby="io-h">
      <h2 id="io-h">{t('importExportHeading')}</h2>
      <div class="io">
        <div class="io-item">
          <button type="button" disabled={!!busy} aria-describedby="export-hint" onClick={() => void doExport()}>
            {t('exportSources')}
          </button>
          <p class="hint" id="export-hint">
            {t('exportHint')}
          </p>
          <Feedback id="export" />
        </div>
        <div class="io-item">
          <label class="file-button">
            {t('importSources')}
            <input
              type="file"
              accept="application/json,.json"
              disabled={!!busy}
              aria-describedby="import-limit"
              onChange={(e) => doImport(e.target as HTMLInputElement)}
            />
          </label>
          <p class="hint" id="import-limit">
            {t('importLimit', [megabytes(MAX_IMPORT_CHARS), number(MAX_IMPORT_SOURCES), number(MAX_TEXT_CHARS)])}
          </p>
          <Feedback id="import" cancel={cancelLongWork} />
        </div>
        <div class="io-item">
          <button type="button" disabled={!!busy} aria-describedby="reset-hint" onClick={() => void doReset()}>
            {t('resetSources')}
          </button>
          <p class="hint" id="reset-hint">
            {t('resetHint')}
          </p>
          <Feedback id="reset" />
        </div>
      </div>
    </section>
  );
}

/** The sources, with a removed one's place kept (what happened and Undo) until the page closes. */
function SourceList({ data, reload }: { data: Listing; reload: () => Promise<void> }) {
  const [removed, setRemoved] = useState<Removed[]>([]);
  const present = new Set(data.sources.map((s) => s.id));
  const items = data.sources.map((s, i) => (
    <SourceCard
      key={s.id}
      s={s}
      index={i}
      articles={data.articles.filter((a) => a.source === s.id)}
      reload={reload}
      onRemoved={(r) => setRemoved((all) => [...all.filter((x) => x.id !== r.id), r])}
    />
  ));
  for (const r of removed.filter((x) => !present.has(x.id)).sort((a, b) => a.index - b.index)) {
    items.splice(Math.min(r.index, items.length), 0, <RemovedCard key={`removed-${r.id}`} r={r} />);
  }
  return <ul class="sources">{items}</ul>;
}

function Page() {
  const [data, setData] = useState<Listing | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [loadError, setLoadError] = useState('');
  const load = async () => {
    try {
      const [d, s] = await Promise.all([send('sources:list', {}), send('settings:get', {})]);
      setData(d);
      setSettings(s);
      setLoadError('');
    } catch (e) {
      setLoadError(messageOf(e));
    }
  };
  const reload = async () => setData(await send('sources:list', {}));
  useEffect(() => {
    void load();
    // A change made elsewhere (the popup, another options tab, the background's rebuild) shows up here too.
    return onSourcesChanged(() => void reload().catch(() => undefined));
  }, []);
  return (
    <main class="options" data-state={data ? 'ready' : loadError ? 'error' : 'loading'}>
      <h1>{t('optionsTitle')}</h1>
      {location.hash === '#welcome' && <p class="welcome">{t('welcome')}</p>}
      <section aria-labelledby="sources-h">
        <h2 id="sources-h">{t('sourcesHeading')}</h2>
        {loadError && (
          <div class="load-error">
            <p role="alert" class="error-text">
              {loadError}
            </p>
            <button type="button" onClick={() => void load()}>
              {t('retry')}
            </button>
          </div>
        )}
        {!data && !loadError && <p>{t('loading')}</p>}
        {data && <SourceList data={data} reload={reload} />}
      </section>
      <AddSource reload={reload} />
      <Transfer reload={reload} />
      {settings && <SettingsForm settings={settings} onSaved={setSettings} />}
    </main>
  );
}

export function Options() {
  return (
    <FeedbackProvider>
      <Page />
    </FeedbackProvider>
  );
}
