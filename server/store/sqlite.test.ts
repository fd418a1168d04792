/** What only the SQLite engine has to prove (the shared semantics are in store.contract.test.ts). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrations } from './migrations';
import { SqliteStore } from './sqlite';

describe('SQLite engine specifics', () => {
  it('runs in WAL mode with synchronous=FULL and records migrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-store-'));
    const store = new SqliteStore(join(dir, 's.db'));
    await store.close();
    const db = new Database(join(dir, 's.db'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version)).toEqual(migrations.map((m) => m.version));
    db.close();
    const reopened = new SqliteStore(join(dir, 's.db'));
    await reopened.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
