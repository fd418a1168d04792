/**
 * Vitest global setup of the `pg` project: one throw-away PostgreSQL cluster for the whole run,
 * stopped and deleted at the end. Tests make their own databases in it, copies of a template
 * database that has every migration applied (PG_TEMPLATE), so each starts in a few hundred
 * milliseconds. When PostgreSQL cannot be had the run fails with the reason and the command to
 * install it: the PostgreSQL tests are never skipped.
 */
import { Client } from 'pg';
import type { TestProject } from 'vitest/node';
import { PostgresStore } from '../store/postgres';
import { databaseUrl, startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The PostgreSQL server the `pg` project runs on ('' in the other projects: SQLite). */
    switchyardPg: string;
  }
}

/** A database with every migration applied, copied for each test (CREATE DATABASE … TEMPLATE). */
export const PG_TEMPLATE = 'switchyard_template';

async function createTemplate(serverUrl: string): Promise<void> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${PG_TEMPLATE} TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  const store = await PostgresStore.open(databaseUrl(serverUrl, PG_TEMPLATE));
  await store.close();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  try {
    await createTemplate(cluster.url);
  } catch (e) {
    await cluster.stop();
    throw e;
  }
  project.provide('switchyardPg', cluster.url);
  return () => cluster.stop();
}
