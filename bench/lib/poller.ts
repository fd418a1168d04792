/**
 * Apps polling a snapshot, as a separate process (so their work never delays the bench's own
 * timing): N keep-alive connections, each a client that sends If-None-Match with the ETag it
 * last got, waits `intervalMs`, and polls again. Usage: poller.ts <url> <clients> <intervalMs>.
 * Prints "ready" once every client has its first answer, then every second "polls <n> <200s> <304s> <errors>".
 */
import http from 'node:http';

const [url = '', clientsArg = '200', intervalArg = '100'] = process.argv.slice(2);
const target = new URL(url);
const clients = Number(clientsArg);
const intervalMs = Number(intervalArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
let polls = 0;
let ok = 0;
let notModified = 0;
let errors = 0;
let started = 0;
let stopping = false;
const running = () => !stopping;

function poll(etag: string | null): Promise<string | null> {
  return new Promise((resolve) => {
    const req = http.get(
      { host: target.hostname, port: target.port, path: target.pathname, agent, headers: etag ? { 'if-none-match': etag } : {} },
      (res) => {
        res.resume();
        res.on('end', () => {
          polls++;
          if (res.statusCode === 304) notModified++;
          else if (res.statusCode === 200) ok++;
          else errors++;
          resolve(typeof res.headers.etag === 'string' ? res.headers.etag : etag);
        });
      },
    );
    req.on('error', () => {
      errors++;
      resolve(etag);
    });
  });
}

async function client(): Promise<void> {
  let etag = await poll(null);
  if (++started === clients) console.log('ready');
  while (running()) {
    // Spread the clients: each waits its interval with a little jitter, as real apps do.
    await new Promise((r) => setTimeout(r, intervalMs * (0.5 + Math.random())));
    etag = await poll(etag);
  }
}

for (let i = 0; i < clients; i++) void client();
setInterval(() => console.log(`polls ${polls} ${ok} ${notModified} ${errors}`), 1000).unref();
process.on('SIGTERM', () => {
  stopping = true;
  console.log(`polls ${polls} ${ok} ${notModified} ${errors}`);
  setTimeout(() => process.exit(0), 50);
});
