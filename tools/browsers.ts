// Real browsers with the built extension, for npm start, the browser tests and the benchmarks:
// Debian's Chromium through playwright-core and Firefox ESR through puppeteer-core (never a
// downloaded browser). Screenshots go to artifacts/screenshots/.
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './corpus-files';
import { DB_NAME } from '../lib/store/schema';

export const CHROME_DIR = join(ROOT, '.output/chrome-mv3');
export const FIREFOX_DIR = join(ROOT, '.output/firefox-mv2');
export const SHOTS = join(ROOT, 'artifacts/screenshots');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export function requireBuild(dir: string): void {
  if (!existsSync(join(dir, 'manifest.json')))
    throw new Error(`No built extension in ${dir}: run \`npm run build\` first (npm test does).`);
}

export interface ChromiumSession {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close(): Promise<void>;
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/** Chromium with the built extension loaded; resolves once its service worker runs. */
export async function launchChromium(
  opts: { headless?: boolean; extension?: boolean; colorScheme?: 'light' | 'dark' } = {},
): Promise<ChromiumSession> {
  if (opts.extension !== false) requireBuild(CHROME_DIR);
  const profile = mkdtempSync(join(tmpdir(), 'rxr-chromium-'));
  const args = [...CHROMIUM_ARGS];
  if (opts.extension !== false) args.push(`--disable-extensions-except=${CHROME_DIR}`, `--load-extension=${CHROME_DIR}`);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: opts.headless ?? true,
    args,
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1200, height: 900 },
  });
  const close = async () => {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  };
  if (opts.extension === false) return { context, worker: null as unknown as Worker, extensionId: '', close };
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 30_000 }));
  const extensionId = new URL(worker.url()).host;
  await waitForExtensionReady(worker);
  return { context, worker, extensionId, close };
}

/** Waits until the extension has seeded its database (the bundled corpus version is stored). */
export async function waitForExtensionReady(worker: Worker): Promise<void> {
  await waitFor(
    () =>
      worker.evaluate(async (name) => {
        // Never open a database that does not exist yet: that would create it empty, at version 1.
        if (!(await indexedDB.databases()).some((d) => d.name === name)) return false;
        return new Promise<boolean>((resolve) => {
          const open = indexedDB.open(name);
          open.onerror = () => resolve(false);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains('meta')) {
              db.close();
              resolve(false);
              return;
            }
            const get = db.transaction('meta').objectStore('meta').get('corpusVersion');
            get.onsuccess = () => {
              db.close();
              resolve(typeof get.result === 'string');
            };
            get.onerror = () => {
              db.close();
              resolve(false);
            };
          };
        });
      }, DB_NAME),
    'the bundled corpus seeded',
    20_000,
  );
}

/** Waits until `fn` returns a truthy value (polling), or throws with the last value seen. */
export async function waitFor<T>(fn: () => Promise<T>, what: string, timeoutMs = 15_000, everyMs = 100): Promise<NonNullable<T>> {
  const end = Date.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await fn();
    if (last) return last as NonNullable<T>;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** The tab id of a page, asked of the extension's worker. */
export async function tabIdOf(worker: Worker, url: string): Promise<number> {
  return waitFor(
    async () => worker.evaluate(async (u) => (await chrome.tabs.query({})).find((t: chrome.tabs.Tab) => t.url === u)?.id ?? 0, url),
    `tab of ${url}`,
  );
}

export async function badgeText(worker: Worker, tabId: number): Promise<string> {
  return worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

export async function badgeColor(worker: Worker, tabId: number): Promise<number[]> {
  return worker.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }) as unknown as Promise<number[]>, tabId);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** Opens the popup for a tab, as the toolbar would, in its own page of the given width. */
export async function openPopup(s: ChromiumSession, tabId: number, width = 400): Promise<Page> {
  const page = await s.context.newPage();
  await page.setViewportSize({ width, height: 600 });
  await page.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
  return page;
}

// Firefox ESR through puppeteer-core over WebDriver BiDi: the extension is installed as a temporary
// add-on; a fixed internal UUID (pref) lets tests open its pages at a known moz-extension:// URL.
import puppeteer, { type Browser as PBrowser, type Page as PuppeteerPage } from 'puppeteer-core';

export const FIREFOX_UUID = 'a1b2c3d4-0000-4000-8000-00000000c0de';
export const GECKO_ID = 'riyadh-cross-ref@cross-ref.example';

export interface FirefoxSession {
  browser: PBrowser;
  base: string;
  close(): Promise<void>;
}

export async function launchFirefox(): Promise<FirefoxSession> {
  requireBuild(FIREFOX_DIR);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_UUID }),
      'app.update.enabled': false,
      'app.update.auto': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'datareporting.healthreport.uploadEnabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
      'browser.newtabpage.activity-stream.feeds.system.topstories': false,
    },
  });
  await browser.installExtension(FIREFOX_DIR);
  return { browser, base: `moz-extension://${FIREFOX_UUID}`, close: () => browser.close() };
}

/**
 * An extension page in Firefox. WebDriver may not navigate to moz-extension:// URLs, but the
 * welcome tab the extension opens on install is an extension page that may navigate to its own.
 */
export async function firefoxExtensionPage(ff: FirefoxSession, path: string): Promise<PuppeteerPage> {
  const href = (p: PuppeteerPage) => p.evaluate(() => location.href).catch(() => '');
  // puppeteer's page.url() goes stale for moz-extension pages; ask each page where it is.
  const page = await waitFor(async () => {
    for (const p of await ff.browser.pages()) if ((await href(p)).startsWith(ff.base)) return p;
    return null;
  }, 'the extension’s welcome tab');
  const target = `${ff.base}${path}`;
  await page.evaluate((u) => {
    location.href = u;
  }, target);
  await waitFor(
    async () => (await href(page)) === target && (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete',
    `navigation to ${path}`,
  );
  return page;
}
