// npm start — after the build: serves the demo site and opens Chromium with the extension on a
// corpus article dressed as a news page. With a display, the browser stays open until you close it.
// Without one, it runs headless, saves screenshots of the page (with markers) and the popup (results
// and overview) to a folder it prints, and prints the cross-reference report of the page.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoServer } from './demo-server';
import { launchChromium, tabIdOf, badgeText, waitFor } from './browsers';
import { ROOT } from './corpus-files';
import { crossReferenceHtml } from './page-pipeline';
import { spawnSync } from 'node:child_process';
import type { Page } from 'playwright-core';

const DEMO = '/corpus/moscow-times.html';
// The popup's real size: shots of what a reader sees, one per screenful as it is scrolled.
const POPUP = { width: 400, height: 600 };
const MAX_SHOTS = 8;

/** Screenshots of the popup at its real size, scrolled one screenful at a time: `<name>-1.png`, `-2.png`…; returns the file names. */
async function popupShots(popup: Page, out: string, name: string): Promise<string[]> {
  const height = await popup.evaluate(() => document.documentElement.scrollHeight);
  // Shots of an earlier, longer run would pass for this one's.
  for (const f of readdirSync(out)) if (new RegExp(`^${name}-\\d+\\.png$`).test(f)) rmSync(join(out, f));
  const files: string[] = [];
  for (let i = 0; i * POPUP.height < height && i < MAX_SHOTS; i++) {
    await popup.evaluate((y) => window.scrollTo(0, y), i * POPUP.height);
    await popup.waitForTimeout(50);
    const file = `${name}-${i + 1}.png`;
    await popup.screenshot({ path: join(out, file) });
    files.push(file);
  }
  await popup.evaluate(() => window.scrollTo(0, 0));
  const screens = Math.ceil(height / POPUP.height);
  if (screens > files.length) files.push(`(the first ${files.length} of ${screens} screenfuls)`);
  return files;
}

async function main(): Promise<void> {
  const server = await startDemoServer(Number(process.env.PORT ?? 0));
  const headed = !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && process.env.HEADLESS !== '1';
  console.log(`Demo site: ${server.url}/ (${server.pages.length} pages)`);
  const s = await launchChromium({ headless: !headed });
  const page = await s.context.newPage();
  const url = `${server.url}${DEMO}`;
  await page.goto(url);
  if (headed) {
    const index = await s.context.newPage();
    await index.goto(`${server.url}/`);
    await page.bringToFront();
    console.log(
      'Chromium is open with Riyadh Cross-Ref loaded. Click its toolbar button (or press Alt+Shift+X). Close the browser to stop.',
    );
    await new Promise<void>((resolve) => s.context.on('close', () => resolve()));
    await server.close();
    return;
  }
  const out = join(ROOT, 'artifacts', 'start');
  mkdirSync(out, { recursive: true });
  const tabId = await tabIdOf(s.worker, url);
  const badge = await waitFor(
    async () => {
      const b = await badgeText(s.worker, tabId);
      return /^\d+$/.test(b) ? b : '';
    },
    'the toolbar badge',
    20_000,
  );
  await page.screenshot({ path: join(out, 'page.png'), fullPage: true });
  const popup = await s.context.newPage();
  await popup.setViewportSize(POPUP);
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-state="results"], [data-state="empty"]');
  const shots = await popupShots(popup, out, 'popup-start');
  await popup.getByRole('tab', { name: 'Overview' }).click();
  await popup.waitForSelector('[data-testid="overview"]');
  shots.push(...(await popupShots(popup, out, 'popup-overview-start')));
  await s.close();
  console.log(`Headless run (no display): badge "${badge}" on ${url}`);
  console.log(`Screenshots (the popup at ${POPUP.width}×${POPUP.height}, one per screenful): ${out}/page.png, ${shots.join(', ')}\n`);
  const html = await fetch(url).then((r) => r.text());
  await server.close();
  // The same report as the popup, from the same pipeline in Node.
  const report = crossReferenceHtml(html, url);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'tools/xref.ts'), '-'], { input: html, encoding: 'utf8' });
  process.stdout.write(r.stdout || JSON.stringify(report, null, 2));
}

main().catch((e) => {
  console.error(`npm start: ${(e as Error).message}`);
  process.exit(1);
});
