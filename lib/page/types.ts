// Function shapes through which page-side code talks to the background (given by the entry point,
// which passes lib/browser/adapter.ts's sendFromPage; tests pass fakes).
import type { PageToBackground, RequestOf, ResponseOf } from '../messages';

/** Sends one request of the page scripts' protocol to the background. */
export type SendFromPage = <K extends keyof PageToBackground>(
  type: K,
  data: RequestOf<K, PageToBackground>,
) => Promise<ResponseOf<K, PageToBackground>>;

export type ProtocolRequestFn<K extends keyof PageToBackground> = (
  data: RequestOf<K, PageToBackground>,
) => Promise<ResponseOf<K, PageToBackground>>;
