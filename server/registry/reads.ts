/** The registry's reads: each answer is built from one consistent read of the store. */
import type { z } from 'zod';
import type {
  DiffResponse,
  NamespaceDetail,
  NamespaceSummary,
  ValidateResponse,
  VersionDetail,
  VersionPage,
} from '@contract/schemas';
import { diffImmutableSnapshots, diffSnapshots } from '@core/diff';
import { shadowCheck } from '@core/evaluate';
import type { Clock } from '../clock';
import { ApiError, notFound } from '../errors';
import type { ChangeFeed } from '../live/change-feed';
import type { NamespaceStateWithContent, Store } from '../store/types';
import { snapshotHash } from './digest';
import { activeSnapshot, schemaOf } from './plans';
import type { ServedSnapshots } from './served';
import { storedSnapshot } from './stored-snapshot';
import { decodeSubmittedSnapshot, patchedSnapshot, pathOf, type SubmittedDocument } from './submitted';
import { diffDto, snapshotDto, toSummary, toVersionSummary } from './views';

export const RECENT_EVENTS = 20;
const DAY_MS = 86_400_000;

export interface RegistryDeps {
  store: Store;
  clock: Clock;
  served: ServedSnapshots;
  feed: ChangeFeed;
}

export class RegistryReads {
  constructor(protected readonly deps: RegistryDeps) {}

  rollbacksSince(): string {
    return new Date(this.deps.clock().getTime() - 7 * DAY_MS).toISOString();
  }

  // ---------- reads ----------

  async listNamespaces(): Promise<NamespaceSummary[]> {
    return (await this.deps.store.listNamespaces(this.rollbacksSince())).map(toSummary);
  }

  protected async state(ns: string): Promise<NamespaceStateWithContent> {
    const state = await this.deps.store.getNamespace(ns, this.rollbacksSince());
    if (!state) throw notFound(`namespace ${ns}`);
    return state;
  }

  async getNamespace(ns: string): Promise<NamespaceDetail> {
    const state = await this.state(ns);
    // Events are a second read; bound them by the state's last event so the page is one consistent picture.
    const lastId = state.lastChange?.id;
    const recentEvents =
      lastId === undefined ? [] : await this.deps.store.listEvents({ namespace: ns, before: lastId + 1, limit: RECENT_EVENTS });
    return {
      ...toSummary(state),
      features: state.namespace.features,
      snapshot: snapshotDto(activeSnapshot(state)),
      recentEvents,
    };
  }

  async listVersions(ns: string, page: { before?: number; limit: number }): Promise<VersionPage> {
    const result = await this.deps.store.listVersions(ns, page);
    if (!result) throw notFound(`namespace ${ns}`);
    const last = result.items.at(-1);
    return {
      items: result.items.map((v) => toVersionSummary(v, result.activeVersion)),
      total: result.total,
      nextBefore: last && last.version > 1 && result.items.length === page.limit ? last.version : null,
    };
  }

  protected async version(ns: string, v: number) {
    const found = await this.deps.store.getVersion(ns, v);
    if (!found) {
      const exists = await this.deps.store.getNamespace(ns, this.rollbacksSince());
      throw notFound(exists ? `version ${v} of namespace ${ns}` : `namespace ${ns}`);
    }
    return found;
  }

  async getVersion(ns: string, v: number): Promise<VersionDetail> {
    const { version, activeVersion } = await this.version(ns, v);
    return { ...toVersionSummary(version, activeVersion), snapshot: snapshotDto(storedSnapshot(ns, version.hash, version.content)) };
  }

  async diff(ns: string, from: number, to: number): Promise<z.infer<typeof DiffResponse>> {
    const [a, b] = [(await this.version(ns, from)).version, (await this.version(ns, to)).version];
    const diff = diffImmutableSnapshots(storedSnapshot(ns, a.hash, a.content), storedSnapshot(ns, b.hash, b.content));
    return { namespace: ns, from, to, diff: diffDto(diff) };
  }

  async validate(ns: string, input: { snapshot?: SubmittedDocument; patch?: SubmittedDocument }): Promise<ValidateResponse> {
    if ((input.snapshot === undefined) === (input.patch === undefined)) {
      throw new ApiError('BadRequest', 'send exactly one of "snapshot" or "patch"', input.snapshot === undefined ? '' : '/patch');
    }
    const state = await this.state(ns);
    const candidate =
      input.snapshot !== undefined ? decodeSubmittedSnapshot(input.snapshot, state) : patchedSnapshot(input.patch ?? {}, state);
    if (!candidate.ok) {
      return {
        valid: false,
        activeVersion: state.namespace.activeVersion,
        error: { code: candidate.error.kind, message: candidate.error.message, ...pathOf(candidate.error) },
      };
    }
    const current = activeSnapshot(state);
    return {
      valid: true,
      activeVersion: state.namespace.activeVersion,
      hash: snapshotHash(candidate.value),
      flagCount: candidate.value.flags.length,
      diff: diffDto(diffSnapshots(current, candidate.value)),
      shadow: shadowCheck(current, candidate.value, schemaOf(state)),
    };
  }
}
