/**
 * The P4 reference: a bare node:http server that answers GET <path> with exactly the bytes and
 * headers the real server sent for it (read from the spec file given as the only argument), and
 * 304 when If-None-Match has its ETag. Nothing else: the ceiling for serving a snapshot.
 * Started as its own process by bench/p4-snapshot-polls.ts; prints "listening <port>".
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';

interface Spec {
  path: string;
  etag: string;
  headers: Record<string, string>;
  bodyBase64: string;
}

const spec = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as Spec;
const body = Buffer.from(spec.bodyBase64, 'base64');
const full = { ...spec.headers, 'content-length': String(body.length) };
const notModified = Object.fromEntries(Object.entries(spec.headers).filter(([k]) => k !== 'content-type'));

const server = http.createServer((req, res) => {
  if (req.method !== 'GET' || req.url !== spec.path) {
    res.writeHead(404).end();
    return;
  }
  if (req.headers['if-none-match'] === spec.etag) {
    res.writeHead(304, notModified).end();
    return;
  }
  res.writeHead(200, full).end(body);
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  console.log(`listening ${typeof address === 'object' && address ? address.port : 0}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
