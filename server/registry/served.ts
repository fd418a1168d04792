/**
 * What apps are served: per namespace, the exact bytes and their ETag, computed once per change.
 * An entry is replaced only by a newer revision, so a slow read that started before a commit can
 * never put an older snapshot back; body and ETag always come from the same version.
 */
import { createHash } from 'node:crypto';
import { killSwitchSnapshot } from '@core/diff';
import { serializeSnapshot } from '@core/canonical';
import type { NamespaceStateWithContent, Store } from '../store/types';
import { storedSnapshot } from './stored-snapshot';

export interface ServedEntry {
  namespace: string;
  version: number;
  revision: number;
  killSwitch: boolean;
  body: Buffer;
  /** Strong ETag, quoted: "<version>-<first 16 hex of sha256(body)>". */
  etag: string;
}

export function servedEntry(state: NamespaceStateWithContent): ServedEntry {
  const ns = state.namespace;
  const text = ns.killSwitch.enabled
    ? serializeSnapshot(killSwitchSnapshot(storedSnapshot(ns.name, state.active.hash, state.active.content)))
    : state.active.content;
  const body = Buffer.from(text, 'utf8');
  const digest = createHash('sha256').update(body).digest('hex').slice(0, 16);
  return {
    namespace: ns.name,
    version: ns.activeVersion,
    revision: ns.revision,
    killSwitch: ns.killSwitch.enabled,
    body,
    etag: `"${ns.activeVersion}-${digest}"`,
  };
}

export class ServedSnapshots {
  private readonly entries = new Map<string, ServedEntry>();

  constructor(
    private readonly store: Store,
    private readonly since: () => string,
  ) {}

  peek(namespace: string): ServedEntry | undefined {
    return this.entries.get(namespace);
  }

  async get(namespace: string): Promise<ServedEntry | null> {
    const hit = this.entries.get(namespace);
    if (hit) return hit;
    const state = await this.store.getNamespace(namespace, this.since());
    return state ? this.offer(state) : null;
  }

  /** Keeps the entry of the newest revision seen; returns the entry now current. */
  offer(state: NamespaceStateWithContent): ServedEntry {
    const current = this.entries.get(state.namespace.name);
    if (current && current.revision >= state.namespace.revision) return current;
    const entry =
      current && current.version === state.namespace.activeVersion && current.killSwitch === state.namespace.killSwitch.enabled
        ? { ...current, revision: state.namespace.revision }
        : servedEntry(state);
    this.entries.set(state.namespace.name, entry);
    return entry;
  }
}
