// npm start — after the build: serves the demo site and opens Chromium with the extension on a
// corpus article dressed as a news page. With a display, the browser stays open until you close it.
// Without one, it runs headless, saves screenshots of the page (with markers) and the popup (results
// and overview) to a folder it prints, and prints the cross-reference report of the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startDemoServer } from './demo-server';
import { launchChromium, tabIdOf, badgeText, waitFor } from './browsers';
import { ROOT } from './corpus-files';
import { crossReferenceHtml } from './page-pipeline';
import { spawnSync } from 'node:child_process';

const DEMO = '/corpus/moscow-times.html';

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
  await popup.setViewportSize({ width: 400, height: 600 });
  await popup.goto(`chrome-extension://${s.extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-state="results"], [data-state="empty"]');
  await popup.screenshot({ path: join(out, 'popup.png'), fullPage: true });
  await popup.getByRole('tab', { name: 'Overview' }).click();
  await popup.waitForSelector('[data-testid="overview"]');
  await popup.screenshot({ path: join(out, 'popup-overview.png'), fullPage: true });
  await s.close();
  console.log(`Headless run (no display): badge "${badge}" on ${url}`);
  console.log(`Screenshots: ${out}/page.png, popup.png, popup-overview.png\n`);
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
