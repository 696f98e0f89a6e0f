// The message protocol (lib/messages.ts): which requests travel which way, who may make them, and
// how a handler's outcome reaches the sender. Every sender and handler in the extension goes through it.
import { describe, expect, it } from 'vitest';
import {
  PAGE_SCRIPT_REQUESTS,
  dispatch,
  dispatchInPage,
  isMessage,
  isPageMessage,
  type BackgroundToPage,
  type Handlers,
  type SenderInfo,
} from '../lib/messages';
import { UserError } from '../lib/core/errors';

const page: SenderInfo = { tabId: 3, url: 'https://news.example/a', kind: 'page-script' };
const own: SenderInfo = { tabId: null, url: 'chrome-extension://x/popup.html', kind: 'extension-page' };

describe('message protocol', () => {
  it('page scripts may make exactly the page-to-background requests', () => {
    expect([...PAGE_SCRIPT_REQUESTS].sort()).toEqual(['gate:positive', 'gate:probe', 'page:paragraphs', 'page:reset', 'settings:get']);
  });

  it('the background takes only its own request types, with an object payload', () => {
    expect(isMessage({ type: 'ping', data: {} })).toBe(true);
    expect(isMessage({ type: 'page:show', data: { paragraph: 1 } })).toBe(false); // background → page only
    expect(isMessage({ type: 'ping' })).toBe(false);
    expect(isMessage({ type: 'ping', data: 'x' })).toBe(false);
    expect(isMessage({ type: 'toString', data: {} })).toBe(false);
    expect(isMessage(null)).toBe(false);
    expect(isPageMessage({ type: 'page:show', data: { paragraph: 1 } })).toBe(true);
    expect(isPageMessage({ type: 'sources:reset', data: {} })).toBe(false);
  });

  it('dispatch answers a page script only its own requests and wraps errors as codes', async () => {
    const h: Handlers = {
      'settings:get': async () => ({ markers: true }) as never,
      'sources:reset': async () => ({ sources: 5 }),
      'source:remove': async () => {
        throw new UserError('not-found', 'No such source.');
      },
    };
    expect(await dispatch(h, { type: 'sources:reset', data: {} }, page)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await dispatch(h, { type: 'sources:reset', data: {} }, own)).toEqual({ ok: true, data: { sources: 5 } });
    expect(await dispatch(h, { type: 'settings:get', data: {} }, page)).toEqual({ ok: true, data: { markers: true } });
    expect(await dispatch(h, { type: 'source:remove', data: { id: 'x' } }, own)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'No such source.' },
    });
    // No handler, or not a request of this protocol: left to other listeners.
    expect(await dispatch(h, { type: 'ping', data: {} }, own)).toBeNull();
    expect(await dispatch(h, { type: 'page:show', data: { paragraph: 0 } }, own)).toBeNull();
  });

  it('a page script answers the background through dispatchInPage, and nothing else', async () => {
    const shown: number[] = [];
    const h: Handlers<BackgroundToPage> = {
      'page:show': ({ paragraph }) => {
        shown.push(paragraph);
        return { shown: true };
      },
    };
    expect(await dispatchInPage(h, { type: 'page:show', data: { paragraph: 4 } })).toEqual({ ok: true, data: { shown: true } });
    expect(shown).toEqual([4]);
    expect(await dispatchInPage(h, { type: 'page:settings', data: { markers: false } })).toBeNull();
    expect(await dispatchInPage(h, { type: 'sources:reset', data: {} })).toBeNull();
  });
});
