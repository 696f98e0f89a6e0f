// Change events for the extension's pages, pushed by the background instead of polled: the background
// writes each tab's state and a record of the last change to the sources into session storage (keys
// in lib/messages.ts), and `storage.onChanged` tells every open popup and options page. Each function
// returns the call that stops listening.
import { browser, sessionAreaName } from './adapter';
import { SOURCES_CHANGED_KEY, tabStateKey, type SourcesChange, type TabState } from '../messages';

type Changes = Record<string, browser.Storage.StorageChange>;

/** Calls `cb` with the new value of `key` in the background's session storage (undefined when removed). */
function onSessionKey<T>(key: string, cb: (value: T | undefined) => void): () => void {
  const area = sessionAreaName();
  const listener = (changes: Changes, areaName: string) => {
    if (areaName !== area || !Object.prototype.hasOwnProperty.call(changes, key)) return;
    cb(changes[key]!.newValue as T | undefined);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/**
 * Calls `cb` with a tab's state each time the background changes it (working, results, stale, error…).
 * A state the background forgot (the tab navigated or closed) comes as `idle` with no URL: ask `tab:get`.
 */
export function onTabStateChanged(tabId: number, cb: (state: TabState) => void): () => void {
  return onSessionKey<TabState>(tabStateKey(tabId), (s) => cb(s ?? { state: 'idle', url: null }));
}

/** Calls `cb` after each change to the sources (switched, renamed, added, removed, imported, reset). */
export function onSourcesChanged(cb: (change: SourcesChange) => void): () => void {
  return onSessionKey<SourcesChange>(SOURCES_CHANGED_KEY, (c) => {
    if (c) cb(c);
  });
}
