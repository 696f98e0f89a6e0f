// Errors a person can act on, and the one shape every failure takes on its way to the UI.

export interface ErrorInfo {
  /** Stable code the UI turns into advice, e.g. `cannot-script`, `storage-full`, `bad-import`. */
  code: string;
  message: string;
}

/** An error a person can act on: `code` selects the advice the UI shows. */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** Turns anything thrown into an `ErrorInfo` with a stable code. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof UserError) return { code: err.code, message: err.message };
  const e = err as { name?: string; message?: string } | null;
  if (e && (e.name === 'QuotaExceededError' || /quota/i.test(e.message ?? ''))) {
    return { code: 'storage-full', message: 'The browser has no room left to store this. Free some disk space, then try again.' };
  }
  return { code: 'internal', message: e?.message ? String(e.message) : String(err) };
}
