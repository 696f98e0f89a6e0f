// The reader's cross-reference view: states (not coverage, working, results, empty, no sources on,
// error), the paragraph-by-paragraph results with filters, the overview of the coverage, and the
// Markdown export. It follows the tab's state as the background pushes it (lib/browser/changes.ts):
// no polling; results computed before the sources changed are re-checked by the background, and say
// so with a one-click re-check until then.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { send, t, browser } from '../../lib/browser/adapter';
import { onSourcesChanged, onTabStateChanged } from '../../lib/browser/changes';
import { WORKING_TIMEOUT_MS, type TabSourcePreview, type TabState } from '../../lib/messages';
import type { Match, XrefReport } from '../../lib/core/report';
import { forPage, type Cell, type Overview, type OverviewRow } from '../../lib/match/overview';
import { excerpt, groupParagraphs, isEmpty, outletsOf, summarize, toMarkdown, type StanceFilter } from '../../lib/view/report-view';
import { safeHttpUrl } from '../../lib/core/safe-url';
import { renderReason } from '../../lib/view/reason';
import { countMessage } from '../../lib/view/plural';

type ViewState = 'not-coverage' | 'working' | 'results' | 'empty' | 'no-sources' | 'error';

function viewStateOf(s: TabState | null): ViewState {
  if (!s || s.state === 'idle' || s.state === 'working') return 'working';
  if (s.state === 'results') return isEmpty(s.report) ? 'empty' : 'results';
  return s.state;
}

const ICON: Record<Match['stance'], string> = { conflicts: '\u26a0', corroborates: '\u2713', related: '\u00b7' };
const STANCE_KEY: Record<Match['stance'], string> = {
  conflicts: 'stanceConflicts',
  corroborates: 'stanceCorroborates',
  related: 'stanceRelated',
};

function MatchItem({ m }: { m: Match }) {
  const href = safeHttpUrl(m.articleUrl) ?? browser.runtime.getURL(`/options.html#source=${encodeURIComponent(m.sourceId)}`);
  return (
    <li class={`match ${m.stance}`} data-stance={m.stance} data-source={m.sourceId}>
      <div class="match-head">
        <span class="stance">
          <span aria-hidden="true" class="icon">
            {ICON[m.stance]}
          </span>{' '}
          {t(STANCE_KEY[m.stance])}
        </span>
        <bdi class="outlet">{m.source}</bdi>
      </div>
      <blockquote class="statement">{m.statement}</blockquote>
      <p class="reason">{renderReason(m, t)}</p>
      <a class="source-link" href={href} target="_blank" rel="noopener noreferrer">
        {t('openSource')}
      </a>
    </li>
  );
}

function Results({ report, tabId, url }: { report: XrefReport; tabId: number; url: string }) {
  const [stance, setStance] = useState<StanceFilter>('all');
  const [chosenOutlet, setOutlet] = useState('all');
  const [showRelated, setShowRelated] = useState(true);
  const [copyNote, setCopyNote] = useState('');
  useEffect(() => {
    void send('settings:get', {})
      .then((s) => setShowRelated(s.showRelated))
      .catch(() => undefined);
  }, []);
  const summary = summarize(report);
  const outlets = outletsOf(report);
  // An outlet chosen before a re-check that no longer lists it (switched off meanwhile): show all.
  const outlet = outlets.some((o) => o.id === chosenOutlet) ? chosenOutlet : 'all';
  const groups = useMemo(() => groupParagraphs(report, { stance, outlet, showRelated }), [report, stance, outlet, showRelated]);
  const showInPage = async (index: number) => {
    await send('tab:show', { tabId, paragraph: index }).catch(() => undefined);
    window.close();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toMarkdown(report, url, new Date(), t));
      setCopyNote(t('copied'));
    } catch (e) {
      setCopyNote(t('copyFailed', [(e as Error).message]));
    }
  };
  return (
    <>
      <p class="summary" data-testid="summary">
        {t('summaryLine', [String(summary.checked), String(summary.corroborated), String(summary.conflicted), String(summary.outlets)])}
      </p>
      {report.self && <p class="notice">{t('selfNotice', [report.self.source])}</p>}
      <div class="filters">
        <label>
          {t('filterStance')}{' '}
          <select value={stance} onChange={(e) => setStance((e.target as HTMLSelectElement).value as StanceFilter)}>
            <option value="all">{t('filterAll')}</option>
            <option value="conflicts">{t('stanceConflicts')}</option>
            <option value="corroborates">{t('stanceCorroborates')}</option>
          </select>
        </label>
        <label>
          {t('filterOutlet')}{' '}
          <select value={outlet} onChange={(e) => setOutlet((e.target as HTMLSelectElement).value)}>
            <option value="all">{t('allOutlets')}</option>
            {outlets.map((o) => (
              <option value={o.id}>{o.name}</option>
            ))}
          </select>
        </label>
        <button type="button" onClick={copy}>
          {t('copyMarkdown')}
        </button>
        <span role="status" class="copy-note">
          {copyNote}
        </span>
      </div>
      <ol class="groups">
        {groups.map((g) => (
          <li class="group" data-paragraph={String(g.index)} key={g.index}>
            <div class="group-head">
              <span class="para-label">{t('paragraphLabel', [String(g.index + 1)])}</span>
              <button type="button" class="show" onClick={() => void showInPage(g.index)}>
                {t('showInPage')}
              </button>
            </div>
            <p class="excerpt">{g.excerpt}</p>
            {g.main.length > 0 && (
              <ul class="matches">
                {g.main.map((m) => (
                  <MatchItem m={m} key={m.statementId ?? m.statement} />
                ))}
              </ul>
            )}
            {g.related.length > 0 && (
              <details class="related">
                <summary>{t('alsoReported', [String(g.related.length)])}</summary>
                <ul class="matches">
                  {g.related.map((m) => (
                    <MatchItem m={m} key={m.statementId ?? m.statement} />
                  ))}
                </ul>
              </details>
            )}
          </li>
        ))}
      </ol>
    </>
  );
}

/** Two or three letters for a column header: initials of the outlet's words ("The Moscow Times" → "MT"). */
function initials(name: string): string {
  const words = name
    .replace(/^the\s+/i, '')
    .split(/[\s.-]+/)
    .filter((w) => /^[A-Za-z]/.test(w));
  return (words.length > 1 ? words.slice(0, 3).map((w) => w[0]) : [name.slice(0, 3)]).join('').toUpperCase();
}

const CELL_ICON: Record<Cell, string> = { confirms: '\u2713', contradicts: '\u26a0', mentions: '\u00b7', none: '' };
const CELL_WORD: Record<Cell, string> = {
  confirms: 'cellConfirms',
  contradicts: 'cellContradicts',
  mentions: 'cellMentions',
  none: 'cellNoneText',
};
const PAGE_CELL: Record<NonNullable<OverviewRow['page']>, Cell> = {
  corroborates: 'confirms',
  conflicts: 'contradicts',
  related: 'mentions',
  none: 'none',
};
const PAGE_WORD: Record<NonNullable<OverviewRow['page']>, string> = {
  corroborates: 'cellPageReports',
  conflicts: 'cellPageConflicts',
  related: 'cellPageMentions',
  none: 'cellPageNone',
};
const LABEL_MAX = 90;

/** A key point's label: whole when short; else cut at a word boundary, the whole text shown on hover and keyboard focus (and read by screen readers). */
function ClaimLabel({ claim }: { claim: string }) {
  const short = excerpt(claim, LABEL_MAX);
  if (short === claim) return <span class="claim-text">{claim}</span>;
  return (
    <span class="claim-text cut" tabIndex={0} title={claim}>
      <span class="claim-short" aria-hidden="true">
        {short}
      </span>
      <span class="claim-full">{claim}</span>
    </span>
  );
}

function Cells({ r, outlets, withPage }: { r: OverviewRow; outlets: Overview['outlets']; withPage: boolean }) {
  const page = r.page ?? 'none';
  const pageCell = PAGE_CELL[page];
  return (
    <>
      {withPage && (
        <td class={`cell page ${pageCell}`} data-cell={pageCell} data-page={page} title={t(PAGE_WORD[page])}>
          <span aria-hidden="true">{CELL_ICON[pageCell]}</span>
          <span class="visually-hidden">{t(PAGE_WORD[page])}</span>
        </td>
      )}
      {outlets.map((o) => {
        const c = r.cells[o.id] ?? 'none';
        const clash = r.pageConflicts?.includes(o.id) === true;
        const words = clash ? `${t(CELL_WORD[c])}; ${t('cellConflictsWithPage')}` : t(CELL_WORD[c]);
        return (
          <td
            class={`cell ${clash ? 'contradicts page-conflict' : c}`}
            data-cell={c}
            data-page-conflict={clash ? 'true' : undefined}
            title={`${o.name}: ${words}`}
          >
            <span aria-hidden="true">{clash ? CELL_ICON.contradicts : CELL_ICON[c]}</span>
            <span class="visually-hidden">{words}</span>
          </td>
        );
      })}
    </>
  );
}

function Grid({
  ov,
  rows,
  withPage,
  caption,
  testId,
}: {
  ov: Overview;
  rows: OverviewRow[];
  withPage: boolean;
  caption: string;
  testId: string;
}) {
  return (
    <table class="overview" data-testid={testId}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col" class="claim-col">
            {t('overviewClaim')}
          </th>
          {withPage && (
            <th scope="col" class="page-col">
              {t('overviewThisPage')}
            </th>
          )}
          {ov.outlets.map((o) => (
            <th scope="col" title={o.name}>
              <abbr title={o.name} aria-label={o.name}>
                {initials(o.name)}
              </abbr>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr data-page={r.page ?? 'none'}>
            <th scope="row">
              <ClaimLabel claim={r.claim} />
            </th>
            <Cells r={r} outlets={ov.outlets} withPage={withPage} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The key points × outlets; with the tab's report, the key points this page touches first and the rest folded. */
function OverviewTable({ report }: { report: XrefReport | null }) {
  const [raw, setOv] = useState<Overview | null>(null);
  const [err, setErr] = useState('');
  useEffect(() => {
    void send('overview:get', {})
      .then(setOv)
      .catch((e) => setErr((e as Error).message));
  }, []);
  const ov = useMemo(() => (raw && report ? forPage(raw, report) : raw), [raw, report]);
  if (err)
    return (
      <p class="error-text" role="alert">
        {err}
      </p>
    );
  if (!ov)
    return (
      <p class="working-text">
        <span class="spinner" aria-hidden="true"></span>
        {t('loading')}
      </p>
    );
  const withPage = ov.touched !== undefined;
  const shown = withPage ? ov.rows.slice(0, ov.touched) : ov.rows;
  const folded = withPage ? ov.rows.slice(ov.touched) : [];
  const legend: [string, Cell, string][] = [
    ['confirms', 'confirms', 'legendConfirms'],
    ['contradicts', 'contradicts', withPage ? 'legendContradictsPage' : 'legendContradicts'],
    ['mentions', 'mentions', 'legendMentions'],
    ['none', 'none', 'legendNone'],
  ];
  return (
    <div class="overview-wrap" data-testid="overview">
      {shown.length > 0 ? (
        <Grid
          ov={ov}
          rows={shown}
          withPage={withPage}
          caption={withPage ? t('overviewCaptionPage') : t('overviewCaption')}
          testId="overview-grid"
        />
      ) : (
        <p class="note" data-testid="overview-untouched">
          {t('overviewNoneTouched')}
        </p>
      )}
      <h2 class="legend-title">{t('legendTitle')}</h2>
      <dl class="legend" data-testid="overview-legend">
        {legend.map(([id, c, key]) => (
          <div class="legend-item" data-legend={id}>
            <dt class={`cell ${c}`}>
              <span aria-hidden="true">{CELL_ICON[c]}</span>
              <span class="visually-hidden">{t(CELL_WORD[c])}</span>
            </dt>
            <dd>{t(key)}</dd>
          </div>
        ))}
      </dl>
      {folded.length > 0 && (
        <details class="more-points" data-testid="overview-folded">
          <summary>{folded.length === 1 ? t('morePointsOne') : t('morePoints', [String(folded.length)])}</summary>
          <Grid ov={ov} rows={folded} withPage={false} caption={t('overviewCaptionFolded')} testId="overview-folded-grid" />
        </details>
      )}
      <ul class="outlet-key">
        {ov.outlets.map((o) => (
          <li>
            <abbr title={o.name}>{initials(o.name)}</abbr> <bdi>{o.name}</bdi>
          </li>
        ))}
      </ul>
    </div>
  );
}

type PanelId = 'paragraphs' | 'overview';
const PANELS: PanelId[] = ['paragraphs', 'overview'];
const PANEL_LABEL: Record<PanelId, string> = { paragraphs: 'tabParagraphs', overview: 'tabOverview' };

/** The tab list: one tab stop (the selected tab); Left/Right move between tabs (mirrored right to left), Home/End to the ends. */
function TabList({ selected, onSelect }: { selected: PanelId; onSelect: (id: PanelId) => void }) {
  const buttons = useRef<Partial<Record<PanelId, HTMLButtonElement | null>>>({});
  const onKeyDown = (e: KeyboardEvent) => {
    const at = PANELS.indexOf(selected);
    const rtl = getComputedStyle(e.currentTarget as Element).direction === 'rtl';
    const step = e.key === 'ArrowRight' ? (rtl ? -1 : 1) : e.key === 'ArrowLeft' ? (rtl ? 1 : -1) : 0;
    const next = step ? (at + step + PANELS.length) % PANELS.length : e.key === 'Home' ? 0 : e.key === 'End' ? PANELS.length - 1 : -1;
    if (next < 0) return;
    e.preventDefault();
    const id = PANELS[next]!;
    onSelect(id);
    buttons.current[id]?.focus();
  };
  return (
    <div class="tabs" role="tablist" aria-label={t('tabsLabel')} onKeyDown={onKeyDown}>
      {PANELS.map((id) => (
        <button
          role="tab"
          type="button"
          id={`tab-${id}`}
          aria-controls={`panel-${id}`}
          aria-selected={selected === id}
          tabIndex={selected === id ? 0 : -1}
          ref={(el) => {
            buttons.current[id] = el;
          }}
          onClick={() => onSelect(id)}
        >
          {t(PANEL_LABEL[id])}
        </button>
      ))}
    </div>
  );
}

/** Every source is switched off: say so, and open the options page where they are switched on. */
function NoSources() {
  return (
    <div class="state-box" data-testid="no-sources">
      <p>{t('stateNoSources')}</p>
      <button type="button" class="primary" onClick={() => void browser.runtime.openOptionsPage()}>
        {t('openOptionsToEnable')}
      </button>
    </div>
  );
}

type AddOutcome = { kind: 'ok' | 'error'; text: string } | null;

/**
 * "Add this page as a source": reads the tab's text as a source would be (nothing written), shows
 * it for review — the outlet name to edit, title, date, the statements, and whether it is on topic —
 * and saves it with `source:add-tab`. The outcome is said beside the button.
 */
function AddPage({ tabId, available }: { tabId: number; available: boolean }) {
  const [preview, setPreview] = useState<TabSourcePreview | null>(null);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<AddOutcome>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (preview) nameRef.current?.focus();
  }, [preview]);
  const open = async () => {
    setBusy(true);
    setOutcome(null);
    try {
      const p = await send('source:preview-tab', { tabId });
      setPreview(p);
      setName(p.name);
    } catch (e) {
      setOutcome({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setPreview(null);
    // The panel's controls are gone: focus returns to the button that opened it.
    setTimeout(() => openerRef.current?.focus(), 0);
  };
  const save = async (e: Event) => {
    e.preventDefault();
    if (!preview) return;
    setBusy(true);
    try {
      const r = await send('source:add-tab', { tabId, name: name.trim() || preview.name });
      setOutcome({ kind: 'ok', text: t('addedSource', [t('quoted', [r.source.name]), t(...countMessage(r.statements, 'statement'))]) });
      close();
    } catch (err) {
      setOutcome({ kind: 'error', text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  const more = preview ? preview.total - preview.statements.length : 0;
  if (!available && !outcome) return null;
  return (
    <div class="add-page" data-testid="add-page">
      {(!preview || !available) && (
        <p class="add-page-row">
          {available && (
            <button type="button" ref={openerRef} disabled={busy} onClick={() => void open()} data-testid="add-page-open">
              {t('addPageOpen')}
            </button>
          )}
          {outcome && (
            <span
              class={`add-page-outcome ${outcome.kind}`}
              role={outcome.kind === 'ok' ? 'status' : 'alert'}
              data-testid="add-page-outcome"
            >
              {outcome.text}
            </span>
          )}
        </p>
      )}
      {preview && available && (
        <form
          class="add-review"
          data-testid="add-review"
          aria-labelledby="add-review-title"
          onSubmit={(e) => void save(e)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              close();
            }
          }}
        >
          <h2 id="add-review-title">{t('addPageReviewTitle')}</h2>
          {!preview.onTopic && (
            <p class="note off-topic-note" data-testid="add-review-offtopic">
              {t('addPageOffTopic')}
            </p>
          )}
          <label class="add-review-name">
            {t('addPageNameLabel')}
            <input
              ref={nameRef}
              type="text"
              value={name}
              required
              maxLength={200}
              onInput={(e) => setName((e.target as HTMLInputElement).value)}
              data-testid="add-review-name"
            />
          </label>
          <dl class="add-review-facts">
            <dt>{t('addPageTitleLabel')}</dt>
            <dd>{preview.title || t('addPageNone')}</dd>
            <dt>{t('addPageDateLabel')}</dt>
            <dd>{preview.published ?? t('addPageNoDate')}</dd>
          </dl>
          <h3>{t(...countMessage(preview.total, 'statement'))}</h3>
          {preview.statements.length > 0 ? (
            <ol class="add-review-statements" data-testid="add-review-statements" tabIndex={0} aria-label={t('addPageStatementsLabel')}>
              {preview.statements.map((s) => (
                <li>{s}</li>
              ))}
            </ol>
          ) : (
            <p>{t('addPageNoStatements')}</p>
          )}
          {more > 0 && <p class="detail">{t('addPageMore', [String(more)])}</p>}
          <p class="add-review-actions">
            <button type="submit" class="primary" disabled={busy} data-testid="add-review-save">
              {t('addPageSave')}
            </button>{' '}
            <button type="button" onClick={close} data-testid="add-review-cancel">
              {t('addPageCancel')}
            </button>
            {outcome && (
              <span class={`add-page-outcome ${outcome.kind}`} role={outcome.kind === 'ok' ? 'status' : 'alert'}>
                {outcome.text}
              </span>
            )}
          </p>
        </form>
      )}
    </div>
  );
}

export function Popup({ tabId }: { tabId: number | null }) {
  const [state, setState] = useState<TabState | null>(null);
  const [panel, setPanel] = useState<PanelId>('paragraphs');
  const [sources, setSources] = useState<{ total: number; enabled: number } | null>(null);
  // Bumped by each change to the sources: the overview is read again.
  const [sourcesRev, setSourcesRev] = useState(0);
  // Change events seen so far: a reply to a request sent before the latest event is older than it.
  const events = useRef(0);

  const fail = (e: unknown) => setState({ state: 'error', url: null, error: { code: 'internal', message: (e as Error).message } });
  const check = async (id: number, force: boolean) => {
    setState({ state: 'working', url: '', title: '', since: Date.now() });
    const seen = events.current;
    try {
      const s = await send('tab:check', { tabId: id, force });
      if (events.current === seen) setState(s);
    } catch (e) {
      fail(e);
    }
  };
  /** Reads the tab's state; a tab nothing has checked yet is checked now. */
  const load = async (id: number) => {
    const seen = events.current;
    try {
      const s = await send('tab:get', { tabId: id });
      if (events.current !== seen) return;
      if (s.state === 'idle') await check(id, false);
      else setState(s);
    } catch (e) {
      fail(e);
    }
  };
  const readSources = () =>
    void send('sources:status', {})
      .then(setSources)
      .catch(() => undefined);

  useEffect(() => {
    if (tabId === null) return;
    const offTab = onTabStateChanged(tabId, (s) => {
      events.current++;
      // Idle: the background forgot the tab (it navigated); read it again as on opening.
      if (s.state === 'idle') void load(tabId);
      else setState(s);
    });
    const offSources = onSourcesChanged(() => {
      readSources();
      setSourcesRev((r) => r + 1);
    });
    void load(tabId);
    readSources();
    return () => {
      offTab();
      offSources();
    };
  }, [tabId]);

  // A check the background never finished (its worker was stopped) is reported as interrupted once
  // it is too old: ask once, when that time comes.
  useEffect(() => {
    if (tabId === null || state?.state !== 'working') return;
    const timer = setTimeout(
      () => {
        const seen = events.current;
        void send('tab:get', { tabId })
          .then((s) => events.current === seen && setState(s))
          .catch(() => undefined);
      },
      Math.max(0, state.since + WORKING_TIMEOUT_MS - Date.now()) + 1000,
    );
    return () => clearTimeout(timer);
  }, [tabId, state]);

  const base = tabId === null ? 'error' : viewStateOf(state);
  const noSources = sources?.enabled === 0;
  const view: ViewState = noSources && (base === 'results' || base === 'empty') ? 'no-sources' : base;
  const results = state?.state === 'results' ? state : null;
  const recheck = () => tabId !== null && void check(tabId, results?.forced === true);
  const announce =
    view === 'working'
      ? t('stateWorking')
      : view === 'empty'
        ? t('stateEmpty')
        : view === 'no-sources'
          ? t('stateNoSources')
          : view === 'not-coverage'
            ? t('stateNotCoverage')
            : results?.stale
              ? t('staleNotice')
              : '';
  return (
    <main class="popup" data-state={view} aria-busy={view === 'working'}>
      <header>
        <h1>{t('popupTitle')}</h1>
        <TabList selected={panel} onSelect={setPanel} />
      </header>
      <p class="visually-hidden" role="status">
        {announce}
      </p>
      <section role="tabpanel" id="panel-paragraphs" aria-labelledby="tab-paragraphs" tabIndex={0} hidden={panel !== 'paragraphs'}>
        {panel === 'paragraphs' && (
          <>
            {results?.forced && (view === 'results' || view === 'empty') && (
              <p class="note forced-note" data-testid="forced-note">
                <strong>{t('forcedLabel')}</strong> {t('forcedNotice')}
              </p>
            )}
            {results?.stale && view !== 'working' && view !== 'no-sources' && (
              <p class="note stale-note" data-testid="stale-note">
                <span>{t('staleNotice')}</span>{' '}
                <button type="button" onClick={recheck}>
                  {t('recheck')}
                </button>
              </p>
            )}
            {(view === 'results' || view === 'empty') && (results?.report.skipped ?? 0) > 0 && (
              <p class="note skipped-note" data-testid="skipped-note">
                {results!.report.skipped === 1
                  ? t('skippedNoticeOne', [String(results!.report.paragraphs.length)])
                  : t('skippedNotice', [String(results!.report.skipped), String(results!.report.paragraphs.length)])}
              </p>
            )}
            {view === 'working' && (
              <p class="working-text">
                <span class="spinner" aria-hidden="true"></span>
                {t('stateWorking')}
              </p>
            )}
            {view === 'not-coverage' && (
              <div class="state-box">
                <p>{t('stateNotCoverage')}</p>
                {state?.state === 'not-coverage' && (
                  <details>
                    <summary>{t('notCoverageDetail')}</summary>
                    <p class="detail">{state.coverage.reason}</p>
                  </details>
                )}
                <button type="button" class="primary" onClick={() => tabId !== null && void check(tabId, true)}>
                  {t('checkAnyway')}
                </button>
              </div>
            )}
            {view === 'no-sources' && <NoSources />}
            {view === 'empty' && (
              <div class="state-box">
                <p>{t('stateEmpty')}</p>
              </div>
            )}
            {view === 'error' && (
              <div class="state-box error-box" role="alert">
                <p>
                  <strong>{t('stateError')}</strong>
                </p>
                <p>{state?.state === 'error' ? state.error.message : t('errorCannotScript')}</p>
                {tabId !== null && (
                  <button type="button" onClick={() => void check(tabId, true)}>
                    {t('retry')}
                  </button>
                )}
              </div>
            )}
            {tabId !== null && (
              // Kept mounted while the tab is re-checked after a save, so that the outcome stays in view.
              <AddPage tabId={tabId} available={(view === 'results' || view === 'empty') && results !== null && !results.report.self} />
            )}
            {view === 'results' && results && tabId !== null && <Results report={results.report} tabId={tabId} url={results.url} />}
          </>
        )}
      </section>
      <section role="tabpanel" id="panel-overview" aria-labelledby="tab-overview" tabIndex={0} hidden={panel !== 'overview'}>
        {panel === 'overview' && (noSources ? <NoSources /> : <OverviewTable key={sourcesRev} report={results?.report ?? null} />)}
      </section>
      <footer>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {t('openOptions')}
        </a>
      </footer>
    </main>
  );
}
