// The MV3 service worker may be stopped at any moment. Killed here for real (CDP Target.closeTarget):
// a tab's results survive in session storage and the popup shows them from the restarted worker; a
// check that was under way when the worker died is reported as interrupted with a retry that works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchChromium, tabIdOf, badgeText, waitFor, openPopup, screenshot, type ChromiumSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';

let s: ChromiumSession;
let server: DemoServer;

beforeAll(async () => {
  server = await startDemoServer();
  s = await launchChromium();
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

async function killWorker(page: Page): Promise<void> {
  const cdp = await s.context.newCDPSession(page);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(s.extensionId));
  expect(sw, 'the extension’s service worker').toBeDefined();
  await cdp.send('Target.closeTarget', { targetId: sw!.targetId });
  await waitFor(async () => {
    const { targetInfos: now } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] };
    return !now.some((t) => t.type === 'service_worker' && t.url.includes(s.extensionId));
  }, 'the worker to stop');
  await cdp.detach();
}

describe('Chromium: service worker stopped mid-work', () => {
  it('keeps results across a worker restart and reports an interrupted check with a working retry', async () => {
    const done = await s.context.newPage();
    const doneUrl = `${server.url}/corpus/arab-news.html`;
    await done.goto(doneUrl);
    const doneTab = await tabIdOf(s.worker, doneUrl);
    const badge = await waitFor(async () => {
      const b = await badgeText(s.worker, doneTab);
      return /^\d+$/.test(b) ? b : '';
    }, 'badge');

    // A second tab whose check was under way (stored as working, 25 s ago) when the worker dies.
    const busy = await s.context.newPage();
    const busyUrl = `${server.url}/test-pages/cov-02.html`;
    await busy.goto(busyUrl);
    const busyTab = await tabIdOf(s.worker, busyUrl);
    await waitFor(async () => /^\d+$/.test(await badgeText(s.worker, busyTab)), 'second badge');
    await s.worker.evaluate(
      async ([id, url]) => {
        await chrome.storage.session.set({ [`tab:${id}`]: { state: 'working', url, title: 'cov-02', since: Date.now() - 25_000 } });
      },
      [busyTab, busyUrl] as const,
    );

    await killWorker(done);

    // The popup wakes a new worker, which finds the stored results.
    const popup = await openPopup(s, doneTab);
    await popup.waitForSelector('[data-state="results"]');
    expect(await popup.locator('[data-paragraph]').count()).toBeGreaterThan(0);
    const worker = s.context.serviceWorkers().at(-1)!;
    expect(await worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), doneTab)).toBe(badge);
    await popup.close();

    const popup2 = await openPopup(s, busyTab);
    await popup2.waitForSelector('[data-state="error"]');
    expect(await popup2.locator('[role="alert"]').textContent()).toMatch(/interrupted/i);
    await screenshot(popup2, 'popup-interrupted');
    await popup2.getByRole('button', { name: 'Try again' }).click();
    await popup2.waitForSelector('[data-state="results"], [data-state="empty"]', { timeout: 15_000 });
    expect(await popup2.locator('main').getAttribute('data-state')).toBe('results');
    await popup2.close();
  });
});
