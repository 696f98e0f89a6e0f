// The reader's cross-reference view: states (not coverage, working, results, empty, error), the
// paragraph-by-paragraph results with filters, the overview of the coverage, and the Markdown export.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { send, t, browser } from '../../lib/browser/adapter';
import type { TabState } from '../../lib/messages';
import type { Match, XrefReport } from '../../lib/core/report';
import type { Overview } from '../../lib/match/overview';
import { groupParagraphs, isEmpty, outletsOf, summarize, toMarkdown, type StanceFilter } from '../../lib/view/report-view';
import { safeHttpUrl } from '../../lib/core/safe-url';

type ViewState = 'not-coverage' | 'working' | 'results' | 'empty' | 'error';
const POLL_MS = 200;

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
      <p class="reason">{m.reason}</p>
      <a class="source-link" href={href} target="_blank" rel="noopener noreferrer">
        {t('openSource')}
      </a>
    </li>
  );
}

function Results({ report, tabId, url }: { report: XrefReport; tabId: number; url: string }) {
  const [stance, setStance] = useState<StanceFilter>('all');
  const [outlet, setOutlet] = useState('all');
  const [showRelated, setShowRelated] = useState(true);
  const [copyNote, setCopyNote] = useState('');
  useEffect(() => {
    void send('settings:get', {})
      .then((s) => setShowRelated(s.showRelated))
      .catch(() => undefined);
  }, []);
  const summary = summarize(report);
  const outlets = outletsOf(report);
  const groups = useMemo(() => groupParagraphs(report, { stance, outlet, showRelated }), [report, stance, outlet, showRelated]);
  const showInPage = async (index: number) => {
    await send('tab:show', { tabId, paragraph: index }).catch(() => undefined);
    window.close();
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(toMarkdown(report, url, new Date()));
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

function OverviewTable() {
  const [ov, setOv] = useState<Overview | null>(null);
  const [err, setErr] = useState('');
  useEffect(() => {
    void send('overview:get', {})
      .then(setOv)
      .catch((e) => setErr((e as Error).message));
  }, []);
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
  const word = {
    confirms: t('cellConfirms'),
    contradicts: t('cellContradicts'),
    mentions: t('cellMentions'),
    none: t('cellNone'),
  } as const;
  const icon = { confirms: '\u2713', contradicts: '\u26a0', mentions: '\u00b7', none: '\u2013' } as const;
  return (
    <div class="overview-wrap">
      <table class="overview" data-testid="overview">
        <caption>{t('overviewCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" class="claim-col">
              {t('overviewClaim')}
            </th>
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
          {ov.rows.map((r) => (
            <tr>
              <th scope="row" title={r.claim}>
                {r.claim.length > 120 ? `${r.claim.slice(0, 117)}…` : r.claim}
              </th>
              {ov.outlets.map((o) => {
                const c = r.cells[o.id] ?? 'none';
                return (
                  <td class={`cell ${c}`} data-cell={c} title={`${o.name}: ${word[c]}`}>
                    <span aria-hidden="true">{icon[c]}</span>
                    <span class="visually-hidden">{word[c]}</span>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="legend">
        {(['confirms', 'contradicts', 'mentions', 'none'] as const).map((c) => (
          <span class={`cell ${c}`}>
            <span aria-hidden="true">{icon[c]}</span> {word[c]}
          </span>
        ))}
      </p>
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

export function Popup({ tabId }: { tabId: number | null }) {
  const [state, setState] = useState<TabState | null>(null);
  const [tab, setTab] = useState<'paragraphs' | 'overview'>('paragraphs');
  const started = useRef(false);

  const poll = async (id: number) => {
    for (;;) {
      const s = await send('tab:get', { tabId: id });
      setState(s);
      if (s.state !== 'working') return;
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  };
  const check = async (id: number, force: boolean) => {
    setState({ state: 'working', url: '', title: '', since: Date.now() });
    try {
      await send('tab:check', { tabId: id, force });
      await poll(id);
    } catch (e) {
      setState({ state: 'error', url: null, error: { code: 'internal', message: (e as Error).message } });
    }
  };
  useEffect(() => {
    if (tabId === null || started.current) return;
    started.current = true;
    void (async () => {
      try {
        const s = await send('tab:get', { tabId });
        if (s.state === 'idle') await check(tabId, false);
        else if (s.state === 'working') {
          setState(s);
          await poll(tabId);
        } else setState(s);
      } catch (e) {
        setState({ state: 'error', url: null, error: { code: 'internal', message: (e as Error).message } });
      }
    })();
  }, [tabId]);

  const view = tabId === null ? 'error' : viewStateOf(state);
  return (
    <main class="popup" data-state={view} aria-busy={view === 'working'}>
      <header>
        <h1>{t('popupTitle')}</h1>
        <nav class="tabs" role="tablist">
          <button role="tab" type="button" aria-selected={tab === 'paragraphs'} onClick={() => setTab('paragraphs')}>
            {t('tabParagraphs')}
          </button>
          <button role="tab" type="button" aria-selected={tab === 'overview'} onClick={() => setTab('overview')}>
            {t('tabOverview')}
          </button>
        </nav>
      </header>
      {tab === 'overview' ? (
        <OverviewTable />
      ) : (
        <section aria-live="polite">
          {view === 'working' && (
            <p class="working-text">
              <span class="spinner" aria-hidden="true"></span>
              {t('stateWorking')}
            </p>
          )}
          {view === 'not-coverage' && (
            <div class="state-box">
              <p>{t('stateNotCoverage')}</p>
              {state?.state === 'not-coverage' && <p class="detail">{state.coverage.reason}</p>}
              <button type="button" class="primary" onClick={() => tabId !== null && void check(tabId, true)}>
                {t('checkAnyway')}
              </button>
            </div>
          )}
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
          {view === 'results' && state?.state === 'results' && tabId !== null && (
            <Results report={state.report} tabId={tabId} url={state.url} />
          )}
        </section>
      )}
      <footer>
        <a href={browser.runtime.getURL('/options.html')} target="_blank" rel="noopener">
          {t('openOptions')}
        </a>
      </footer>
    </main>
  );
}
