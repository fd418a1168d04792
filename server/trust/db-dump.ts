/**
 * Every row of every table of the database (found in sqlite_master, so tables added later are
 * covered too), read through a separate read-only connection: "nothing changed" means equal.
 * Only tokens.last_used_at is left out: usage bookkeeping that any authenticated request touches.
 */
import Database from 'better-sqlite3';
import type { Harness } from '../test/harness';

export function dumpAllTables(h: Harness): Record<string, unknown[]> {
  const db = new Database(h.dbPath, { readonly: true });
  try {
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map(
      (t) => t.name,
    );
    // Sorted in JS: some tables are WITHOUT ROWID.
    const rows = (t: string) =>
      (db.prepare(`SELECT * FROM "${t}"`).all() as Record<string, unknown>[])
        .map(({ last_used_at: _u, ...r }) => JSON.stringify(r))
        .sort();
    return Object.fromEntries(tables.map((t) => [t, rows(t)]));
  } finally {
    db.close();
  }
}
