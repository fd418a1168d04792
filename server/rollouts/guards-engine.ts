/**
 * The guards engine: evaluates a rollout's guard rules (core/rollout/guards.ts) over the metric
 * windows received since its current stage began, right after windows arrive and on a timer
 * (which also catches windows that arrived early, rule changes, and data written by another
 * replica). Each breach is acted on at most once (see RolloutService.onBreach): a critical
 * rollback rule rolls back, a warning pause rule pauses, anything else is noted for the timeline.
 *
 * Breaches that ended more than `lateMs` before now (old evidence arriving late, e.g. a reporter
 * backfilling) are noted, not acted on: a rollback for a problem that is over would be a surprise.
 */
import { evaluateGuards, type GuardBreach, type GuardRule } from '@core/rollout/guards';
import { MINUTE_MS } from '@core/rollout/window-math';
import type { Clock } from '../clock';
import type { BreachOutcome, RolloutStore } from '../store/rollout-types';
import type { RolloutService } from './service';

export interface GuardOutcome {
  breachId: string;
  ruleId: string;
  outcome: BreachOutcome;
  eventId: number | null;
}

export interface GuardsEngineOptions {
  intervalMs?: number;
  lateMs?: number;
  onError?: (e: unknown, rolloutId: string) => void;
}

const SEVERITY: Record<GuardRule['severity'], number> = { critical: 0, warning: 1 };

export class GuardsEngine {
  private timer: NodeJS.Timeout | null = null;
  /** One evaluation at a time per rollout in this process (the breach rows make it safe anyway). */
  private readonly running = new Map<string, Promise<GuardOutcome[]>>();
  private readonly lateMs: number;

  constructor(
    private readonly service: RolloutService,
    private readonly store: RolloutStore,
    private readonly clock: Clock,
    private readonly options: GuardsEngineOptions = {},
  ) {
    this.lateMs = options.lateMs ?? 15 * MINUTE_MS;
  }

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => {
      this.tick().catch(() => {});
    }, this.options.intervalMs ?? 15_000);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Every rollout, once (what the timer runs). */
  async tick(): Promise<GuardOutcome[]> {
    const out: GuardOutcome[] = [];
    for (const id of await this.store.listRolloutIds()) {
      try {
        out.push(...(await this.evaluate(id)));
      } catch (e) {
        this.options.onError?.(e, id);
      }
    }
    return out;
  }

  evaluate(id: string): Promise<GuardOutcome[]> {
    const previous = this.running.get(id) ?? Promise.resolve([]);
    const next = previous.catch(() => []).then(() => this.run(id));
    this.running.set(id, next);
    const cleanup = () => {
      if (this.running.get(id) === next) this.running.delete(id);
    };
    next.then(cleanup, cleanup);
    return next;
  }

  private async run(id: string): Promise<GuardOutcome[]> {
    const b = await this.service.bundle(id);
    if (b.rollout.status === 'completed' || b.rollout.guards.length === 0) return [];
    const now = this.clock().getTime();
    const recorded = new Set(b.breaches.map((x) => x.breachId));
    const fresh: { rule: GuardRule; breach: GuardBreach }[] = [];
    // A run reaching back to the lookback edge (not the stage start) began earlier: it was judged then.
    const cut = b.windowsFrom > Date.parse(b.rollout.stageStartedAt) ? Math.floor(b.windowsFrom / MINUTE_MS) * MINUTE_MS + MINUTE_MS : -Infinity;
    for (const status of evaluateGuards(b.stageWindows, b.rollout.guards, now)) {
      for (const breach of status.breaches) if (!recorded.has(breach.breachId) && breach.startedAt > cut) fresh.push({ rule: status.rule, breach });
    }
    // Oldest first; within a minute the critical rule first (a rollback outranks a pause).
    fresh.sort((x, y) => x.breach.firedAt - y.breach.firedAt || SEVERITY[x.rule.severity] - SEVERITY[y.rule.severity]);
    const outcomes: GuardOutcome[] = [];
    for (const { rule, breach } of fresh) {
      const stale = !breach.ongoing && now - (breach.lastAt + MINUTE_MS) > this.lateMs;
      const acted = await this.service.onBreach(id, stale ? { ...rule, action: 'none' } : rule, breach);
      if (acted) outcomes.push({ breachId: breach.breachId, ruleId: rule.id, outcome: acted.outcome, eventId: acted.eventId });
    }
    return outcomes;
  }
}
