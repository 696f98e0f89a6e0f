// When to check pages (with the site list: its rules said up front, refused entries named beside it,
// and a warning while it is empty) and what the popup and pages show. Each setting says "saved" beside itself.
import { useEffect, useRef, useState } from 'preact/hooks';
import { send, t } from '../../lib/browser/adapter';
import type { DetectionMode, Settings } from '../../lib/core/sources';
import { MAX_SITES } from '../../lib/store/settings';
import { count, Feedback, number, useFeedback } from './feedback';

const MODE_LABEL: Record<DetectionMode, string> = { auto: 'detectionAuto', sites: 'detectionSites', 'on-demand': 'detectionOnDemand' };
const MODE_SAVED: Record<DetectionMode, string> = { auto: 'savedAuto', sites: 'savedSites', 'on-demand': 'savedOnDemand' };

export function SettingsForm({ settings, onSaved }: { settings: Settings; onSaved: (s: Settings) => void }) {
  const { msgs, run } = useFeedback();
  const [sites, setSites] = useState(settings.sites.join('\n'));
  const save = (key: string, change: Partial<Settings>, said: (s: Settings) => string) =>
    run(key, async () => {
      const next = await send('settings:set', change);
      onSaved(next);
      return { kind: 'ok', text: said(next) };
    });
  const saveSites = () =>
    save(
      'sites',
      {
        sites: sites
          .split(/[\n,]+/)
          .map((x) => x.trim())
          .filter(Boolean),
      },
      (next) => {
        setSites(next.sites.join('\n'));
        return next.sites.length ? t('savedSiteList', [count(next.sites.length, 'site')]) : t('savedSiteListEmpty');
      },
    );
  // Choosing "Only on these sites" brings the list (and its warning while empty) into view.
  const sitesBox = useRef<HTMLDivElement>(null);
  const [reveal, setReveal] = useState(false);
  useEffect(() => {
    if (!reveal || !sitesBox.current) return;
    sitesBox.current.scrollIntoView({ block: 'nearest' });
    setReveal(false);
  }, [reveal, settings.detection]);
  const sitesRefused = msgs.sites?.kind === 'error';
  const empty = settings.detection === 'sites' && settings.sites.length === 0;
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
              onChange={() =>
                void save('detection', { detection: mode }, (next) => {
                  setReveal(next.detection === 'sites');
                  return t(MODE_SAVED[next.detection]);
                })
              }
            />
            {t(MODE_LABEL[mode])}
          </label>
        ))}
        <Feedback id="detection" />
        {settings.detection === 'sites' && (
          <div class="sites" ref={sitesBox}>
            <label for="sites-list">{t('siteListLabel')}</label>
            <p class="hint" id="sites-hint">
              {t('sitesHint', [number(MAX_SITES)])}
            </p>
            {empty && (
              <p class="warning" id="sites-empty" data-testid="sites-empty">
                {t('sitesEmpty')}
              </p>
            )}
            <div class="sites-row">
              <textarea
                id="sites-list"
                rows={4}
                placeholder={t('sitesPlaceholder')}
                aria-describedby={`sites-hint${empty ? ' sites-empty' : ''} sites-feedback`}
                aria-invalid={sitesRefused}
                value={sites}
                onInput={(e) => setSites((e.target as HTMLTextAreaElement).value)}
              />
              <button type="button" onClick={() => void saveSites()}>
                {t('saveSites')}
              </button>
            </div>
            <div id="sites-feedback">
              <Feedback id="sites" />
            </div>
          </div>
        )}
      </fieldset>
      <label class="check">
        <input
          type="checkbox"
          name="markers"
          checked={settings.markers}
          onChange={(e) =>
            void save('markers', { markers: (e.target as HTMLInputElement).checked }, (n) =>
              t(n.markers ? 'savedMarkersOn' : 'savedMarkersOff'),
            )
          }
        />{' '}
        {t('markersSetting')}
      </label>
      <Feedback id="markers" />
      <label class="check">
        <input
          type="checkbox"
          name="showRelated"
          checked={settings.showRelated}
          onChange={(e) =>
            void save('related', { showRelated: (e.target as HTMLInputElement).checked }, (n) =>
              t(n.showRelated ? 'savedRelatedOn' : 'savedRelatedOff'),
            )
          }
        />{' '}
        {t('relatedSetting')}
      </label>
      <Feedback id="related" />
    </section>
  );
}
