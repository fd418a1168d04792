/**
 * A small Prometheus text exposition (format 0.0.4). Hand-written rather than prom-client: we
 * need four counters, two gauges and one histogram, and no default process collectors — not worth
 * a dependency and its start-up cost.
 */

type Labels = Record<string, string>;

const escapeLabel = (v: string) => v.replaceAll('\\', '\\\\').replaceAll('\n', '\\n').replaceAll('"', '\\"');
const labelText = (labels: Labels) => {
  const parts = Object.entries(labels).map(([k, v]) => `${k}="${escapeLabel(v)}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
};

abstract class Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly type: 'counter' | 'gauge' | 'histogram',
  ) {}
  abstract lines(): string[];
  render(): string {
    return [`# HELP ${this.name} ${this.help}`, `# TYPE ${this.name} ${this.type}`, ...this.lines()].join('\n');
  }
}

/** Label text by label object, for the constant label objects of hot paths (no escaping per request). */
const labelTexts = new WeakMap<Labels, string>();
const NO_LABELS: Labels = Object.freeze({});

export class Counter extends Metric {
  private readonly values = new Map<string, number>();
  constructor(name: string, help: string) {
    super(name, help, 'counter');
  }
  inc(labels: Labels = NO_LABELS, by = 1): void {
    let key = labelTexts.get(labels);
    if (key === undefined) {
      key = labelText(labels);
      // Only frozen objects are remembered: a caller's object could change after the call.
      if (Object.isFrozen(labels)) labelTexts.set(labels, key);
    }
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  lines(): string[] {
    return [...this.values].map(([k, v]) => `${this.name}${k} ${v}`);
  }
}

export class Gauge extends Metric {
  private readonly values = new Map<string, number>();
  constructor(name: string, help: string) {
    super(name, help, 'gauge');
  }
  add(labels: Labels, by: number): void {
    const key = labelText(labels);
    this.values.set(key, (this.values.get(key) ?? 0) + by);
  }
  lines(): string[] {
    return [...this.values].map(([k, v]) => `${this.name}${k} ${v}`);
  }
}

export class Histogram extends Metric {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;
  constructor(
    name: string,
    help: string,
    private readonly buckets: number[],
  ) {
    super(name, help, 'histogram');
    this.counts = buckets.map(() => 0);
  }
  observe(value: number): void {
    this.sum += value;
    this.count++;
    this.buckets.forEach((b, i) => {
      if (value <= b) this.counts[i] = (this.counts[i] ?? 0) + 1;
    });
  }
  lines(): string[] {
    return [
      ...this.buckets.map((b, i) => `${this.name}_bucket{le="${b}"} ${this.counts[i] ?? 0}`),
      `${this.name}_bucket{le="+Inf"} ${this.count}`,
      `${this.name}_sum ${this.sum}`,
      `${this.name}_count ${this.count}`,
    ];
  }
}

export class Metrics {
  readonly httpRequests = new Counter('switchyard_http_requests_total', 'HTTP requests by route, method and status');
  readonly snapshotPolls = new Counter('switchyard_snapshot_polls_total', 'Snapshot requests from apps by result (200 or 304)');
  readonly notModified = new Counter('switchyard_snapshot_not_modified_total', 'Snapshot polls answered 304 Not Modified');
  readonly sseClients = new Gauge('switchyard_sse_clients', 'Connected server-sent-event clients by stream');
  readonly dbWrites = new Histogram('switchyard_db_write_seconds', 'Duration of database write transactions', [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
  ]);
  /** Frozen label sets of httpRequests by "method status route" (routes are patterns, so the set stays small). */
  private readonly requestLabels = new Map<string, Labels>();

  /** Counts one answered request (every request runs this, app polls included: no per-call label text). */
  countRequest(route: string, method: string, status: number): void {
    const key = `${method} ${status} ${route}`;
    let labels = this.requestLabels.get(key);
    if (!labels) {
      labels = Object.freeze({ route, method, status: String(status) });
      this.requestLabels.set(key, labels);
    }
    this.httpRequests.inc(labels);
  }

  render(): string {
    const all = [this.httpRequests, this.snapshotPolls, this.notModified, this.sseClients, this.dbWrites];
    return all.map((m) => m.render()).join('\n') + '\n';
  }
}
