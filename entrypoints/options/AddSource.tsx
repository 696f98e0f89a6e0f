// Adding a source: pasted text (its size limit said up front and checked before sending) or an open
// tab's article. Each form shows its progress and outcome under its own button.
import { useEffect, useState } from 'preact/hooks';
import { send, t, browser } from '../../lib/browser/adapter';
import { MAX_TEXT_CHARS } from '../../lib/core/user-input';
import { onTabStateChanged } from '../../lib/browser/changes';
import { WORKING_TIMEOUT_MS } from '../../lib/messages';
import { cancelLongWork, count, Feedback, number, quoted, useFeedback } from './feedback';

interface OpenTab {
  id: number;
  title: string;
}

/** The open web pages, kept current while the page is open (tabs open, close and load). */
function useOpenTabs(): OpenTab[] {
  const [tabs, setTabs] = useState<OpenTab[]>([]);
  useEffect(() => {
    const refresh = () =>
      void browser.tabs
        .query({})
        .then((all) =>
          setTabs(
            all
              .filter((x) => x.id !== undefined && /^https?:/.test(x.url ?? ''))
              .map((x) => ({ id: x.id!, title: x.title || x.url || '' })),
          ),
        )
        .catch(() => undefined);
    refresh();
    const onUpdated = (_id: number, change: browser.Tabs.OnUpdatedChangeInfoType) => {
      if (change.title !== undefined || change.url !== undefined || change.status === 'complete') refresh();
    };
    browser.tabs.onCreated.addListener(refresh);
    browser.tabs.onRemoved.addListener(refresh);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onCreated.removeListener(refresh);
      browser.tabs.onRemoved.removeListener(refresh);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);
  return tabs;
}

/** Resolves when the background has finished checking the tab (its state event), or after `WORKING_TIMEOUT_MS`. */
function checked(tabId: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stop();
      clearTimeout(timer);
      resolve();
    };
    const stop = onTabStateChanged(tabId, (st) => {
      if (st.state !== 'working') done();
    });
    const timer = setTimeout(done, WORKING_TIMEOUT_MS);
    // The check may have ended before the listener was added.
    void send('tab:get', { tabId })
      .then((st) => st.state !== 'working' && done())
      .catch(done);
  });
}

export function AddSource({ reload }: { reload: () => Promise<void> }) {
  const { busy, run } = useFeedback();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [title, setTitle] = useState('');
  const [text, setText] = useState('');
  const [tabName, setTabName] = useState('');
  const [tabId, setTabId] = useState('');
  const tabs = useOpenTabs();
  const tooLong = text.length > MAX_TEXT_CHARS;

  const addText = (e: Event) => {
    e.preventDefault();
    if (tooLong) {
      void run('add-text', async () => {
        throw new Error(t('textTooLong', [number(text.length), number(MAX_TEXT_CHARS)]));
      });
      return;
    }
    void run(
      'add-text',
      async () => {
        const r = await send('source:add', { name, url: url || null, title: title || null, text });
        setText('');
        setTitle('');
        setUrl('');
        setName('');
        await reload();
        return { kind: 'ok', text: t('addedSource', [quoted(r.source.name), count(r.statements, 'statement')]) };
      },
      t('progressAdding'),
    );
  };

  const addTab = () => {
    if (!tabId) return;
    void run(
      'add-tab',
      async () => {
        const id = Number(tabId);
        const first = await send('tab:check', { tabId: id, force: true });
        if (first.state === 'working') await checked(id);
        const r = await send('source:add-tab', { tabId: id, name: tabName || undefined });
        setTabId('');
        setTabName('');
        await reload();
        return { kind: 'ok', text: t('addedSource', [quoted(r.source.name), count(r.statements, 'statement')]) };
      },
      t('progressAddingTab'),
    );
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
          <textarea
            required
            rows={6}
            value={text}
            aria-describedby="text-limit"
            aria-invalid={tooLong}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
        </label>
        <p class={`hint${tooLong ? ' warn' : ''}`} id="text-limit">
          {t('textLimit', [number(MAX_TEXT_CHARS), number(text.length)])}
        </p>
        <div class="action">
          <button type="submit" class="primary" disabled={!!busy}>
            {t('addSource')}
          </button>
          <Feedback id="add-text" cancel={cancelLongWork} />
        </div>
      </form>
      <form
        class="add-tab"
        onSubmit={(e) => {
          e.preventDefault();
          addTab();
        }}
      >
        <h3 id="add-tab-h">{t('addCurrentPage')}</h3>
        <div class="add-tab-row">
          <label>
            {t('openTab')}{' '}
            <select value={tabId} disabled={!!busy} onChange={(e) => setTabId((e.target as HTMLSelectElement).value)}>
              <option value="">{t('chooseTab')}</option>
              {tabs.map((x) => (
                <option value={String(x.id)}>{x.title.slice(0, 80)}</option>
              ))}
            </select>
          </label>
          <label>
            {t('tabSourceName')} <input maxLength={120} value={tabName} onInput={(e) => setTabName((e.target as HTMLInputElement).value)} />
          </label>
        </div>
        <div class="action">
          <button type="submit" disabled={!!busy || !tabId}>
            {t('addSource')}
          </button>
          <Feedback id="add-tab" />
        </div>
      </form>
    </section>
  );
}
