// The reader's settings in the store: read with defaults, and each change checked before it is kept.
import type { Db } from './schema';
import { DEFAULT_SETTINGS, type Settings } from '../core/sources';
import { UserError } from '../core/errors';

export const MAX_SITES = 200;
/** At most this many switched-off articles (the bundled corpus has a few hundred). */
export const MAX_DISABLED_ARTICLES = 5000;

/** Does a site entry cover this page's host? An entry covers its subdomains (arabnews.com → www.arabnews.com). */
export function siteCovers(sites: readonly string[], hostname: string): boolean {
  const h = hostname.toLowerCase();
  return sites.some((s) => h === s || (!/^\d/.test(s) && s !== 'localhost' && h.endsWith(`.${s}`)));
}

/** The host name of a site the user typed ("https://www.bbc.com#top" → "www.bbc.com"), or null. */
export function hostOf(input: unknown): string | null {
  const text = String(input ?? '')
    .trim()
    .toLowerCase();
  if (!text) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(text) ? text : `https://${text}`).hostname.replace(/^\*\./, '');
    if (host === 'localhost' || /^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return host;
    return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) && !host.includes('..') ? host : null;
  } catch {
    return null;
  }
}

export async function getSettings(db: Db): Promise<Settings> {
  const s = await db.get('settings', 'settings');
  return { ...DEFAULT_SETTINGS, ...(s ?? {}) };
}

/** Checks a list of switched-off articles: strings naming articles in the store, at most MAX_DISABLED_ARTICLES. */
async function checkDisabledArticles(db: Db, list: unknown): Promise<string[]> {
  if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) {
    throw new UserError('bad-setting', 'Switched-off articles must be a list of article ids; nothing was changed.');
  }
  const ids = [...new Set(list as string[])];
  if (ids.length > MAX_DISABLED_ARTICLES) {
    throw new UserError('bad-setting', `At most ${MAX_DISABLED_ARTICLES} articles can be switched off; nothing was changed.`);
  }
  const known = new Set((await db.getAllKeys('articles')).map(String));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length) {
    throw new UserError(
      'bad-setting',
      `No article with id ${unknown
        .slice(0, 3)
        .map((x) => `“${x.slice(0, 60)}”`)
        .join(', ')}${unknown.length > 3 ? ` and ${unknown.length - 3} more` : ''}; nothing was changed.`,
    );
  }
  return ids;
}

/** Switches one article on or off; ids of articles no longer in the store (a removed source's) are dropped. */
export async function setArticleEnabled(db: Db, id: string, enabled: boolean): Promise<Settings> {
  if (typeof id !== 'string' || !(await db.getKey('articles', id))) throw new UserError('not-found', `No article with id “${String(id)}”.`);
  const known = new Set((await db.getAllKeys('articles')).map(String));
  const rest = (await getSettings(db)).disabledArticles.filter((x) => x !== id && known.has(x));
  return setSettings(db, { disabledArticles: enabled ? rest : [...rest, id] });
}

/** Merges a change into the settings after checking each field; returns the stored settings. */
export async function setSettings(db: Db, change: Partial<Settings>): Promise<Settings> {
  const next = { ...(await getSettings(db)) };
  if (change.detection !== undefined) {
    if (!['auto', 'sites', 'on-demand'].includes(change.detection)) throw new UserError('bad-setting', 'Unknown detection mode.');
    next.detection = change.detection;
  }
  if (change.sites !== undefined) {
    if (!Array.isArray(change.sites)) throw new UserError('bad-setting', 'Sites must be a list of host names.');
    // Blank entries are nothing; anything else that is not a site is refused by name, never dropped.
    const entries = change.sites.map((x) => String(x ?? '').trim()).filter(Boolean);
    const refused = entries.filter((x) => hostOf(x) === null);
    if (refused.length) {
      throw new UserError(
        'bad-site',
        `Not a site: ${refused
          .slice(0, 5)
          .map((x) => `“${x.slice(0, 60)}”`)
          .join(
            ', ',
          )}${refused.length > 5 ? ` and ${refused.length - 5} more` : ''}. Write a host name such as arabnews.com (it covers www.arabnews.com too), localhost or an IP address; nothing was changed.`,
      );
    }
    if (entries.length > MAX_SITES) throw new UserError('bad-site', `At most ${MAX_SITES} sites; nothing was changed.`);
    next.sites = [...new Set(entries.map((x) => hostOf(x)!))];
  }
  if (change.markers !== undefined) next.markers = !!change.markers;
  if (change.showRelated !== undefined) next.showRelated = !!change.showRelated;
  if (change.disabledArticles !== undefined) next.disabledArticles = await checkDisabledArticles(db, change.disabledArticles);
  await db.put('settings', next, 'settings');
  return next;
}
