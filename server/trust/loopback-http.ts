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

  close(): void {
    this.agent.destroy();
  }
}
