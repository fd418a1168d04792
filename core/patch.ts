import { decodeSnapshot } from './decode';
import type { Flag, NamespaceSchema, Patch, Result, Snapshot } from './model';

/**
 * Konditional's patch semantics: drop `removeKeys`, upsert `flags` by key (replaced in place,
 * new ones appended in patch order), take the patch's meta when it has one, then validate the
 * whole result against the schema. A key both removed and upserted ends up present (upserted).
 */
export function applyPatch(current: Snapshot, patch: Patch, schema: NamespaceSchema): Result<Snapshot> {
  const removed = new Set(patch.removeKeys);
  const flags: Flag[] = current.flags.filter((f) => !removed.has(f.key));
  const index = new Map(flags.map((f, i) => [f.key, i]));
  for (const flag of patch.flags) {
    const i = index.get(flag.key);
    if (i === undefined) {
      index.set(flag.key, flags.length);
      flags.push(flag);
    } else {
      flags[i] = flag;
    }
  }
  const meta = patch.meta ?? current.meta;
  return decodeSnapshot(meta === undefined ? { flags } : { meta, flags }, schema);
}
