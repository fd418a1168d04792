/**
 * The PostgreSQL engine's connection pool and transactions.
 *
 * - Reads that take several statements run in one REPEATABLE READ READ ONLY transaction: every
 *   statement sees the same committed snapshot (the SQLite engine's reader transaction).
 * - Writes run in READ COMMITTED transactions whose preconditions are enforced by the database
 *   (compare-and-set UPDATEs, row locks, unique keys). A callback that decides not to write
 *   returns `tx.abort(value)`: the transaction is rolled back and `value` returned.
 * - int8 (ids, counts, epoch milliseconds) is parsed to a JS number: every such value here is far
 *   below 2^53.
 */
import { Client, Pool, types as pgTypes } from 'pg';
import type { CustomTypesConfig, PoolClient } from 'pg';

export type Param = string | number | boolean | null | readonly string[] | readonly number[];
export type Row = Record<string, unknown>;

export interface Tx {
  /** All rows. */
  all<T extends Row>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** The first row, if any. */
  get<T extends Row>(sql: string, params?: readonly Param[]): Promise<T | undefined>;
  /** The number of rows written. */
  run(sql: string, params?: readonly Param[]): Promise<number>;
  /** Marks the transaction for rollback; returns `value` for the caller to return. */
  abort<T>(value: T): T;
}

const INT8 = 20;
const types: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 ? (value: string) => Number(value) : pgTypes.getTypeParser(oid, format ?? 'text')) as CustomTypesConfig['getTypeParser'],
};

export interface DbOptions {
  /** Pool size (connections per server process). */
  max?: number;
  applicationName?: string;
  onWrite?: (seconds: number) => void;
}

/** PostgreSQL error codes the engine acts on. */
export const PgCode = {
  uniqueViolation: '23505',
  serializationFailure: '40001',
  deadlock: '40P01',
} as const;

export function pgCode(e: unknown): string | undefined {
  return e instanceof Error && 'code' in e && typeof e.code === 'string' ? e.code : undefined;
}

/** A unique violation of this constraint (or index). */
export function isUniqueViolation(e: unknown, constraint: string): boolean {
  return pgCode(e) === PgCode.uniqueViolation && e instanceof Error && 'constraint' in e && e.constraint === constraint;
}

const RETRIES = 4;

function clientTx(client: PoolClient | Client): Tx & { aborted: boolean } {
  const tx = {
    aborted: false,
    async all<T extends Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
      return (await client.query<T>(sql, params as unknown[])).rows;
    },
    async get<T extends Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
      return (await client.query<T>(sql, params as unknown[])).rows[0];
    },
    async run(sql: string, params: readonly Param[] = []): Promise<number> {
      return (await client.query(sql, params as unknown[])).rowCount ?? 0;
    },
    abort<T>(value: T): T {
      tx.aborted = true;
      return value;
    },
  };
  return tx;
}

type Outcome<T> = { ok: true; value: T; broken: null } | { ok: false; error: unknown; broken: Error | null };

const asError = (e: unknown) => (e instanceof Error ? e : new Error(String(e)));

async function runIn<T>(client: PoolClient, begin: string, fn: (tx: Tx) => Promise<T>): Promise<Outcome<T>> {
  try {
    await client.query(begin);
  } catch (e) {
    return { ok: false, error: e, broken: asError(e) };
  }
  const tx = clientTx(client);
  let value: T;
  try {
    value = await fn(tx);
  } catch (e) {
    try {
      await client.query('ROLLBACK');
      return { ok: false, error: e, broken: null };
    } catch (rollbackError) {
      return { ok: false, error: e, broken: asError(rollbackError) };
    }
  }
  try {
    await client.query(tx.aborted ? 'ROLLBACK' : 'COMMIT');
    return { ok: true, value, broken: null };
  } catch (e) {
    // A COMMIT refused by the database (a deferred constraint, a serialization failure) leaves a
    // usable connection; anything else (the connection broke) does not.
    return { ok: false, error: e, broken: pgCode(e) === undefined ? asError(e) : null };
  }
}

export class Db {
  readonly pool: Pool;
  private readonly onWrite: (seconds: number) => void;

  constructor(
    readonly url: string,
    options: DbOptions = {},
  ) {
    this.pool = new Pool({
      connectionString: url,
      max: options.max ?? 10,
      application_name: options.applicationName ?? 'switchyard',
      types,
      // A connection that dies in a transaction (a replica killed mid-write) must not hold locks for long.
      idle_in_transaction_session_timeout: 60_000,
    });
    // An idle connection that breaks (the database restarted) is dropped from the pool; the next
    // query opens a new one. Without a listener the error would end the process.
    this.pool.on('error', () => {});
    this.onWrite = options.onWrite ?? (() => {});
  }

  /** A single statement outside any explicit transaction (it is its own snapshot). */
  all<T extends Row>(sql: string, params: readonly Param[] = []): Promise<T[]> {
    return this.pool.query<T>(sql, params as unknown[]).then((r) => r.rows);
  }

  async get<T extends Row>(sql: string, params: readonly Param[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly Param[] = []): Promise<number> {
    return (await this.pool.query(sql, params as unknown[])).rowCount ?? 0;
  }

  /** Several statements over one snapshot of committed data. */
  read<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', fn, false);
  }

  /** A write transaction (READ COMMITTED); retried from the start on a deadlock or serialization failure. */
  async write<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
    const started = process.hrtime.bigint();
    try {
      return await this.transaction('BEGIN', fn, true);
    } finally {
      this.onWrite(Number(process.hrtime.bigint() - started) / 1e9);
    }
  }

  private async transaction<T>(begin: string, fn: (tx: Tx) => Promise<T>, retry: boolean): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      const outcome = await runIn(client, begin, fn);
      // A connection whose state is unknown (a network error, a failed ROLLBACK) is not reused.
      client.release(outcome.broken ?? undefined);
      if (outcome.ok) return outcome.value;
      const code = pgCode(outcome.error);
      if (retry && attempt < RETRIES && (code === PgCode.deadlock || code === PgCode.serializationFailure)) continue;
      throw outcome.error;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
