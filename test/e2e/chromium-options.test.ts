// The options page in Chromium with the built extension: every outlet and article listed, enable /
// disable and rename take effect on the next check, pasted text becomes a source, export → import
// round-trips, a malformed import file is refused with a clear message and changes nothing, and
// reset returns to the bundled corpus. Every outcome is said beside the control that caused it and in
// view; remove, disable and reset offer Undo; limits are said and enforced before anything is sent;
// the rename box and the site list explain what they refuse; axe finds nothing in light or dark.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchChromium, screenshot, tabIdOf, waitFor, badgeText, SHOTS, type ChromiumSession } from './harness';
import { startDemoServer, type DemoServer } from '../../tools/demo-server';
import { loadCompiled, ROOT } from '../../tools/corpus-files';
import { MAX_TEXT_CHARS } from '../../lib/core/user-input';
import { MAX_IMPORT_CHARS } from '../../lib/store/export-format';

const AXE = join(ROOT, 'node_modules/axe-core/axe.min.js');

let s: ChromiumSession;
let server: DemoServer;
let options: Page;
const dir = mkdtempSync(join(tmpdir(), 'rxr-options-'));

async function reply<T>(page: Page, type: string, data: unknown): Promise<T> {
  const r = (await page.evaluate(([t, d]) => chrome.runtime.sendMessage({ type: t, data: d }), [type, data] as const)) as {
    ok: boolean;
    data: T;
    error?: { message: string };
  };
  if (!r.ok) throw new Error(r.error?.message);
  return r.data;
}

type Listed = { sources: { id: string; name: string; origin: string; enabled: boolean; statements: number }[] };
const listed = () => reply<Listed>(options, 'sources:list', {});

/** What a person sees: the viewport only (the harness's `screenshot` takes the whole page). */
async function viewShot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** The message is inside the viewport and starts within `gap` px of the control that caused it. */
async function inViewBeside(page: Page, message: Locator, control: Locator, gap = 120): Promise<void> {
  const vp = page.viewportSize()!;
  const m = (await message.boundingBox())!;
  const c = (await control.boundingBox())!;
  expect(m.height).toBeGreaterThan(0);
  expect(m.y).toBeGreaterThanOrEqual(0);
  expect(m.y + m.height).toBeLessThanOrEqual(vp.height);
  // Below the control (or on its row) and close to it.
  expect(m.y).toBeGreaterThanOrEqual(c.y - 4);
  expect(m.y - (c.y + c.height)).toBeLessThan(gap);
}

async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  await page.evaluate(readFileSync(AXE, 'utf8'));
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(ctx: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
}

beforeAll(async () => {
  server = await startDemoServer();
  s = await launchChromium();
  options = await s.context.newPage();
  await options.goto(`chrome-extension://${s.extensionId}/options.html`);
  await options.waitForSelector('[data-state="ready"]');
});
afterAll(async () => {
  await s?.close();
  await server?.close();
});

describe('Chromium: options page', () => {
  it('lists every bundled outlet with its articles, the off-topic one marked', async () => {
    const corpus = loadCompiled();
    expect(await options.locator('li.source').evaluateAll((els) => els.map((e) => e.getAttribute('data-source')))).toEqual(
      corpus.sources.map((x) => x.id),
    );
    expect(await options.locator('[data-article]').count()).toBe(corpus.articles.length);
    expect(await options.locator('[data-article].off-topic').count()).toBe(corpus.articles.filter((a) => !a.topic).length);
    await expect(options.locator('[data-source="unattributed-wire"]').textContent()).resolves.toMatch(/Unattributed report/);
  });

  it("an article's switch says what it did beside it, persists after a reload, and waits while its outlet is off", async () => {
    type Art = { id: string; source: string; title: string | null; lead: string; topic: boolean; enabled: boolean };
    const articles = async () => (await reply<{ articles: Art[] }>(options, 'sources:list', {})).articles;
    const a = (await articles()).find((x) => x.source === 'arab-news' && x.topic)!;
    expect(a.enabled).toBe(true);
    // Named by its headline, or by its first words when it has none.
    const name = a.title ?? a.lead;
    const row = () => options.locator(`[data-article="${a.id}"]`);
    const toggle = () => row().getByRole('switch', { name: `Use the article “${name}” in checks` });
    expect(await toggle().getAttribute('aria-checked')).toBe('true');
    await toggle().click();
    const status = row().locator('[role="status"]');
    await waitFor(async () => /^Switched off/.test((await status.textContent()) ?? ''), 'the switched-off message');
    expect(await status.textContent()).toBe(`Switched off “${name}”: its statements are left out of the next checks.`);
    await inViewBeside(options, status, toggle(), 40);
    expect((await articles()).find((x) => x.id === a.id)!.enabled).toBe(false);
    expect(await toggle().getAttribute('aria-checked')).toBe('false');
    await viewShot(options, 'options-article-off');

    await options.reload();
    await options.waitForSelector('[data-state="ready"]');
    expect(await toggle().getAttribute('aria-checked')).toBe('false');
    // While its outlet is off the article's switch cannot be used.
    await options.locator('[data-source="arab-news"] input[type="checkbox"]').uncheck();
    await waitFor(async () => await toggle().isDisabled(), 'the article switch disabled with its outlet');
    await options.locator('[data-source="arab-news"] input[type="checkbox"]').check();
    await waitFor(async () => await toggle().isEnabled(), 'the article switch usable again');

    await toggle().click();
    await waitFor(async () => (await articles()).find((x) => x.id === a.id)!.enabled, 'switched back on');
    await waitFor(
      async () => (await status.textContent()) === `Using “${name}” again: its statements are used in the next checks.`,
      'the switched-on message',
    );
    expect(await toggle().getAttribute('aria-checked')).toBe('true');
    // The page as the next tests expect it: one message area per card.
    await options.reload();
    await options.waitForSelector('[data-state="ready"]');
  });

  it('disabling an outlet removes its statements from the next check; renaming shows the new name', async () => {
    const page = await s.context.newPage();
    const url = `${server.url}/corpus/arab-news.html`;
    await page.goto(url);
    const tabId = await tabIdOf(s.worker, url);
    await waitFor(async () => /^\d+$/.test(await badgeText(s.worker, tabId)), 'badge');
    const sourcesIn = async () => {
      await reply(options, 'tab:check', { tabId, force: false });
      const done = await waitFor(async () => {
        const st = await reply<{ state: string; report?: { paragraphs: { matches: { sourceId: string; source: string }[] }[] } }>(
          options,
          'tab:get',
          { tabId },
        );
        return st.state === 'results' ? st : null;
      }, 'results');
      return done.report!.paragraphs.flatMap((p) => p.matches);
    };
    expect((await sourcesIn()).some((m) => m.sourceId === 'post-truth')).toBe(true);
    await options.locator('[data-source="post-truth"] input[type="checkbox"]').uncheck();
    await waitFor(
      async () =>
        (await reply<{ sources: { id: string; enabled: boolean }[] }>(options, 'sources:list', {})).sources.find(
          (x) => x.id === 'post-truth',
        )?.enabled === false,
      'disabled',
    );
    expect((await sourcesIn()).some((m) => m.sourceId === 'post-truth')).toBe(false);
    await options.locator('[data-source="post-truth"] input[type="checkbox"]').check();

    await options.locator('[data-source="unattributed-wire"] button', { hasText: 'Rename' }).click();
    await options.locator('[data-source="unattributed-wire"] form.rename input').fill('Wire Service X');
    await options.locator('[data-source="unattributed-wire"] form.rename button[type="submit"]').click();
    await waitFor(
      async () => ((await options.locator('[data-source="unattributed-wire"] h3').textContent()) ?? '').includes('Wire Service X'),
      'renamed',
    );
    expect((await sourcesIn()).filter((m) => m.sourceId === 'unattributed-wire').every((m) => m.source === 'Wire Service X')).toBe(true);
    await page.close();
  });

  it('adds pasted text as a source, exports, refuses a malformed import beside the import control, resets with Undo, imports', async () => {
    await options.locator('form.add input').first().fill('My Notes');
    await options
      .locator('form.add textarea')
      .fill(
        'Rubio and Lavrov met in Riyadh on Tuesday.\n\nThe meeting at Diriyah Palace lasted about four and a half hours, officials said, and no date was set for a Trump–Putin summit.',
      );
    await options.locator('form.add button[type="submit"]').click();
    await waitFor(async () => (await options.locator('li.source').count()) === 6, 'a sixth source');
    const added = await listed();
    const mine = added.sources.find((x) => x.origin === 'user')!;
    expect(mine.name).toBe('My Notes');
    expect(mine.statements).toBeGreaterThan(0);
    const addStatus = options.locator('[data-feedback="add-text"] [role="status"]');
    await waitFor(async () => ((await addStatus.textContent()) ?? '').length > 0, 'the add message');
    expect(await addStatus.textContent()).toBe(`Added “My Notes”: ${mine.statements} statement${mine.statements === 1 ? '' : 's'}`);
    await inViewBeside(options, addStatus, options.locator('form.add button[type="submit"]'), 10);

    const { json } = await reply<{ json: string }>(options, 'sources:export', {});
    const file = join(dir, 'export.json');
    writeFileSync(file, json);
    expect(JSON.parse(readFileSync(file, 'utf8')).user[0].name).toBe('My Notes');

    // A refused import: its reason right under the import control, in view (the page was scrolled to the top).
    await options.evaluate(() => window.scrollTo(0, 0));
    const before = await reply<unknown>(options, 'sources:list', {});
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"format":"something-else","version":1}');
    await options.locator('.io input[type="file"]').setInputFiles(bad);
    const alert = options.locator('[data-feedback="import"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/can’t be imported/);
    expect(await options.locator('[role="alert"]').count()).toBe(1);
    await inViewBeside(options, alert, options.locator('.io label.file-button'));
    expect(await reply<unknown>(options, 'sources:list', {})).toEqual(before);
    await screenshot(options, 'options-import-error');
    await viewShot(options, 'options-import-error-view');

    // Reset: no confirm(); it says what it changed and offers Undo, which brings everything back.
    let dialogs = 0;
    options.on('dialog', (d) => {
      dialogs++;
      void d.dismiss();
    });
    await options.locator('button', { hasText: 'Reset to the bundled corpus' }).click();
    await waitFor(async () => (await options.locator('li.source').count()) === 5, 'reset to five');
    expect((await listed()).sources.map((x) => x.name)).toContain('Unattributed report');
    const resetStatus = options.locator('[data-feedback="reset"] [role="status"]');
    await waitFor(async () => ((await resetStatus.textContent()) ?? '').length > 0, 'the reset message');
    expect(await resetStatus.textContent()).toBe(
      'Reset to the bundled corpus: removed 1 source you added, enabled 0 outlets again and restored the shipped name of 1 outlet.',
    );
    await inViewBeside(options, resetStatus, options.locator('button', { hasText: 'Reset to the bundled corpus' }), 60);
    await viewShot(options, 'options-reset-undo');
    await options.locator('[data-feedback="reset"] button', { hasText: 'Undo' }).click();
    await waitFor(async () => (await options.locator('li.source').count()) === 6, 'reset undone');
    const restored = await listed();
    expect(restored.sources.map((x) => x.name)).toEqual(expect.arrayContaining(['My Notes', 'Wire Service X']));
    expect(restored.sources.find((x) => x.id === mine.id)!.statements).toBe(mine.statements);
    expect(await resetStatus.textContent()).toMatch(/^Undone/);
    expect(await options.locator('[data-feedback="reset"] button', { hasText: 'Undo' }).count()).toBe(0);
    expect(dialogs).toBe(0);

    // Reset again, then the exported file brings it all back.
    await options.locator('button', { hasText: 'Reset to the bundled corpus' }).click();
    await waitFor(async () => (await options.locator('li.source').count()) === 5, 'reset to five again');
    await options.locator('.io input[type="file"]').setInputFiles(file);
    await waitFor(async () => (await options.locator('li.source').count()) === 6, 'imported back');
    const after = await listed();
    expect(after.sources.map((x) => x.name)).toContain('My Notes');
    expect(after.sources.map((x) => x.name)).toContain('Wire Service X');
    expect(await options.locator('[data-feedback="import"] [role="status"]').textContent()).toBe(
      'Imported “export.json”: 1 source added, 5 sources updated.',
    );
    expect(await options.locator('[data-feedback="import"] [role="alert"]').count()).toBe(0);
    await screenshot(options, 'options');
  });

  it('removing a user source offers Undo in its place, reachable by keyboard, which restores it with its statements', async () => {
    const mine = (await listed()).sources.find((x) => x.origin === 'user')!;
    const card = options.locator(`[data-source="${mine.id}"]`);
    await card.locator('button', { hasText: 'Remove' }).click();
    const ghost = options.locator(`[data-removed="${mine.id}"]`);
    await ghost.waitFor();
    expect(await options.locator(`[data-source="${mine.id}"]`).count()).toBe(0);
    expect((await listed()).sources.some((x) => x.id === mine.id)).toBe(false);
    expect(await ghost.locator('[role="status"]').textContent()).toBe(
      `Removed “My Notes” (${mine.statements} statement${mine.statements === 1 ? '' : 's'}).`,
    );
    // The card's Remove button is gone: focus moves to Undo, so Enter takes it back.
    const undo = ghost.locator('button', { hasText: 'Undo' });
    await waitFor(() => undo.evaluate((b) => b === document.activeElement), 'Undo has focus');
    await inViewBeside(options, ghost.locator('[role="status"]'), ghost, 40);
    await viewShot(options, 'options-remove-undo');
    await options.keyboard.press('Enter');
    await card.waitFor();
    expect(await options.locator(`[data-removed="${mine.id}"]`).count()).toBe(0);
    const back = (await listed()).sources.find((x) => x.id === mine.id)!;
    expect(back).toMatchObject({ name: 'My Notes', statements: mine.statements, enabled: true });
    expect(await card.locator('.meta').textContent()).toContain(`${mine.statements} statement`);
    expect(await card.locator('[role="status"]').textContent()).toBe(
      `Restored “My Notes”: ${mine.statements} statement${mine.statements === 1 ? '' : 's'}.`,
    );
    // Focus was on the Undo button that went away: it lands on the restored card's message.
    expect(await card.locator('.feedback').evaluate((f) => f === document.activeElement)).toBe(true);
    // The source is back where it was: last, after the bundled outlets.
    expect(await options.locator('li.source').last().getAttribute('data-source')).toBe(mine.id);
  });

  it('disabling an outlet offers Undo beside its switch, reachable by keyboard; the offer runs out after a few seconds', async () => {
    const card = options.locator('[data-source="post-truth"]');
    // With the keyboard: Space on the switch, then Tab reaches Undo (after the card's Rename).
    await card.locator('input[type="checkbox"]').focus();
    await options.keyboard.press('Space');
    const status = card.locator('[role="status"]');
    await waitFor(async () => /^Disabled/.test((await status.textContent()) ?? ''), 'the disabled message');
    expect(await status.textContent()).toBe('Disabled “post-truth.eu”: its statements are left out of the next checks.');
    await inViewBeside(options, status, card.locator('.source-head'), 10);
    expect((await listed()).sources.find((x) => x.id === 'post-truth')!.enabled).toBe(false);
    await viewShot(options, 'options-disable-undo');
    await options.keyboard.press('Tab');
    await options.keyboard.press('Tab');
    expect(await card.locator('button', { hasText: 'Undo' }).evaluate((b) => b === document.activeElement)).toBe(true);
    await options.keyboard.press('Enter');
    await waitFor(async () => (await listed()).sources.find((x) => x.id === 'post-truth')!.enabled, 'enabled again');
    await waitFor(async () => ((await status.textContent()) ?? '') === 'Enabled “post-truth.eu” again.', 'the undo message');
    expect(await card.locator('input[type="checkbox"]').isChecked()).toBe(true);

    // Left alone, the Undo goes away (the message stays); the switch still turns it back on.
    const other = options.locator('[data-source="arab-news"]');
    await other.locator('input[type="checkbox"]').uncheck();
    await other.locator('button', { hasText: 'Undo' }).waitFor();
    await options.mouse.move(0, 0);
    await waitFor(async () => (await other.locator('button', { hasText: 'Undo' }).count()) === 0, 'the Undo to run out', 15_000);
    expect(await other.locator('[role="status"]').textContent()).toMatch(/^Disabled “Arab News”/);
    await other.locator('input[type="checkbox"]').check();
    await waitFor(async () => (await listed()).sources.find((x) => x.id === 'arab-news')!.enabled, 'switched back on');
    // The message follows the page's reload of the list, a moment after the background has the change.
    await waitFor(
      async () =>
        (await other.locator('[role="status"]').textContent()) === 'Enabled “Arab News”: its statements are used in the next checks.',
      'the enabled message',
    );
  });

  it('rename: the box takes focus, Escape cancels, an empty name for a user source is refused beside the box, Enter saves', async () => {
    const mine = (await listed()).sources.find((x) => x.origin === 'user')!;
    const card = options.locator(`[data-source="${mine.id}"]`);
    await card.locator('button', { hasText: 'Rename' }).click();
    const box = card.locator('form.rename input');
    await waitFor(() => box.evaluate((b) => b === document.activeElement), 'the rename box has focus');
    await options.keyboard.type('Something else');
    await options.keyboard.press('Escape');
    expect(await card.locator('form.rename').count()).toBe(0);
    expect(await card.locator('h3').textContent()).toBe('My Notes');
    await waitFor(
      () => card.locator('button', { hasText: 'Rename' }).evaluate((b) => b === document.activeElement),
      'focus back on Rename',
    );

    await options.keyboard.press('Enter');
    await waitFor(() => box.evaluate((b) => b === document.activeElement), 'the rename box has focus again');
    await box.fill('   ');
    await options.keyboard.press('Enter');
    const alert = card.locator('[role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('A source needs a name.');
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await box.evaluate((b) => b === document.activeElement)).toBe(true);
    await inViewBeside(options, alert, box, 40);
    expect((await listed()).sources.find((x) => x.id === mine.id)!.name).toBe('My Notes');
    await viewShot(options, 'options-rename-refused');

    await box.fill('My Notes, renamed');
    await options.keyboard.press('Enter');
    await waitFor(async () => (await card.locator('h3').textContent()) === 'My Notes, renamed', 'renamed');
    expect(await card.locator('[role="status"]').textContent()).toBe('Renamed to “My Notes, renamed”.');
    expect(await card.locator('[role="alert"]').count()).toBe(0);
    expect((await listed()).sources.find((x) => x.id === mine.id)!.name).toBe('My Notes, renamed');
  });

  it('site list: an empty list warns that nothing is checked automatically; a refused entry is named beside the list', async () => {
    await options.locator('input[name="detection"][value="sites"]').check();
    const warning = options.locator('[data-testid="sites-empty"]');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/no page is checked automatically/);
    expect(await warning.isVisible()).toBe(true);
    // Brought into view with the list it warns about.
    await inViewBeside(options, warning, options.locator('.sites label[for="sites-list"]'), 80);
    expect(await options.locator('[data-feedback="detection"] [role="status"]').textContent()).toBe(
      'Saved: only pages on the sites listed below are checked.',
    );
    expect(await options.locator('.sites .hint').textContent()).toMatch(/at most 200/);
    await viewShot(options, 'options-sites-empty');

    const list = options.locator('#sites-list');
    await list.fill('arabnews.com\nnot a site!');
    await options.locator('button', { hasText: 'Save sites' }).click();
    const alert = options.locator('[data-feedback="sites"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/Not a site: “not a site!”/);
    expect(await list.getAttribute('aria-invalid')).toBe('true');
    await inViewBeside(options, alert, list, 60);
    expect((await reply<{ sites: string[] }>(options, 'settings:get', {})).sites).toEqual([]);
    await viewShot(options, 'options-sites-refused');

    await list.fill('arabnews.com');
    await options.locator('button', { hasText: 'Save sites' }).click();
    const status = options.locator('[data-feedback="sites"] [role="status"]');
    await waitFor(async () => ((await status.textContent()) ?? '').startsWith('Saved'), 'sites saved');
    expect(await status.textContent()).toBe('Saved: pages on 1 site are checked automatically.');
    expect(await alert.count()).toBe(0);
    expect(await warning.count()).toBe(0);
    expect((await reply<{ sites: string[] }>(options, 'settings:get', {})).sites).toEqual(['arabnews.com']);
    await options.locator('input[name="detection"][value="auto"]').check();
    await waitFor(async () => (await reply<{ detection: string }>(options, 'settings:get', {})).detection === 'auto', 'back to auto');
  });

  it('limits are said up front and enforced before sending; an import shows progress with every control disabled', async () => {
    expect(await options.locator('#text-limit').textContent()).toContain(MAX_TEXT_CHARS.toLocaleString('en'));
    expect(await options.locator('#import-limit').textContent()).toContain(`up to ${MAX_IMPORT_CHARS / 1_000_000} MB`);
    const before = await listed();

    // Too much text: refused beside the Add button, nothing sent.
    await options.locator('form.add input').first().fill('Too long');
    await options.locator('form.add textarea').fill('Riyadh talks. '.repeat(Math.ceil((MAX_TEXT_CHARS + 1) / 14)));
    await options.locator('form.add button[type="submit"]').click();
    const textAlert = options.locator('[data-feedback="add-text"] [role="alert"]');
    await textAlert.waitFor();
    expect(await textAlert.textContent()).toMatch(/at most 500,000 can be added/);
    await inViewBeside(options, textAlert, options.locator('form.add button[type="submit"]'), 10);
    expect(await listed()).toEqual(before);
    await options.locator('form.add textarea').fill('');
    await options.locator('form.add input').first().fill('');

    // Too large a file: refused by its size before it is read.
    const big = join(dir, 'big.json');
    writeFileSync(big, Buffer.alloc(MAX_IMPORT_CHARS + 1, 0x20));
    await options.locator('.io input[type="file"]').setInputFiles(big);
    const importAlert = options.locator('[data-feedback="import"] [role="alert"]');
    await importAlert.waitFor();
    expect(await importAlert.textContent()).toBe('“big.json” is 50.1 MB; files up to 50 MB can be imported. Nothing was changed.');
    expect(await listed()).toEqual(before);

    // A real import: an indeterminate progress bar with its label beside the control, the other controls disabled meanwhile.
    const { json } = await reply<{ json: string }>(options, 'sources:export', {});
    const file = join(dir, 'again.json');
    writeFileSync(file, json);
    await options.evaluate(() => {
      const w = window as unknown as { seen: { label: string; value: string | null; disabled: boolean }[] };
      w.seen = [];
      new MutationObserver(() => {
        const p = document.querySelector<HTMLProgressElement>('[data-feedback="import"] progress');
        if (!p) return;
        const label = document.getElementById(p.getAttribute('aria-labelledby') ?? '')?.textContent ?? '';
        const controls = [
          ...document.querySelectorAll<HTMLButtonElement | HTMLInputElement>(
            // Every control that changes something (Cancel, which stops the import, stays usable).
            '.io button:not(.cancel-work), .io input, li.source input[type="checkbox"], button.remove',
          ),
        ];
        w.seen.push({
          label,
          value: p.getAttribute('value'),
          disabled: controls.every((c) => c.disabled),
          enabled: controls.filter((c) => !c.disabled).map((c) => c.outerHTML.slice(0, 80)),
        } as never);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    await options.locator('.io input[type="file"]').setInputFiles(file);
    const status = options.locator('[data-feedback="import"] [role="status"]');
    await waitFor(async () => ((await status.textContent()) ?? '').startsWith('Imported'), 'imported');
    const seen = await options.evaluate(
      () => (window as unknown as { seen: { label: string; value: string | null; disabled: boolean }[] }).seen,
    );
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0].label).toMatch(/^Importing/);
    expect(seen[0].value).toBeNull();
    expect(
      seen.some((x) => x.disabled),
      JSON.stringify(seen),
    ).toBe(true);
    expect(await options.locator('[data-feedback="import"] progress').count()).toBe(0);
    expect(await options.locator('.io input[type="file"]').isDisabled()).toBe(false);
    expect(await importAlert.count()).toBe(0);
  });

  it('a long import can be cancelled beside its progress bar, and nothing changes', async () => {
    const before = await listed();
    // Four documents of ~480,000 characters (the seed texts repeated): seconds of reading in the background.
    const seeds = readdirSync(join(ROOT, 'corpus'))
      .filter((f) => f.endsWith('.txt'))
      .map((f) => readFileSync(join(ROOT, 'corpus', f), 'utf8'))
      .join('\n\n');
    const text = seeds.repeat(Math.ceil(480_000 / seeds.length)).slice(0, 480_000);
    const file = join(dir, 'long.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'riyadh-cross-ref/sources',
        version: 1,
        exportedAt: '',
        bundled: [],
        user: [
          {
            id: 'user-long',
            name: 'Long',
            url: null,
            enabled: true,
            addedAt: 1,
            documents: [1, 2, 3, 4].map(() => ({ title: null, url: null, text })),
          },
        ],
      }),
    );
    await options.locator('.io input[type="file"]').setInputFiles(file);
    const cancel = options.locator('[data-feedback="import"] button.cancel-work');
    await cancel.waitFor();
    expect(await cancel.getAttribute('aria-label')).toMatch(/^Cancel: Importing/);
    await cancel.click();
    const alert = options.locator('[data-feedback="import"] [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toBe('Cancelled: nothing was added or changed.');
    await inViewBeside(options, alert, options.locator('.io label.file-button'));
    expect(await listed()).toEqual(before);
    expect(await options.locator('[data-feedback="import"] progress').count()).toBe(0);
  }, 120_000);

  it('adds an open tab as a source: the tab list follows tabs opened later; a change made elsewhere shows up without reloading', async () => {
    const url = `${server.url}/corpus/moscow-times.html?add-tab`;
    const page = await s.context.newPage();
    await page.goto(url);
    const tabId = await tabIdOf(s.worker, url);
    const select = options.locator('form.add-tab select');
    await waitFor(async () => (await select.locator(`option[value="${tabId}"]`).count()) === 1, 'the new tab in the list');
    await select.selectOption(String(tabId));
    await options.locator('form.add-tab input').fill('Tab Notes');
    await options.locator('form.add-tab button[type="submit"]').click();
    const status = options.locator('[data-feedback="add-tab"] [role="status"]');
    await waitFor(async () => ((await status.textContent()) ?? '').startsWith('Added'), 'the tab added', 30_000);
    const added = (await listed()).sources.find((x) => x.name === 'Tab Notes')!;
    expect(added.statements).toBeGreaterThan(0);
    expect(await status.textContent()).toBe(`Added “Tab Notes”: ${added.statements} statement${added.statements === 1 ? '' : 's'}`);
    await inViewBeside(options, status, options.locator('form.add-tab button[type="submit"]'), 10);
    expect(await options.locator(`[data-source="${added.id}"]`).count()).toBe(1);
    await page.close();
    await waitFor(async () => (await select.locator(`option[value="${tabId}"]`).count()) === 0, 'the closed tab gone from the list');

    // Changes sent from another extension page (as the popup would) reach this page through the background's change events.
    const other = await s.context.newPage();
    await other.goto(`chrome-extension://${s.extensionId}/popup.html`);
    await reply(other, 'source:remove', { id: added.id });
    await waitFor(async () => (await options.locator(`[data-source="${added.id}"]`).count()) === 0, 'the removal shown');
    await reply(other, 'source:update', { id: 'arab-news', name: 'Arab News, renamed elsewhere' });
    await waitFor(
      async () => (await options.locator('[data-source="arab-news"] h3').textContent()) === 'Arab News, renamed elsewhere',
      'the rename shown',
    );
    await reply(other, 'source:update', { id: 'arab-news', name: '' });
    await waitFor(async () => (await options.locator('[data-source="arab-news"] h3').textContent()) === 'Arab News', 'the name back');
    await other.close();
  });

  it('passes axe-core in light and dark, with a message, an error, Undo and the empty site list shown', async () => {
    const found: Record<string, { id: string; impact: string | null; nodes: string[] }[]> = {};
    await options.locator('[data-source="post-truth"] input[type="checkbox"]').uncheck();
    await options.locator('[data-source="post-truth"] button', { hasText: 'Undo' }).waitFor();
    await options.locator('input[name="detection"][value="sites"]').check();
    await options.locator('#sites-list').fill('');
    await options.locator('button', { hasText: 'Save sites' }).click();
    await options.locator('[data-testid="sites-empty"]').waitFor();
    await options.locator('.io input[type="file"]').setInputFiles(join(dir, 'bad.json'));
    await options.locator('[data-feedback="import"] [role="alert"]').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme: scheme });
      await options.waitForTimeout(100);
      const bg = await options.evaluate(() => getComputedStyle(document.body).backgroundColor);
      expect(bg).toBe(scheme === 'dark' ? 'rgb(17, 24, 39)' : 'rgb(255, 255, 255)');
      found[scheme] = await axeViolations(options);
      await screenshot(options, `options-${scheme}`);
    }
    await options.emulateMedia({ colorScheme: 'light' });
    await options.locator('[data-source="post-truth"] input[type="checkbox"]').check();
    await options.locator('input[name="detection"][value="auto"]').check();
    await waitFor(async () => (await reply<{ detection: string }>(options, 'settings:get', {})).detection === 'auto', 'back to auto');
    expect(found).toEqual({ light: [], dark: [] });
  });

  it('settings: in on-demand mode a loaded coverage page is not checked; back in automatic mode it is; no content script is ever registered', async () => {
    const open = async (path: string) => {
      const page = await s.context.newPage();
      await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
      return { page, tabId: await tabIdOf(s.worker, page.url()) };
    };
    expect(await s.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await options.locator('input[name="detection"][value="on-demand"]').check();
    await waitFor(
      async () => (await reply<{ detection: string }>(options, 'settings:get', {})).detection === 'on-demand',
      'on-demand saved',
    );
    const quiet = await open('/corpus/moscow-times.html?mode=on-demand');
    // Long enough for the probe (idle after load) and the whole check, which take well under a second here.
    await new Promise((r) => setTimeout(r, 2500));
    expect(await badgeText(s.worker, quiet.tabId)).toBe('');
    await options.locator('input[name="detection"][value="auto"]').check();
    await waitFor(async () => (await reply<{ detection: string }>(options, 'settings:get', {})).detection === 'auto', 'auto saved');
    const checked = await open('/corpus/moscow-times.html?mode=auto');
    await waitFor(async () => /^\d+$/.test(await badgeText(s.worker, checked.tabId)), 'badge in automatic mode');
    expect(await s.worker.evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await quiet.page.close();
    await checked.page.close();
  });
});
