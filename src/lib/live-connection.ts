/**
 * One server-sent-event connection to /api/v1/stream that survives failures: it reconnects with
 * backoff, resumes after the last event it saw (`lastEventId`, so the server replays what was
 * missed) and can be paused (tab hidden) and resumed. No React, no store: callbacks say what
 * happened, so it is testable with a fake EventSource.
 */
import { ChangeEventSchema, type ChangeEvent } from '@contract/schemas';

/** The part of the browser's EventSource this uses. */
export interface EventSourceLike {
  onopen: ((ev: Event) => unknown) | null;
  onerror: ((ev: Event) => unknown) | null;
  addEventListener(type: 'change', listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface LiveConnectionOptions {
  url: string;
  createSource: (url: string) => EventSourceLike;
  /** `reconnected` is true when this is not the first open: whatever was missed should be re-read. */
  onOpen: (reconnected: boolean) => void;
  onChange: (event: ChangeEvent) => void;
  /** The stream broke; `failures` counts breaks since the last successful open. */
  onFailure: (failures: number) => void;
  backoffMs?: (failures: number) => number;
  /** A stream that has not opened by then counts as broken (e.g. a proxy that buffers it). */
  openTimeoutMs?: number;
  setTimer?: (fn: () => void, ms: number) => number;
  clearTimer?: (id: number) => void;
}

const BACKOFF = [1000, 2000, 4000, 8000, 15_000, 30_000];
export const defaultBackoff = (failures: number): number => BACKOFF[Math.min(failures, BACKOFF.length) - 1] ?? 1000;

export class LiveConnection {
  private source: EventSourceLike | null = null;
  private timer: number | null = null;
  private openTimer: number | null = null;
  private running = false;
  private opened = false;
  private failures = 0;
  private lastEventId: string | null = null;

  constructor(private readonly options: LiveConnectionOptions) {}

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.connect();
  }

  /** Closes the stream (e.g. the tab is hidden); `start()` resumes after the last event seen. */
  stop(): void {
    this.running = false;
    this.clearTimer();
    this.clearOpenTimer();
    this.source?.close();
    this.source = null;
  }

  /** The API is back: do not wait for the rest of the backoff. */
  retryNow(): void {
    if (!this.running || this.source) return;
    this.clearTimer();
    this.connect();
  }

  private connect(): void {
    const url = this.lastEventId ? `${this.options.url}?lastEventId=${encodeURIComponent(this.lastEventId)}` : this.options.url;
    const source = this.options.createSource(url);
    this.source = source;
    this.openTimer = this.set(() => source.onerror?.(new Event('timeout')), this.options.openTimeoutMs ?? 10_000);
    source.onopen = () => {
      this.clearOpenTimer();
      const reconnected = this.opened;
      this.opened = true;
      this.failures = 0;
      this.options.onOpen(reconnected);
    };
    source.addEventListener('change', (message) => {
      if (message.lastEventId) this.lastEventId = message.lastEventId;
      const parsed = ChangeEventSchema.safeParse(safeJson(message.data));
      if (parsed.success) this.options.onChange(parsed.data);
    });
    source.onerror = () => {
      // The browser would retry on its own, but without backoff and without telling us; take over.
      source.close();
      if (this.source !== source) return;
      this.clearOpenTimer();
      this.source = null;
      this.failures += 1;
      this.options.onFailure(this.failures);
      if (!this.running) return;
      const delay = (this.options.backoffMs ?? defaultBackoff)(this.failures);
      this.timer = this.set(() => {
        this.timer = null;
        if (this.running && !this.source) this.connect();
      }, delay);
    };
  }

  private set(fn: () => void, ms: number): number {
    return (this.options.setTimer ?? ((f, t) => window.setTimeout(f, t)))(fn, ms);
  }

  private clear(id: number | null): void {
    if (id !== null) (this.options.clearTimer ?? ((i) => window.clearTimeout(i)))(id);
  }

  private clearTimer(): void {
    this.clear(this.timer);
    this.timer = null;
  }

  private clearOpenTimer(): void {
    this.clear(this.openTimer);
    this.openTimer = null;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
