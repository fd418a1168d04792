/** A minimal keep-alive HTTP client for loopback soaks (node:http: no dependency, little overhead). */
import http from 'node:http';

export interface LoopbackReply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export class LoopbackClient {
  private readonly agent: http.Agent;
  private readonly url: URL;

  constructor(base: string, sockets: number) {
    this.url = new URL(base);
    if (!['127.0.0.1', 'localhost', '[::1]'].includes(this.url.hostname)) {
      throw new Error(`soaks talk to loopback only, not ${this.url.hostname}`);
    }
    this.agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  }

  request(method: string, path: string, headers: Record<string, string> = {}, body?: string): Promise<LoopbackReply> {
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: this.url.hostname.replace(/^\[|\]$/g, ''),
          port: this.url.port,
          method,
          path,
          agent: this.agent,
          headers: body === undefined ? headers : { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }

  /**
   * A server-sent event stream (its own connection): calls `onEvent` with each event's name, id and
   * data (lines joined by \n). Resolves once the response headers arrived, to a function that closes it.
   */
  events(path: string, onEvent: (e: { event: string; id: string; data: string }) => void): Promise<() => void> {
    return new Promise((resolve, reject) => {
      const req = http.get({ host: this.url.hostname.replace(/^\[|\]$/g, ''), port: this.url.port, path, headers: { accept: 'text/event-stream' } }, (res) => {
        if (res.statusCode !== 200) {
          reject(new Error(`${path} answered ${res.statusCode}`));
          res.resume();
          return;
        }
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const e = { event: 'message', id: '', data: [] as string[] };
            for (const line of frame.split('\n')) {
              if (line.startsWith('event: ')) e.event = line.slice(7);
              else if (line.startsWith('id: ')) e.id = line.slice(4);
              else if (line.startsWith('data: ')) e.data.push(line.slice(6));
            }
            if (e.data.length > 0) onEvent({ event: e.event, id: e.id, data: e.data.join('\n') });
          }
        });
        res.on('error', () => undefined);
        resolve(() => req.destroy());
      });
      req.on('error', (e) => reject(e));
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
