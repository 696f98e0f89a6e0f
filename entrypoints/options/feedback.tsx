// Feedback where the person acts: every control of the options page has its own message area right
// beside it (a success is a `role="status"`, an error a `role="alert"`), an in-page Undo for a few
// seconds where a change can be taken back, and an indeterminate progress bar while a long request runs.
import { createContext, type ComponentChildren } from 'preact';
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks';
import { send, t } from '../../lib/browser/adapter';
import { countMessage, type Countable } from '../../lib/view/plural';

/** How long an Undo stays offered (it does not run out while the button has focus or the pointer). */
export const UNDO_MS = 8000;

export interface Outcome {
  kind: 'ok' | 'error';
  text: string;
  /** Takes the change back; its outcome replaces this message. */
  undo?: () => Promise<Outcome>;
}

export interface Msg extends Outcome {
  /** When it was said (a message just said is scrolled into view and gets focus if focus was lost). */
  at: number;
}

interface FeedbackApi {
  msgs: Record<string, Msg | undefined>;
  /** The long request in flight (every control that changes something is disabled meanwhile). */
  busy: { key: string; label: string } | null;
  /** Runs `work` for the control `key` and shows its outcome (or its error) beside that control. */
  run(key: string, work: () => Promise<Outcome | null>, progress?: string): Promise<boolean>;
  /** Withdraws the Undo offered by `key`'s message (the message stays). */
  dropUndo(key: string): void;
}

const Ctx = createContext<FeedbackApi | null>(null);

export function useFeedback(): FeedbackApi {
  const api = useContext(Ctx);
  if (!api) throw new Error('useFeedback outside FeedbackProvider');
  return api;
}

/** Asks the background to stop the add or import it is reading (its reply to that request says "Cancelled"). */
export function cancelLongWork(): void {
  void send('sources:cancel', {}).catch(() => undefined);
}

/** The message of a failure, in the words the background (or a check here) gave it. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function FeedbackProvider({ children }: { children: ComponentChildren }) {
  const [msgs, setMsgs] = useState<Record<string, Msg | undefined>>({});
  const [busy, setBusy] = useState<FeedbackApi['busy']>(null);
  const say = useCallback((key: string, o: Outcome) => {
    setMsgs((m) => {
      const next = { ...m, [key]: { ...o, at: Date.now() } };
      // Undoing a reset puts back every outlet's switch and name as they were: offer it only while nothing else changed.
      if (key !== 'reset' && o.kind === 'ok' && next.reset?.undo) next.reset = { ...next.reset, undo: undefined };
      return next;
    });
  }, []);
  const run = useCallback(
    async (key: string, work: () => Promise<Outcome | null>, progress?: string) => {
      if (progress) setBusy({ key, label: progress });
      try {
        const o = await work();
        if (o) say(key, o);
        return true;
      } catch (err) {
        say(key, { kind: 'error', text: messageOf(err) });
        return false;
      } finally {
        if (progress) setBusy(null);
      }
    },
    [say],
  );
  const dropUndo = useCallback((key: string) => {
    setMsgs((m) => (m[key]?.undo ? { ...m, [key]: { ...m[key]!, undo: undefined } } : m));
  }, []);
  return <Ctx.Provider value={{ msgs, busy, run, dropUndo }}>{children}</Ctx.Provider>;
}

/** Focus is nowhere (the control that had it was disabled or removed). */
function focusLost(): boolean {
  const a = document.activeElement;
  return !a || a === document.body || !a.isConnected;
}

/**
 * The message area of one control: its latest outcome, an Undo while one is offered, and the progress
 * bar while its request runs. A message just said is scrolled into view, and takes focus when the
 * control that had it is gone (a removed source's card, a disabled button).
 */
export function Feedback({ id, class: cls, cancel }: { id: string; class?: string; cancel?: () => void }) {
  const { msgs, busy, run, dropUndo } = useFeedback();
  const msg = msgs[id];
  const working = busy?.key === id ? busy.label : null;
  const box = useRef<HTMLDivElement>(null);
  const undoButton = useRef<HTMLButtonElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const offered = !!msg?.undo;
  const startTimer = (ms: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => dropUndo(id), ms);
  };
  const holdTimer = () => clearTimeout(timer.current);
  useEffect(() => {
    if (offered) startTimer(UNDO_MS);
    return holdTimer; // restarts only for a new message
  }, [msg?.at, offered]);
  useEffect(() => {
    if (!msg || Date.now() - msg.at > 1500 || !box.current) return;
    if (focusLost()) (undoButton.current ?? box.current).focus({ preventScroll: true });
    box.current.scrollIntoView({ block: 'nearest' });
  }, [msg?.at]);
  useEffect(() => {
    if (working) box.current?.scrollIntoView({ block: 'nearest' });
  }, [working]);
  return (
    <div class={`feedback${cls ? ` ${cls}` : ''}`} data-feedback={id} ref={box} tabIndex={-1}>
      <p role="status" class="ok">
        {msg?.kind === 'ok' ? msg.text : ''}
      </p>
      {msg?.kind === 'error' && (
        <p role="alert" class="error-text">
          {msg.text}
        </p>
      )}
      {msg?.undo && (
        <button
          type="button"
          class="undo"
          ref={undoButton}
          disabled={!!busy}
          onFocus={holdTimer}
          onMouseEnter={holdTimer}
          onBlur={() => startTimer(UNDO_MS / 2)}
          onMouseLeave={() => startTimer(UNDO_MS / 2)}
          onClick={() => {
            const undo = msg.undo!;
            dropUndo(id);
            void run(id, undo, t('progressUndoing'));
          }}
        >
          {t('undo')}
        </button>
      )}
      {working && <Progress id={`progress-${id}`} label={working} cancel={cancel} />}
    </div>
  );
}

/**
 * An indeterminate progress bar with its label beside it (no promise of how long), and a Cancel
 * button where the work can be stopped (an import or an added text, while its texts are read).
 */
export function Progress({ id, label, cancel }: { id: string; label: string; cancel?: () => void }) {
  const [asked, setAsked] = useState(false);
  return (
    <span class="progress">
      <progress aria-labelledby={id} />
      <span id={id}>{label}</span>
      {cancel && (
        <button
          type="button"
          class="cancel-work"
          disabled={asked}
          aria-label={t('cancelWorkLabel', [label])}
          onClick={() => {
            setAsked(true);
            cancel();
          }}
        >
          {t('cancelWork')}
        </button>
      )}
    </span>
  );
}

/** "1 statement", "2 sources": a count in plain words with the right form. */
export function count(n: number, what: Countable): string {
  return t(...countMessage(n, what));
}

/** A name as the messages quote it (“My Notes”). */
export function quoted(name: string): string {
  return t('quoted', [name]);
}

/** A size in megabytes as the limits state it ("50", "61.3"), rounded up (a file just over 50 MB reads "50.1"). */
export function megabytes(bytes: number): string {
  return new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 }).format(Math.ceil(bytes / 100_000) / 10);
}

/** A number as the page writes it (500,000). */
export function number(n: number): string {
  return new Intl.NumberFormat().format(n);
}
