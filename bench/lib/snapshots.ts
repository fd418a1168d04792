/**
 * Generated Konditional snapshots for the data sets: a mix of flag types and rules, as a raw
 * document (what a CI job would POST) and as stored rows (decoded, serialised, hashed) built
 * incrementally, so 10,000 versions of 2,000 flags cost milliseconds each, not a full re-encode.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, serializeSnapshot, snapshotHash } from '@core/canonical';
import { decodeUndeclaredSnapshot, featuresFromSnapshot } from '@core/decode';
import type { DeclaredFeature, Flag, Snapshot } from '@core/model';

const PLATFORMS = ['IOS', 'ANDROID', 'WEB'];
const LOCALES = ['UNITED_STATES', 'FRANCE', 'GERMANY'];

/** The i-th flag of a namespace as Konditional JSON; `variant` changes its value (and nothing else). */
export function rawFlag(ns: string, i: number, variant = 0, lean = false): Record<string, unknown> {
  const key = `feature::${ns}::flag${String(i).padStart(4, '0')}`;
  // Lean: three flags in four are plain booleans (no rules), as in most app configs.
  const kind = lean ? (i % 4 === 3 ? 1 + ((i >> 2) % 3) : 0) : i % 4;
  const rule = (value: unknown, extra: Record<string, unknown>) => ({
    value,
    type: 'STATIC',
    rampUp: 100,
    rampUpAllowlist: [],
    locales: [],
    platforms: [],
    versionRange: { type: 'UNBOUNDED' },
    axes: {},
    ...extra,
  });
  if (kind === 0) {
    return { key, defaultValue: { type: 'BOOLEAN', value: (i + variant) % 2 === 0 }, salt: 'v1', isActive: true, rampUpAllowlist: [], rules: [] };
  }
  if (kind === 1) {
    return {
      key,
      defaultValue: { type: 'BOOLEAN', value: false },
      salt: 'v1',
      isActive: true,
      rampUpAllowlist: [],
      rules: [rule({ type: 'BOOLEAN', value: true }, { rampUp: (10 + i + variant * 7) % 100, platforms: [PLATFORMS[i % 3]] })],
    };
  }
  if (kind === 2) {
    return {
      key,
      defaultValue: { type: 'STRING', value: `copy-${variant}` },
      salt: 'v1',
      isActive: i % 10 !== 2,
      rampUpAllowlist: [],
      rules: [rule({ type: 'STRING', value: `localised-${i}-${variant}` }, { locales: [LOCALES[i % 3]] })],
    };
  }
  return {
    key,
    defaultValue: { type: 'INT', value: 100 + ((i * 7 + variant) % 500) },
    salt: 'v1',
    isActive: true,
    rampUpAllowlist: [],
    rules: [
      rule({ type: 'INT', value: 1000 + variant }, { versionRange: { type: 'MIN_BOUND', min: { major: 2, minor: i % 10, patch: 0 } } }),
    ],
  };
}

export function rawSnapshot(ns: string, flags: number, variant = 0, label = 'bench', lean = false): Record<string, unknown> {
  return {
    meta: { version: label, source: 'bench' },
    flags: Array.from({ length: flags }, (_, i) => rawFlag(ns, i, variant, lean)),
  };
}

function decode(ns: string, raw: unknown): Snapshot {
  const r = decodeUndeclaredSnapshot(raw, ns);
  if (!r.ok) throw new Error(`generated snapshot does not decode: ${r.error.message} at ${r.error.path ?? ''}`);
  return r.value;
}

export interface StoredContent {
  content: string;
  hash: string;
  meta: Record<string, unknown>;
  flagCount: number;
}

/**
 * A namespace's snapshot that changes a few flags at a time. `content` and `hash` equal
 * serializeSnapshot() and snapshotHash() of the decoded snapshot (checked on the first versions),
 * but are assembled from per-flag strings kept between versions.
 */
export class EvolvingSnapshot {
  readonly features: DeclaredFeature[];
  private readonly flags: Flag[];
  private readonly served: string[];
  private readonly canonical: string[];
  private checks = 3;

  constructor(
    readonly ns: string,
    count: number,
    private readonly lean = false,
  ) {
    const base = decode(ns, rawSnapshot(ns, count, 0, 'bench', lean));
    this.features = featuresFromSnapshot(base);
    this.flags = base.flags;
    this.served = this.flags.map((f) => JSON.stringify(f));
    this.canonical = this.flags.map((f) => canonicalJson(f));
  }

  get size(): number {
    return this.flags.length;
  }

  /** The first `n` flags only (a namespace's smaller past); `restore()` brings the rest back. */
  private hidden: { flags: Flag[]; served: string[]; canonical: string[] } | null = null;

  truncate(n: number): void {
    this.hidden = { flags: this.flags.splice(n), served: this.served.splice(n), canonical: this.canonical.splice(n) };
  }

  restore(): void {
    if (!this.hidden) return;
    this.flags.push(...this.hidden.flags);
    this.served.push(...this.hidden.served);
    this.canonical.push(...this.hidden.canonical);
    this.hidden = null;
  }

  /** Gives flag `i` the value of `variant`. */
  set(i: number, variant: number): void {
    const flag = decode(this.ns, { flags: [rawFlag(this.ns, i, variant, this.lean)] }).flags[0];
    if (!flag) throw new Error('no flag decoded');
    this.flags[i] = flag;
    this.served[i] = JSON.stringify(flag);
    this.canonical[i] = canonicalJson(flag);
  }

  current(label: string): StoredContent {
    const meta = { version: label, source: 'bench' };
    const content = `{"meta":${JSON.stringify(meta)},"flags":[${this.served.join(',')}]}`;
    const canonical = `{"flags":[${this.canonical.join(',')}],"meta":${canonicalJson(meta)}}`;
    const hash = createHash('sha256').update(canonical).digest('hex');
    if (this.checks > 0) {
      this.checks--;
      const snapshot: Snapshot = { meta, flags: this.flags };
      if (serializeSnapshot(snapshot) !== content || snapshotHash(snapshot) !== hash) {
        throw new Error('the incremental snapshot encoding differs from core/canonical; fix bench/lib/snapshots.ts');
      }
    }
    return { content, hash, meta, flagCount: this.flags.length };
  }
}
