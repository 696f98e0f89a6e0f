// One outlet or user source: its switch, name (renamed in place), articles, and Remove for a source
// the person added. Every outcome shows right under the card's first row, where the controls are.
import { useEffect, useRef, useState } from 'preact/hooks';
import { send, t } from '../../lib/browser/adapter';
import type { ArticleView, SourceView } from '../../lib/core/sources';
import { safeHttpUrl } from '../../lib/core/safe-url';
import { count, Feedback, quoted, useFeedback, type Outcome } from './feedback';

/** What the options page keeps to bring a removed source back (its export file entry) and where it was. */
export interface Removed {
  id: string;
  name: string;
  statements: number;
  index: number;
  /** An export file holding only this source, for `sources:import`. */
  json: string;
}

export function SourceCard({
  s,
  articles,
  index,
  reload,
  onRemoved,
}: {
  s: SourceView;
  articles: ArticleView[];
  index: number;
  reload: () => Promise<void>;
  onRemoved: (r: Removed) => void;
}) {
  const { busy, run } = useFeedback();
  const key = `source:${s.id}`;
  const [editing, setEditing] = useState(false);
  const [name, setName] = useState(s.name);
  const [nameRefused, setNameRefused] = useState(false);
  const nameInput = useRef<HTMLInputElement>(null);
  const renameButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (editing) nameInput.current?.select();
  }, [editing]);

  const setEnabled = (enabled: boolean) =>
    run(key, async () => {
      const { source } = await send('source:update', { id: s.id, enabled });
      await reload();
      if (enabled) return { kind: 'ok', text: t('sourceEnabled', [quoted(source.name)]) };
      return {
        kind: 'ok',
        text: t('sourceDisabled', [quoted(source.name)]),
        undo: async (): Promise<Outcome> => {
          const r = await send('source:update', { id: s.id, enabled: true });
          await reload();
          return { kind: 'ok', text: t('sourceEnabledAgain', [quoted(r.source.name)]) };
        },
      };
    });

  /** An article's switch: its outcome is said beside it. */
  // An article's message area is put in place at its first use (before the reply, so the message is announced):
  // a card keeps one status for its own controls until then, not one more per article.
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const setArticleEnabled = (a: ArticleView, enabled: boolean) => {
    if (!touched.has(a.id)) setTouched(new Set([...touched, a.id]));
    return run(`article:${a.id}`, async () => {
      await send('article:update', { id: a.id, enabled });
      await reload();
      return { kind: 'ok', text: t(enabled ? 'articleEnabled' : 'articleDisabled', [quoted(articleName(a))]) };
    });
  };

  const closeRename = () => {
    setEditing(false);
    setNameRefused(false);
    // The Rename button comes back on the next render; focus returns to it.
    setTimeout(() => renameButton.current?.focus(), 0);
  };
  const rename = async () => {
    const ok = await run(key, async () => {
      const { source } = await send('source:update', { id: s.id, name });
      await reload();
      const text = s.origin === 'bundled' && !name.trim() ? t('renamedBack', [quoted(source.name)]) : t('renamed', [quoted(source.name)]);
      return { kind: 'ok', text };
    });
    if (ok) closeRename();
    else {
      setNameRefused(true);
      nameInput.current?.focus();
    }
  };

  const remove = () =>
    run(
      key,
      async () => {
        // Keep this source's entry of an export file: Undo imports it back, with its id and place in the list.
        const file = JSON.parse((await send('sources:export', {})).json) as { bundled: unknown[]; user: { id: string }[] };
        const json = JSON.stringify({ ...file, bundled: [], user: file.user.filter((u) => u.id === s.id) });
        await send('source:remove', { id: s.id });
        onRemoved({ id: s.id, name: s.name, statements: s.statements, index, json });
        await reload();
        return {
          kind: 'ok',
          text: t('sourceRemoved', [quoted(s.name), count(s.statements, 'statement')]),
          undo: async (): Promise<Outcome> => {
            await send('sources:import', { json });
            await reload();
            return { kind: 'ok', text: t('sourceRestored', [quoted(s.name), count(s.statements, 'statement')]) };
          },
        };
      },
      t('progressRemoving', [quoted(s.name)]),
    );

  const highlighted = location.hash === `#source=${encodeURIComponent(s.id)}`;
  const feedbackId = `feedback-${s.id}`;
  return (
    <li class={`source${highlighted ? ' highlighted' : ''}${s.enabled ? '' : ' disabled'}`} id={`source-${s.id}`} data-source={s.id}>
      <div class="source-head">
        <label class="switch">
          <input
            type="checkbox"
            checked={s.enabled}
            disabled={!!busy}
            onChange={(e) => void setEnabled((e.target as HTMLInputElement).checked)}
          />
          <span class="switch-label">{t('enabled')}</span>
        </label>
        <h3>
          <bdi>{s.name}</bdi>
        </h3>
        <span class="tag">{s.origin === 'bundled' ? t('bundled') : t('yours')}</span>
        <span class="source-actions">
          {!editing && (
            <button
              type="button"
              ref={renameButton}
              onClick={() => {
                setName(s.name);
                setEditing(true);
              }}
            >
              {t('rename')}
            </button>
          )}
          {s.origin === 'user' && (
            <button type="button" class="remove" disabled={!!busy} onClick={() => void remove()}>
              {t('remove')}
            </button>
          )}
        </span>
      </div>
      {editing && (
        <form
          class="rename"
          onSubmit={(e) => {
            e.preventDefault();
            void rename();
          }}
        >
          <label for={`rename-${s.id}`}>{t('newName')}</label>
          <input
            ref={nameInput}
            id={`rename-${s.id}`}
            value={name}
            aria-invalid={nameRefused}
            aria-describedby={`${feedbackId} rename-hint-${s.id}`}
            onInput={(e) => setName((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key !== 'Escape') return;
              e.preventDefault();
              setName(s.name);
              closeRename();
            }}
            maxLength={120}
          />
          <button type="submit" disabled={!!busy}>
            {t('save')}
          </button>
          <button
            type="button"
            onClick={() => {
              setName(s.name);
              closeRename();
            }}
          >
            {t('cancel')}
          </button>
          <span class="hint" id={`rename-hint-${s.id}`}>
            {t(s.origin === 'bundled' ? 'renameHintBundled' : 'renameHintUser')}
          </span>
        </form>
      )}
      <div id={feedbackId}>
        <Feedback id={key} />
      </div>
      <p class="meta">
        {s.site && <span>{s.site} · </span>}
        {s.published && <span>{s.published} · </span>}
        {count(s.articles, 'article')}, {count(s.statements, 'statement')}
        {!s.enabled && <span> · {t('disabledNote')}</span>}
        {!s.attributed && <span class="warn"> · {t('unattributed')}</span>}
      </p>
      {s.note && <p class="note">{s.note}</p>}
      <ul class="articles">
        {articles.map((a) => (
          <li data-article={a.id} class={`${a.topic ? '' : 'off-topic'}${a.enabled ? '' : ' article-off'}`}>
            {/* A switch button, not a checkbox: the outlet's own switch stays the card's one checkbox. */}
            <button
              type="button"
              role="switch"
              class="article-switch"
              aria-checked={a.enabled}
              disabled={!s.enabled || !!busy}
              aria-label={t('articleUse', [quoted(articleName(a))])}
              title={s.enabled ? undefined : t('articleSourceOff')}
              onClick={() => void setArticleEnabled(a, !a.enabled)}
            />{' '}
            {safeHttpUrl(a.url) ? (
              <a href={safeHttpUrl(a.url)!} target="_blank" rel="noopener noreferrer">
                {a.title ?? a.lead}
              </a>
            ) : (
              <span class={a.title ? '' : 'untitled'}>{a.title ?? `${t('untitled')} “${a.lead}”`}</span>
            )}{' '}
            <span class="count">({count(a.statements, 'statement')})</span>
            {!a.topic && <span class="warn"> — {t('offTopic')}</span>}
            {touched.has(a.id) && <Feedback id={`article:${a.id}`} class="article-feedback" />}
          </li>
        ))}
      </ul>
    </li>
  );
}

/** How an article is named in its switch's label and messages: its headline, or its first words. */
function articleName(a: ArticleView): string {
  return a.title ?? a.lead;
}

/** Where a removed source was: what happened, and Undo while it is offered. */
export function RemovedCard({ r }: { r: Removed }) {
  return (
    <li class="source removed" data-removed={r.id}>
      <Feedback id={`source:${r.id}`} />
    </li>
  );
}
