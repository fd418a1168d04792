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
];
