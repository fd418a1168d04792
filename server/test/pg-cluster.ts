/**
 * A throw-away PostgreSQL cluster (scripts/pg-test-cluster.sh) for tests and benchmarks, and
 * fresh databases in it. Starting fails loudly, with the script's instructions, when PostgreSQL
 * cannot be had: the PostgreSQL tests are never skipped.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Client, escapeIdentifier } from 'pg';

const SCRIPT = fileURLToPath(new URL('../../scripts/pg-test-cluster.sh', import.meta.url));

export interface PgCluster {
  /** The maintenance database's URL (a superuser, trust authentication, loopback). */
  url: string;
  dir: string;
  stop: () => Promise<void>;
}

function script(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('bash', [SCRIPT, ...args], { timeout: 180_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`PostgreSQL is needed for these tests and could not be started:\n${stderr || error.message}`));
      else resolve(stdout);
    });
  });
}

export async function startPgCluster(options: { durable?: boolean } = {}): Promise<PgCluster> {
  const out = await script(['start', ...(options.durable ? ['--durable'] : [])]);
  const value = (name: string) => {
    const m = new RegExp(`^${name}=(.+)$`, 'm').exec(out);
    if (!m?.[1]) throw new Error(`scripts/pg-test-cluster.sh printed no ${name}:\n${out}`);
    return m[1].trim();
  };
  const dir = value('PG_CLUSTER_DIR');
  return { url: value('DATABASE_URL'), dir, stop: () => script(['stop', dir]).then(() => undefined) };
}

/** The URL of `database` on the server of `serverUrl`. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(serverUrl: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: serverUrl, application_name: 'switchyard-test-admin' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

let counter = 0;

/** A new database, empty or a copy of `template` (a database nobody is connected to); returns its URL. */
export async function createDatabase(serverUrl: string, prefix = 'sy', template = 'template0', options = ''): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}_${++counter}`.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${escapeIdentifier(name)} TEMPLATE ${escapeIdentifier(template)} ${options}`));
  return { name, url: databaseUrl(serverUrl, name) };
}

/** Drops a database, ending whatever connections are left on it. */
export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${escapeIdentifier(name)} WITH (FORCE)`));
}
