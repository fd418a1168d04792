/**
 * The data sets the figures need. Big registries are written straight into a SQLite file the
 * store created (its migrations, its tables, rows exactly as the store writes them: one version
 * row and one audit event per change), which is minutes faster than 100,000 API calls; they are
 * cached between runs in the temp directory (the generator's version is in the file name).
 * Rollout traffic goes through the real ingest API.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../server/store/sqlite';
import { EvolvingSnapshot } from './snapshots';

/** Bump when the generated content changes, so cached files are rebuilt. */
const GENERATOR_VERSION = 2;
export const CACHE_DIR = join(tmpdir(), 'switchyard-bench-cache');

export interface NamespaceSpec {
  name: string;
  flags: number;
  versions: number;
  /** Make the last version change every flag (a diff of `flags` flags between the last two). */
  lastChangesAll?: boolean;
  /**
   * The namespace's smaller past: versions before `fromVersion` hold only the first `flags` flags
   * (the rest were added at `fromVersion`). Keeps a 10,000-version file at hundreds of MB, not GB.
   */
  grewFrom?: { flags: number; fromVersion: number };
  /** Mostly plain boolean flags (bench/lib/snapshots.ts rawFlag `lean`). */
  lean?: boolean;
}

const MIN = 60_000;

/** Writes the namespaces into a fresh store file at `path`. */
export async function writeRegistry(path: string, specs: NamespaceSpec[], onProgress?: (done: number, total: number) => void): Promise<void> {
  // The store creates the file and applies its migrations; then bulk rows go in one transaction per namespace.
  await new SqliteStore(path).close();
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const insertNs = db.prepare(
    `INSERT INTO namespaces (name, description, created_at, features, active_version, latest_version, revision)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertVersion = db.prepare(
    `INSERT INTO versions (namespace, version, kind, author, reason, created_at, content, hash, meta, flag_count, parent_version, source_version)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO events (at, namespace, actor, action, reason, from_version, to_version, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const total = specs.reduce((n, s) => n + s.versions, 0);
  let done = 0;
  const now = Date.now();
  for (const spec of specs) {
    const snap = new EvolvingSnapshot(spec.name, spec.flags, spec.lean ?? false);
    const grew = spec.grewFrom;
    if (grew) snap.truncate(grew.flags);
    // Versions spread over the last 60 days, one every few minutes, the newest an hour ago.
    const step = Math.max(1, Math.floor((60 * 24 * 60) / spec.versions)) * MIN;
    const at = (v: number) => new Date(now - 60 * MIN - (spec.versions - v) * step).toISOString();
    db.transaction(() => {
      insertNs.run(spec.name, `bench: ${spec.flags} flags, ${spec.versions} versions`, at(1), JSON.stringify(snap.features), spec.versions, spec.versions, spec.versions);
      for (let v = 1; v <= spec.versions; v++) {
        let changed = 0;
        let added = 0;
        if (grew && v === grew.fromVersion) {
          snap.restore();
          added = spec.flags - grew.flags;
        } else if (v > 1) {
          if (spec.lastChangesAll && v === spec.versions) {
            for (let i = 0; i < snap.size; i++) snap.set(i, v);
            changed = snap.size;
          } else {
            snap.set((v * 7) % snap.size, v);
            changed = 1;
          }
        }
        const c = snap.current(`v${v}`);
        const author = v % 5 === 0 ? 'release-bot' : `engineer-${v % 7}`;
        const reason = v === 1 ? 'bench: create' : `bench: change ${v}`;
        insertVersion.run(spec.name, v, v === 1 ? 'create' : 'load', author, reason, at(v), c.content, c.hash, JSON.stringify(c.meta), c.flagCount, v === 1 ? null : v - 1);
        const details =
          v === 1
            ? { features: snap.features.length, adopted: true, flagCount: c.flagCount, hash: c.hash }
            : {
                diffSummary: `${changed + added} ${changed + added === 1 ? 'flag changes' : 'flags change'} (${added} added, 0 removed, ${changed} changed)`,
                added,
                removed: 0,
                changed,
                hash: c.hash,
              };
        insertEvent.run(at(v), spec.name, author, v === 1 ? 'namespace.create' : 'snapshot.load', reason, v === 1 ? null : v - 1, v, JSON.stringify(details));
        done++;
        if (onProgress && done % 5000 === 0) onProgress(done, total);
      }
    })();
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}

/**
 * A cached registry file: built once per generator version and kept in the temp directory
 * (the server opens it in place; what it adds, a token row or a session, does not change the figures).
 */
export async function cachedRegistry(key: string, specs: NamespaceSpec[], log: (line: string) => void): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const path = join(CACHE_DIR, `${key}-g${GENERATOR_VERSION}.db`);
  const done = `${path}.done`;
  if (existsSync(path) && existsSync(done)) return path;
  const tmp = `${path}.building`;
  for (const f of [tmp, `${tmp}-wal`, `${tmp}-shm`, path, `${path}-wal`, `${path}-shm`, done]) rmSync(f, { force: true });
  const started = performance.now();
  const total = specs.reduce((n, s) => n + s.versions, 0);
  log(`  generating ${key}: ${specs.length} namespace(s), ${total.toLocaleString('en')} versions (cached in ${CACHE_DIR} for later runs)…`);
  await writeRegistry(tmp, specs, (n, t) => {
    if (n % 20_000 === 0) log(`    ${n.toLocaleString('en')} / ${t.toLocaleString('en')} versions`);
  });
  renameSync(tmp, path);
  writeFileSync(done, new Date().toISOString());
  log(`  generated ${key} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return path;
}
