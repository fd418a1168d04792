/**
 * Schema migrations of the PostgreSQL engine, applied at start in order and recorded in
 * schema_migrations. Several replicas may start at once: migrate() holds a session advisory lock
 * for the whole run, so one applies and the others find the work done.
 *
 * The schema mirrors the SQLite engine's (server/store/migrations.ts) column for column, so rows
 * map to the store's types with the same functions: JSON is kept as text (the exact bytes that
 * were written, which replays must return byte for byte), instants as ISO-8601 text, flags as 0/1.
 * Text columns use the "C" collation: ordering and comparison by bytes, as in SQLite, whatever
 * the database's locale.
 */
import type { ClientBase } from 'pg';
import type { Migration } from './migrations';

/** Advisory lock keys (class, object) of the engine; the class is hashtext('switchyard'). */
export const LOCK_CLASS = "hashtext('switchyard')";
export const LOCKS = { events: 1, migrations: 2 } as const;

const T = 'TEXT COLLATE "C"';

export const pgMigrations: Migration[] = [
  {
    version: 1,
    name: 'registry, audit log, idempotency, tokens, sessions',
    sql: `
      CREATE TABLE namespaces (
        name ${T} PRIMARY KEY,
        description ${T},
        created_at ${T} NOT NULL,
        features ${T} NOT NULL,
        active_version INTEGER NOT NULL,
        latest_version INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        kill_switch INTEGER NOT NULL DEFAULT 0 CHECK (kill_switch IN (0, 1)),
        kill_switch_changed_at ${T},
        kill_switch_changed_by ${T},
        kill_switch_reason ${T}
      );

      CREATE TABLE events (
        id BIGSERIAL PRIMARY KEY,
        at ${T} NOT NULL,
        namespace ${T},
        actor ${T} NOT NULL,
        action ${T} NOT NULL,
        reason ${T} NOT NULL,
        from_version INTEGER,
        to_version INTEGER,
        details ${T} NOT NULL
      );
      CREATE INDEX events_namespace ON events (namespace, id);
      CREATE INDEX events_actor ON events (actor, id);
      CREATE INDEX events_action ON events (action, id);
      CREATE INDEX events_at ON events (at);
      CREATE INDEX events_namespace_action_at ON events (namespace, action, at);
      CREATE INDEX events_namespace_to_version ON events (namespace, to_version, id);

      CREATE TABLE versions (
        namespace ${T} NOT NULL REFERENCES namespaces (name),
        version INTEGER NOT NULL CHECK (version >= 1),
        kind ${T} NOT NULL CHECK (kind IN ('create', 'load', 'patch', 'restore', 'rollout_step')),
        author ${T} NOT NULL,
        reason ${T} NOT NULL,
        created_at ${T} NOT NULL,
        content ${T} NOT NULL,
        hash ${T} NOT NULL,
        meta ${T},
        flag_count INTEGER NOT NULL,
        parent_version INTEGER,
        source_version INTEGER,
        discarded_event_id BIGINT REFERENCES events (id),
        PRIMARY KEY (namespace, version)
      );

      CREATE TABLE idempotency (
        token_id ${T} NOT NULL,
        key ${T} NOT NULL,
        fingerprint ${T} NOT NULL,
        status INTEGER NOT NULL,
        body ${T} NOT NULL,
        created_at ${T} NOT NULL,
        PRIMARY KEY (token_id, key)
      );
      CREATE INDEX idempotency_created_at ON idempotency (created_at);

      CREATE TABLE tokens (
        id ${T} PRIMARY KEY,
        name ${T} NOT NULL,
        role ${T} NOT NULL CHECK (role IN ('viewer', 'operator', 'admin', 'reporter')),
        secret_hash ${T} NOT NULL UNIQUE,
        created_at ${T} NOT NULL,
        created_by ${T} NOT NULL,
        last_used_at ${T},
        expires_at ${T},
        revoked_at ${T}
      );

      CREATE TABLE sessions (
        id_hash ${T} PRIMARY KEY,
        token_id ${T} NOT NULL REFERENCES tokens (id),
        created_at ${T} NOT NULL,
        expires_at ${T} NOT NULL
      );
      CREATE INDEX sessions_expires_at ON sessions (expires_at);

      CREATE TABLE meta (
        key ${T} PRIMARY KEY,
        value ${T} NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'rollouts: rows, metric windows, cumulative reports, parity reports and patterns, guard breaches',
    sql: `
      ALTER TABLE events ADD COLUMN rollout_id ${T};
      CREATE INDEX events_rollout ON events (rollout_id, id) WHERE rollout_id IS NOT NULL;

      CREATE TABLE rollouts (
        id ${T} PRIMARY KEY,
        namespace ${T} NOT NULL REFERENCES namespaces (name),
        flag_key ${T} NOT NULL,
        policy_key ${T} NOT NULL,
        flag_type ${T} NOT NULL CHECK (flag_type IN ('BOOLEAN', 'ENUM')),
        v1_value ${T} NOT NULL,
        v2_value ${T} NOT NULL,
        description ${T},
        created_at ${T} NOT NULL,
        created_by ${T} NOT NULL,
        revision INTEGER NOT NULL,
        status ${T} NOT NULL CHECK (status IN ('active', 'paused', 'rolled_back', 'completed')),
        paused_reason ${T},
        steps ${T} NOT NULL,
        guards ${T} NOT NULL,
        gate ${T} NOT NULL,
        stage_started_at ${T} NOT NULL,
        observed ${T} NOT NULL,
        counters_reset_at ${T},
        counters_baseline ${T}
      );
      CREATE UNIQUE INDEX rollouts_open_flag ON rollouts (namespace, flag_key) WHERE status <> 'completed';

      CREATE TABLE rollout_windows (
        rollout_id ${T} NOT NULL REFERENCES rollouts (id),
        variant ${T} NOT NULL CHECK (variant IN ('v1', 'v2')),
        start BIGINT NOT NULL,
        seconds INTEGER NOT NULL,
        requests BIGINT NOT NULL,
        errors BIGINT NOT NULL,
        p50 DOUBLE PRECISION NOT NULL,
        p95 DOUBLE PRECISION NOT NULL,
        p99 DOUBLE PRECISION NOT NULL,
        avg DOUBLE PRECISION,
        memory DOUBLE PRECISION NOT NULL,
        cpu DOUBLE PRECISION NOT NULL,
        received_at ${T} NOT NULL,
        PRIMARY KEY (rollout_id, start, variant)
      );

      CREATE TABLE rollout_reports (
        id BIGSERIAL PRIMARY KEY,
        rollout_id ${T} NOT NULL REFERENCES rollouts (id),
        captured_at BIGINT NOT NULL,
        captured_at_text ${T} NOT NULL,
        received_at ${T} NOT NULL,
        body ${T} NOT NULL,
        UNIQUE (rollout_id, captured_at)
      );

      CREATE TABLE rollout_parity (
        id BIGSERIAL PRIMARY KEY,
        rollout_id ${T} NOT NULL REFERENCES rollouts (id),
        subject ${T} NOT NULL,
        compared_at ${T} NOT NULL,
        received_at ${T} NOT NULL,
        status ${T} NOT NULL,
        adapter ${T},
        reason ${T},
        event_count INTEGER NOT NULL,
        legacy_count INTEGER NOT NULL,
        missing_in_legacy INTEGER NOT NULL,
        missing_in_event INTEGER NOT NULL,
        only_v1 ${T} NOT NULL,
        only_v2 ${T} NOT NULL,
        outputs ${T},
        pattern ${T} NOT NULL,
        triage ${T},
        triage_note ${T},
        triage_by ${T},
        triage_at ${T},
        triage_via_pattern INTEGER NOT NULL DEFAULT 0,
        UNIQUE (rollout_id, subject, compared_at)
      );
      CREATE INDEX rollout_parity_rollout ON rollout_parity (rollout_id, id);
      CREATE INDEX rollout_parity_pattern ON rollout_parity (rollout_id, pattern, id);
      CREATE INDEX rollout_parity_outputs ON rollout_parity (rollout_id, id) WHERE outputs IS NOT NULL;

      CREATE TABLE rollout_patterns (
        rollout_id ${T} NOT NULL REFERENCES rollouts (id),
        pattern ${T} NOT NULL,
        status ${T} NOT NULL,
        count INTEGER NOT NULL,
        first_seen ${T} NOT NULL,
        last_seen ${T} NOT NULL,
        triage ${T},
        triage_note ${T},
        triage_by ${T},
        triage_at ${T},
        PRIMARY KEY (rollout_id, pattern)
      );

      -- One row per (rollout, breach), inserted in the transaction that acts on the breach: a second
      -- replica (or ingest, or timer tick) acting on the same breach hits this key and commits nothing.
      CREATE TABLE rollout_breaches (
        rollout_id ${T} NOT NULL REFERENCES rollouts (id),
        breach_id ${T} NOT NULL,
        rule_id ${T} NOT NULL,
        severity ${T} NOT NULL,
        outcome ${T} NOT NULL,
        started_at ${T} NOT NULL,
        fired_at ${T} NOT NULL,
        detected_at ${T} NOT NULL,
        sentence ${T} NOT NULL,
        numbers ${T} NOT NULL,
        event_id BIGINT REFERENCES events (id),
        CONSTRAINT rollout_breaches_once PRIMARY KEY (rollout_id, breach_id)
      );
    `,
  },
  {
    version: 3,
    name: 'insights: parity mismatches by time',
    sql: `
      CREATE INDEX rollout_parity_status_at ON rollout_parity (rollout_id, status, compared_at);
    `,
  },
  {
    // PostgreSQL only (the version numbers of the two engines' lists are their own).
    version: 4,
    name: 'events appended in commit order, announced with NOTIFY',
    sql: `
      -- The events lock is taken before the id is drawn and held until the transaction ends, so an
      -- event with a smaller id is always committed (or rolled back) before a larger one becomes
      -- visible; the NOTIFY is delivered when, and only if, the transaction commits.
      CREATE FUNCTION switchyard_append_event(p_at text, p_namespace text, p_actor text, p_action text, p_reason text,
          p_from_version integer, p_to_version integer, p_details text, p_rollout_id text)
        RETURNS SETOF events LANGUAGE plpgsql AS $fn$
      DECLARE
        appended events;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('switchyard'), ${LOCKS.events});
        INSERT INTO events (at, namespace, actor, action, reason, from_version, to_version, details, rollout_id)
          VALUES (p_at, p_namespace, p_actor, p_action, p_reason, p_from_version, p_to_version, p_details, p_rollout_id)
          RETURNING * INTO appended;
        PERFORM pg_notify('switchyard_events', appended.id::text);
        RETURN NEXT appended;
      END
      $fn$;
    `,
  },
];

/** Applies the migrations not yet recorded, one transaction each, under the migrations lock. */
export async function migrate(client: ClientBase, migrations: readonly Migration[] = pgMigrations): Promise<number[]> {
  await client.query(`SELECT pg_advisory_lock(${LOCK_CLASS}, ${LOCKS.migrations})`);
  try {
    await client.query(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const applied = new Set((await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version));
    const now: number[] = [];
    for (const m of migrations) {
      if (applied.has(m.version)) continue;
      await client.query('BEGIN');
      try {
        await client.query(m.sql);
        await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, new Date().toISOString()]);
        await client.query('COMMIT');
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      }
      now.push(m.version);
    }
    return now;
  } finally {
    await client.query(`SELECT pg_advisory_unlock(${LOCK_CLASS}, ${LOCKS.migrations})`);
  }
}
