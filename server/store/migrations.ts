/** Schema migrations of the SQLite engine, applied in order and recorded in schema_migrations. */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'registry, audit log, idempotency, tokens, sessions',
    sql: `
      CREATE TABLE namespaces (
        name TEXT PRIMARY KEY,
        description TEXT,
        created_at TEXT NOT NULL,
        features TEXT NOT NULL,
        active_version INTEGER NOT NULL,
        latest_version INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        kill_switch INTEGER NOT NULL DEFAULT 0 CHECK (kill_switch IN (0, 1)),
        kill_switch_changed_at TEXT,
        kill_switch_changed_by TEXT,
        kill_switch_reason TEXT
      );

      CREATE TABLE events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        namespace TEXT,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        reason TEXT NOT NULL,
        from_version INTEGER,
        to_version INTEGER,
        details TEXT NOT NULL
      );
      CREATE INDEX events_namespace ON events (namespace, id);
      CREATE INDEX events_actor ON events (actor, id);
      CREATE INDEX events_action ON events (action, id);
      CREATE INDEX events_at ON events (at);
      CREATE INDEX events_namespace_action_at ON events (namespace, action, at);
      CREATE INDEX events_namespace_to_version ON events (namespace, to_version, id);

      CREATE TABLE versions (
        namespace TEXT NOT NULL REFERENCES namespaces (name),
        version INTEGER NOT NULL CHECK (version >= 1),
        kind TEXT NOT NULL CHECK (kind IN ('create', 'load', 'patch', 'restore', 'rollout_step')),
        author TEXT NOT NULL,
        reason TEXT NOT NULL,
        created_at TEXT NOT NULL,
        content TEXT NOT NULL,
        hash TEXT NOT NULL,
        meta TEXT,
        flag_count INTEGER NOT NULL,
        parent_version INTEGER,
        source_version INTEGER,
        discarded_event_id INTEGER REFERENCES events (id),
        PRIMARY KEY (namespace, version)
      );

      CREATE TABLE idempotency (
        token_id TEXT NOT NULL,
        key TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        status INTEGER NOT NULL,
        body TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (token_id, key)
      );
      CREATE INDEX idempotency_created_at ON idempotency (created_at);

      CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin', 'reporter')),
        secret_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        last_used_at TEXT,
        expires_at TEXT,
        revoked_at TEXT
      );

      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        token_id TEXT NOT NULL REFERENCES tokens (id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_expires_at ON sessions (expires_at);

      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'rollouts: rows, metric windows, cumulative reports, parity reports and patterns, guard breaches',
    sql: `
      ALTER TABLE events ADD COLUMN rollout_id TEXT;
      CREATE INDEX events_rollout ON events (rollout_id, id) WHERE rollout_id IS NOT NULL;

      CREATE TABLE rollouts (
        id TEXT PRIMARY KEY,
        namespace TEXT NOT NULL REFERENCES namespaces (name),
        flag_key TEXT NOT NULL,
        policy_key TEXT NOT NULL,
        flag_type TEXT NOT NULL CHECK (flag_type IN ('BOOLEAN', 'ENUM')),
        v1_value TEXT NOT NULL,
        v2_value TEXT NOT NULL,
        description TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        revision INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'rolled_back', 'completed')),
        paused_reason TEXT,
        steps TEXT NOT NULL,
        guards TEXT NOT NULL,
        gate TEXT NOT NULL,
        stage_started_at TEXT NOT NULL,
        observed TEXT NOT NULL,
        counters_reset_at TEXT,
        counters_baseline TEXT
      );
      CREATE UNIQUE INDEX rollouts_open_flag ON rollouts (namespace, flag_key) WHERE status <> 'completed';

      CREATE TABLE rollout_windows (
        rollout_id TEXT NOT NULL REFERENCES rollouts (id),
        variant TEXT NOT NULL CHECK (variant IN ('v1', 'v2')),
        start INTEGER NOT NULL,
        seconds INTEGER NOT NULL,
        requests INTEGER NOT NULL,
        errors INTEGER NOT NULL,
        p50 REAL NOT NULL,
        p95 REAL NOT NULL,
        p99 REAL NOT NULL,
        avg REAL,
        memory REAL NOT NULL,
        cpu REAL NOT NULL,
        received_at TEXT NOT NULL,
        PRIMARY KEY (rollout_id, start, variant)
      ) WITHOUT ROWID;

      CREATE TABLE rollout_reports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        rollout_id TEXT NOT NULL REFERENCES rollouts (id),
        captured_at INTEGER NOT NULL,
        captured_at_text TEXT NOT NULL,
        received_at TEXT NOT NULL,
        body TEXT NOT NULL,
        UNIQUE (rollout_id, captured_at)
      );

      CREATE TABLE rollout_parity (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        rollout_id TEXT NOT NULL REFERENCES rollouts (id),
        subject TEXT NOT NULL,
        compared_at TEXT NOT NULL,
        received_at TEXT NOT NULL,
        status TEXT NOT NULL,
        adapter TEXT,
        reason TEXT,
        event_count INTEGER NOT NULL,
        legacy_count INTEGER NOT NULL,
        missing_in_legacy INTEGER NOT NULL,
        missing_in_event INTEGER NOT NULL,
        only_v1 TEXT NOT NULL,
        only_v2 TEXT NOT NULL,
        outputs TEXT,
        pattern TEXT NOT NULL,
        triage TEXT,
        triage_note TEXT,
        triage_by TEXT,
        triage_at TEXT,
        triage_via_pattern INTEGER NOT NULL DEFAULT 0,
        UNIQUE (rollout_id, subject, compared_at)
      );
      CREATE INDEX rollout_parity_rollout ON rollout_parity (rollout_id, id);
      CREATE INDEX rollout_parity_pattern ON rollout_parity (rollout_id, pattern, id);
      CREATE INDEX rollout_parity_outputs ON rollout_parity (rollout_id, id) WHERE outputs IS NOT NULL;

      CREATE TABLE rollout_patterns (
        rollout_id TEXT NOT NULL REFERENCES rollouts (id),
        pattern TEXT NOT NULL,
        status TEXT NOT NULL,
        count INTEGER NOT NULL,
        first_seen TEXT NOT NULL,
        last_seen TEXT NOT NULL,
        triage TEXT,
        triage_note TEXT,
        triage_by TEXT,
        triage_at TEXT,
        PRIMARY KEY (rollout_id, pattern)
      );

      CREATE TABLE rollout_breaches (
        rollout_id TEXT NOT NULL REFERENCES rollouts (id),
        breach_id TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        severity TEXT NOT NULL,
        outcome TEXT NOT NULL,
        started_at TEXT NOT NULL,
        fired_at TEXT NOT NULL,
        detected_at TEXT NOT NULL,
        sentence TEXT NOT NULL,
        numbers TEXT NOT NULL,
        event_id INTEGER REFERENCES events (id),
        PRIMARY KEY (rollout_id, breach_id)
      );
    `,
  },
];
