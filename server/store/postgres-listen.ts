/**
 * LISTEN on a dedicated connection (notifications need one that stays open, outside the pool).
 * When the connection drops (the database restarted, an administrator ended it, the network
 * broke) it reconnects with backoff and reports `onReconnect`, so the owner re-syncs what it may
 * have missed while nobody was listening.
 */
import { Client, escapeIdentifier } from 'pg';

export interface ListenerOptions {
  url: string;
  channels: readonly string[];
  onNotify: (channel: string, payload: string) => void;
  /** After a dropped connection was re-established (not after the first connect). */
  onReconnect: () => void;
  onError?: (e: Error) => void;
  /** Backoff bounds of reconnect attempts (100 ms doubling up to 5 s). */
  minRetryMs?: number;
  maxRetryMs?: number;
}

const APPLICATION_NAME = 'switchyard-listen';

export class PgListener {
  private client: Client | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private failures = 0;
  private reconnects = 0;

  constructor(private readonly options: ListenerOptions) {}

  /** How often the connection was re-established. */
  get reconnections(): number {
    return this.reconnects;
  }

  /** True while a LISTEN connection is up. */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Connects and listens; rejects when the first connection fails. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.options.url, application_name: APPLICATION_NAME, keepAlive: true });
    let gone = false;
    const lost = (e?: Error) => {
      if (gone) return;
      gone = true;
      if (e) this.options.onError?.(e);
      if (this.client === client) this.client = null;
      client.removeAllListeners('notification');
      client.end().catch(() => {});
      this.schedule();
    };
    client.on('error', lost);
    client.on('end', () => lost());
    client.on('notification', (m) => this.options.onNotify(m.channel, m.payload ?? ''));
    try {
      await client.connect();
      for (const channel of this.options.channels) await client.query(`LISTEN ${escapeIdentifier(channel)}`);
    } catch (e) {
      gone = true;
      client.end().catch(() => {});
      throw e;
    }
    if (this.stopped) {
      gone = true;
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.failures = 0;
  }

  private schedule(): void {
    if (this.stopped || this.timer) return;
    const min = this.options.minRetryMs ?? 100;
    const delay = Math.min(this.options.maxRetryMs ?? 5_000, min * 2 ** this.failures);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.connect().then(
        () => {
          if (this.stopped) return;
          this.reconnects++;
          this.options.onReconnect();
        },
        (e: unknown) => {
          this.failures++;
          this.options.onError?.(e instanceof Error ? e : new Error(String(e)));
          this.schedule();
        },
      );
    }, delay);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const client = this.client;
    this.client = null;
    if (client) {
      client.removeAllListeners('end');
      client.removeAllListeners('error');
      client.on('error', () => {});
      await client.end().catch(() => {});
    }
  }
}
