// Main-thread tasks of a page in Chromium, from a DevTools trace, split by whose code ran in them:
// the extension's (a script of chrome-extension:// ran inside the task), the page's, or neither
// (parsing, style, layout). A page's own PerformanceObserver cannot see the extension's tasks: content
// scripts run in an isolated world whose long tasks the page is not told about.
import type { CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    data?: { url?: string; scriptName?: string; stackTrace?: { url?: string }[]; timerId?: number; id?: number };
    beginData?: { url?: string };
    name?: string;
  };
}

export interface TaskTimes {
  /** Durations (ms) of tasks in which the extension's scripts ran. */
  ours: number[];
  /** The extension's longest tasks (up to five): duration and the scripts that ran in them (file names). */
  oursLongest: { ms: number; scripts: string[] }[];
  /** Durations (ms) of tasks in which only the page's scripts ran. */
  page: number[];
  /** Durations (ms) of the other tasks (parsing, style, layout, idle work). */
  other: number[];
  /** How many script runs of the extension the trace holds (0 means the trace did not see the extension at all). */
  extensionScripts: number;
}

const scriptUrl = (e: TraceEvent) => e.args?.data?.url ?? e.args?.data?.scriptName ?? e.args?.data?.stackTrace?.[0]?.url ?? '';
const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.callFunction',
  'TimerFire',
  'FireIdleCallback',
  'EventDispatch',
]);

export class TaskTracer {
  private events: TraceEvent[] = [];
  private cdp: CDPSession | null = null;

  /** Starts tracing the browser (call before navigating `page`, so the page's first tasks are seen). */
  async start(page: Page): Promise<void> {
    this.cdp = await page.context().newCDPSession(page);
    this.cdp.on('Tracing.dataCollected', (e) => this.events.push(...(e.value as unknown as TraceEvent[])));
    await this.cdp.send('Tracing.start', {
      // Only what tells tasks and their scripts apart: the heavier timeline categories slow every task down.
      traceConfig: { includedCategories: ['devtools.timeline', 'toplevel'] },
      transferMode: 'ReportEvents',
    } as never);
  }

  /** Ends tracing; the tasks of the renderer that parsed `url`, by whose code ran in them. */
  async stop(url: string): Promise<TaskTimes> {
    const cdp = this.cdp!;
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach().catch(() => undefined);
    const parse = this.events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
    if (!parse) throw new Error(`the trace has no parsing of ${url}`);
    const main = this.events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X');
    const tasks = main.filter((e) => e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
    const scripts = main.filter((e) => SCRIPT_EVENTS.has(e.name) && scriptUrl(e));
    const out: TaskTimes = { ours: [], oursLongest: [], page: [], other: [], extensionScripts: 0 };
    out.extensionScripts = scripts.filter((e) => scriptUrl(e).startsWith('chrome-extension://')).length;
    // A timer or idle callback the extension set runs in a later task whose code carries no URL (an
    // `await` resumes in a microtask): such a task is the extension's too.
    const all = this.events.filter((e) => e.pid === parse.pid && e.tid === parse.tid);
    const installs = all.filter((e) => e.name === 'TimerInstall' || e.name === 'RequestIdleCallback');
    const fires = all.filter((e) => e.name === 'TimerFire' || e.name === 'FireIdleCallback');
    const idOf = (e: TraceEvent) => `${e.name.includes('Idle') ? 'idle' : 'timer'}:${e.args?.data?.timerId ?? e.args?.data?.id}`;
    const ourTimers = new Set<string>();
    for (const t of tasks) {
      const end = t.ts + (t.dur ?? 0);
      const within = (e: TraceEvent) => e.ts >= t.ts && e.ts <= end;
      const inside = scripts.filter(within);
      const ms = Math.round((t.dur ?? 0) / 100) / 10;
      const mine = inside.filter((e) => scriptUrl(e).startsWith('chrome-extension://'));
      const firedForUs = fires.some((e) => within(e) && ourTimers.has(idOf(e)));
      if (mine.length || firedForUs) {
        for (const e of installs) if (within(e)) ourTimers.add(idOf(e));
        out.ours.push(ms);
        const names = mine.map((e) => `${e.name}:${scriptUrl(e).replace(/^.*\//, '')}`);
        out.oursLongest.push({ ms, scripts: [...new Set(firedForUs ? ['a timer the extension set', ...names] : names)] });
      } else if (inside.length) out.page.push(ms);
      else out.other.push(ms);
    }
    out.oursLongest = out.oursLongest.sort((a, b) => b.ms - a.ms).slice(0, 5);
    return out;
  }
}

export const longest = (xs: number[]) => Math.max(0, ...xs);
