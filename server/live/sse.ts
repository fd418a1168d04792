/**
 * Server-sent-event connections: headers, framing, a heartbeat comment (so proxies keep the
 * connection open and clients notice a dead one), and clean closing on shutdown.
 */
import type { FastifyReply } from 'fastify';
import type { Metrics } from '../metrics';

export type StreamName = 'api' | 'watch';

export class SseConnection {
  private open = true;
  private readonly cleanups: (() => void)[] = [];

  constructor(
    private readonly reply: FastifyReply,
    readonly stream: StreamName,
  ) {}

  get closed(): boolean {
    return !this.open;
  }

  /** Runs when the connection ends, whoever ends it. */
  onClose(fn: () => void): void {
    if (this.open) this.cleanups.push(fn);
    else fn();
  }

  send(event: string, data: string, id?: string): void {
    if (!this.open) return;
    const lines = data.split(/\r\n|\r|\n/).map((l) => `data: ${l}`);
    const frame = [`event: ${event}`, ...(id !== undefined ? [`id: ${id.replace(/[\r\n]/g, '')}`] : []), ...lines].join('\n');
    this.reply.raw.write(frame + '\n\n');
  }

  comment(text: string): void {
    if (this.open) this.reply.raw.write(`: ${text.replace(/[\r\n]/g, ' ')}\n\n`);
  }

  close(): void {
    if (!this.open) return;
    this.open = false;
    for (const fn of this.cleanups.splice(0)) fn();
    this.reply.raw.end();
  }

  /** The client went away. */
  ended(): void {
    if (!this.open) return;
    this.open = false;
    for (const fn of this.cleanups.splice(0)) fn();
  }
}

export class SseHub {
  private readonly connections = new Set<SseConnection>();
  private closing = false;

  constructor(
    private readonly metrics: Metrics,
    private readonly heartbeatMs: number,
  ) {}

  get size(): number {
    return this.connections.size;
  }

  open(reply: FastifyReply, stream: StreamName): SseConnection {
    reply.hijack();
    const conn = new SseConnection(reply, stream);
    reply.raw.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    reply.raw.write('retry: 3000\n\n');
    if (this.closing) {
      conn.close();
      return conn;
    }
    this.connections.add(conn);
    this.metrics.sseClients.add({ stream }, 1);
    const heartbeat = setInterval(() => conn.comment('heartbeat'), this.heartbeatMs);
    heartbeat.unref();
    conn.onClose(() => {
      clearInterval(heartbeat);
      this.connections.delete(conn);
      this.metrics.sseClients.add({ stream }, -1);
    });
    reply.raw.on('close', () => conn.ended());
    reply.raw.on('error', () => conn.ended());
    return conn;
  }

  /** Ends every stream (server shutdown); new ones are refused from now on. */
  closeAll(): void {
    this.closing = true;
    for (const conn of [...this.connections]) conn.close();
  }
}
