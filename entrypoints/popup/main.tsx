// Popup entry: mounts the Preact view on the tab named by ?tab=<id>, else the active tab.
import { render } from 'preact';
import { browser } from '../../lib/browser/adapter';
import { Popup } from './Popup';

async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

void targetTab().then((tabId) => render(<Popup tabId={tabId} />, document.getElementById('app')!));
