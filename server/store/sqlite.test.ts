/** What only the SQLite engine has to prove (the shared semantics are in store.contract.test.ts). */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
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

  it('a checkpointer thread, not the writer, copies the log into the database file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-store-'));
    const store = new SqliteStore(join(dir, 's.db'));
    // 300 commits of ~10 kB: past SQLite's default of 1,000 log pages, where the writer would checkpoint itself.
    for (let i = 0; i < 300; i++) await store.setMeta(`k${i}`, 'x'.repeat(10_000));
    const done = await store.checkpoint();
    expect(done?.busy).toBe(0);
    expect(done?.checkpointed).toBe(done?.log);
    const copy = mkdtempSync(join(tmpdir(), 'switchyard-store-'));
    copyFileSync(join(dir, 's.db'), join(copy, 's.db'));
    // The database file alone (no log) holds every commit once checkpointed.
    const db = new Database(join(copy, 's.db'), { readonly: true });
    expect((db.prepare("SELECT count(*) AS n FROM meta WHERE key LIKE 'k%'").get() as { n: number }).n).toBe(300);
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(copy, { recursive: true, force: true });
  });
});
