// Sources and settings: every outlet and article the matcher knows, enable/disable and rename them,
// add pasted text or an open tab as a source, import/export/reset, and the detection settings.
import { useEffect, useState } from 'preact/hooks';
import { send, t, browser } from '../../lib/browser/adapter';
import type { ArticleView, Settings, SourceView } from '../../lib/core/sources';
import { safeHttpUrl } from '../../lib/core/safe-url';
import { countMessage } from '../../lib/view/plural';

function useFlash(): [string, (m: string) => void] {
  const [msg, setMsg] = useState('');
  return [
    msg,
    (m: string) => {
      setMsg(m);
      setTimeout(() => setMsg((x) => (x === m ? '' : x)), 4000);
    },
  ];
}

function SourceCard({
  s,
  articles,
  onChange,
  onError,
}: {
  s: SourceView;
  articles: ArticleView[];
  onChange: () => void;
  onError: (m: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(s.name);
  const act = async (p: Promise<unknown>) => {
    try {
      await p;
      onChange();
    } catch (e) {
      onError((e as Error).message);
    }
  };
  const highlighted = location.hash === `#source=${encodeURIComponent(s.id)}`;
  return (
    <li class={`source${highlighted ? ' highlighted' : ''}`} id={`source-${s.id}`} data-source={s.id}>
      <div class="source-head">
        <label class="switch">
          <input
            type="checkbox"
            checked={s.enabled}
            onChange={(e) => void act(send('source:update', { id: s.id, enabled: (e.target as HTMLInputElement).checked }))}
          />
          <span class="switch-label">{t('enabled')}</span>
        </label>
        {editing ? (
          <form
            class="rename"
            onSubmit={(e) => {
              e.preventDefault();
              setEditing(false);
              void act(send('source:update', { id: s.id, name }));
            }}
          >
            <input
              value={name}
              aria-label={t('sourceName')}
              onInput={(e) => setName((e.target as HTMLInputElement).value)}
              maxLength={120}
            />
            <button type="submit">{t('save')}</button>
            <button
              type="button"
              onClick={() => {
                setEditing(false);
                setName(s.name);
              }}
            >
              {t('cancel')}
            </button>
          </form>
        ) : (
          <h3>
            <bdi>{s.name}</bdi>
          </h3>
        )}
        <span class="tag">{s.origin === 'bundled' ? t('bundled') : t('yours')}</span>
      </div>
      <p class="meta">
        {s.site && <span>{s.site} · </span>}
        {s.published && <span>{s.published} · </span>}
        {t(...countMessage(s.articles, 'article'))}, {t(...countMessage(s.statements, 'statement'))}
        {!s.attributed && <span class="warn"> · {t('unattributed')}</span>}
      </p>
      {s.note && <p class="note">{s.note}</p>}
      <ul class="articles">
        {articles.map((a) => (
          <li data-article={a.id} class={a.topic ? '' : 'off-topic'}>
            {safeHttpUrl(a.url) ? (
              <a href={safeHttpUrl(a.url)!} target="_blank" rel="noopener noreferrer">
                {a.title ?? a.lead}
              </a>
            ) : (
              <span class={a.title ? '' : 'untitled'}>{a.title ?? `${t('untitled')} “${a.lead}”`}</span>
            )}{' '}
            <span class="count">({t(...countMessage(a.statements, 'statement'))})</span>
            {!a.topic && <span class="warn"> — {t('offTopic')}</span>}
          </li>
        ))}
      </ul>
      <div class="source-actions">
        {!editing && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('rename')}
          </button>
        )}
        {s.origin === 'user' && (
          <button type="button" onClick={() => void act(send('source:remove', { id: s.id }))}>
            {t('remove')}
          </button>
        )}
      </div>
    </li>
  );
}

function AddSource({ onAdded, onError }: { onAdded: (m: string) => void; onError: (m: string) => void }) {
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [tabs, setTabs] = useState<{ id: number; title: string }[]>([]);
  const [tabId, setTabId] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    void browser.tabs
      .query({})
      .then((all) =>
        setTabs(
          all.filter((x) => x.id !== undefined && /^https?:/.test(x.url ?? '')).map((x) => ({ id: x.id!, title: x.title || x.url || '' })),
        ),
      );
  }, []);
  const addText = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const r = await send('source:add', { name, url: url || null, title: title || null, text });
      setText('');
      setTitle('');
      setUrl('');
      onAdded(t('addedSource', [r.source.name, t(...countMessage(r.statements, 'statement'))]));
    } catch (err) {
      onError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const addTab = async () => {
    if (!tabId) return;
    setBusy(true);
    try {
      const id = Number(tabId);
      await send('tab:check', { tabId: id, force: true });
      for (let i = 0; i < 50; i++) {
        const s = await send('tab:get', { tabId: id });
        if (s.state !== 'working') break;
        await new Promise((r) => setTimeout(r, 200));
      }
      const r = await send('source:add-tab', { tabId: id, name: name || undefined });
      onAdded(t('addedSource', [r.source.name, t(...countMessage(r.statements, 'statement'))]));
    } catch (err) {
      onError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="add-h">
      <h2 id="add-h">{t('addSourceHeading')}</h2>
      <form class="add" onSubmit={addText}>
        <label>
          {t('sourceName')}
          <input required maxLength={120} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('sourceUrl')}
          <input type="url" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('sourceTitle')}
          <input value={title} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <label>
          {t('sourceText')}
          <textarea required rows={6} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
        </label>
        <button type="submit" class="primary" disabled={busy}>
          {t('addSource')}
        </button>
      </form>
      <div class="add-tab">
        <label>
          {t('addCurrentPage')}{' '}
          <select value={tabId} onChange={(e) => setTabId((e.target as HTMLSelectElement).value)}>
            <option value="">—</option>
            {tabs.map((x) => (
              <option value={String(x.id)}>{x.title.slice(0, 80)}</option>
            ))}
          </select>
        </label>
        <button type="button" disabled={busy || !tabId} onClick={() => void addTab()}>
          {t('addSource')}
        </button>
      </div>
    </section>
  );
}

function SettingsForm({
  settings,
  onSaved,
  onError,
}: {
  settings: Settings;
  onSaved: (s: Settings) => void;
  onError: (m: string) => void;
}) {
  const [sites, setSites] = useState(settings.sites.join('\n'));
  const save = async (change: Partial<Settings>) => {
    try {
      onSaved(await send('settings:set', change));
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="settings-h">
      <h2 id="settings-h">{t('settingsHeading')}</h2>
      <fieldset>
        <legend>{t('detectionHeading')}</legend>
        {(['auto', 'sites', 'on-demand'] as const).map((mode) => (
          <label class="radio">
            <input
              type="radio"
              name="detection"
              value={mode}
              checked={settings.detection === mode}
              onChange={() => void save({ detection: mode })}
            />
            {t(mode === 'auto' ? 'detectionAuto' : mode === 'sites' ? 'detectionSites' : 'detectionOnDemand')}
          </label>
        ))}
        {settings.detection === 'sites' && (
          <div class="sites">
            <textarea
              rows={4}
              aria-label={t('detectionSites')}
              placeholder={t('sitesPlaceholder')}
              value={sites}
              onInput={(e) => setSites((e.target as HTMLTextAreaElement).value)}
            />
            <button type="button" onClick={() => void save({ sites: sites.split(/\s+/).filter(Boolean) })}>
              {t('save')}
            </button>
          </div>
        )}
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          name="markers"
          checked={settings.markers}
          onChange={(e) => void save({ markers: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t('markersSetting')}
      </label>
      <label class="check">
        <input
          type="checkbox"
          name="showRelated"
          checked={settings.showRelated}
          onChange={(e) => void save({ showRelated: (e.target as HTMLInputElement).checked })}
        />{' '}
        {t('relatedSetting')}
      </label>
    </section>
  );
}

export function Options() {
  const [data, setData] = useState<{ sources: SourceView[]; articles: ArticleView[] } | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [note, flash] = useFlash();
  const [error, setError] = useState('');
  const load = async () => {
    try {
      const [d, s] = await Promise.all([send('sources:list', {}), send('settings:get', {})]);
      setData(d);
      setSettings(s);
      setError('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    void load();
  }, []);
  const doExport = async () => {
    try {
      const { json } = await send('sources:export', {});
      const a = document.createElement('a');
      a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      a.download = `riyadh-cross-ref-sources-${new Date().toISOString().slice(0, 10)}.json`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(a.href), 1000);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const doImport = async (file: File | undefined) => {
    if (!file) return;
    try {
      const r = await send('sources:import', { json: await file.text() });
      flash(t('imported', [String(r.added), String(r.updated)]));
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const doReset = async () => {
    if (!confirm(t('resetConfirm'))) return;
    try {
      await send('sources:reset', {});
      flash(t('saved'));
      await load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <main class="options" data-state={data ? 'ready' : error ? 'error' : 'loading'}>
      <h1>{t('optionsTitle')}</h1>
      {location.hash === '#welcome' && <p class="welcome">{t('welcome')}</p>}
      <p role="status" class="flash">
        {note}
      </p>
      {error && (
        <p role="alert" class="error-text">
          {error}
        </p>
      )}
      {!data && !error && <p>{t('loading')}</p>}
      {data && (
        <section aria-labelledby="sources-h">
          <h2 id="sources-h">{t('sourcesHeading')}</h2>
          <ul class="sources">
            {data.sources.map((s) => (
              <SourceCard
                key={s.id}
                s={s}
                articles={data.articles.filter((a) => a.source === s.id)}
                onChange={() => void load()}
                onError={setError}
              />
            ))}
          </ul>
        </section>
      )}
      <AddSource
        onAdded={(m) => {
          flash(m);
          void load();
        }}
        onError={setError}
      />
      <section aria-labelledby="io-h">
        <h2 id="io-h">{t('importExportHeading')}</h2>
        <div class="io">
          <button type="button" onClick={() => void doExport()}>
            {t('exportSources')}
          </button>
          <label class="file-button">
            {t('importSources')}
            <input type="file" accept="application/json,.json" onChange={(e) => void doImport((e.target as HTMLInputElement).files?.[0])} />
          </label>
          <button type="button" onClick={() => void doReset()}>
            {t('resetSources')}
          </button>
        </div>
      </section>
      {settings && (
        <SettingsForm
          settings={settings}
          onSaved={(s) => {
            setSettings(s);
            flash(t('saved'));
          }}
          onError={setError}
        />
      )}
    </main>
  );
}
