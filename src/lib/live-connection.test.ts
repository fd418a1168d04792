import { describe, expect, it } from 'vitest';
import type { ChangeEvent } from '@contract/schemas';
import { defaultBackoff, LiveConnection, type EventSourceLike } from './live-connection';

class FakeSource implements EventSourceLike {
  onopen: EventSourceLike['onopen'] = null;
  onerror: EventSourceLike['onerror'] = null;
  closed = false;
  private listeners: ((event: MessageEvent<string>) => void)[] = [];
  constructor(readonly url: string) {}
  addEventListener(_type: 'change', listener: (event: MessageEvent<string>) => void) {
    this.listeners.push(listener);
  }
  close() {
    this.closed = true;
  }
  open() {
    this.onopen?.(new Event('open'));
  }
  fail() {
    this.onerror?.(new Event('error'));
  }
  emit(data: unknown, id: string) {
    for (const l of this.listeners) l(new MessageEvent('change', { data: JSON.stringify(data), lastEventId: id }));
  }
}

function setup() {
  const sources: FakeSource[] = [];
  const log: string[] = [];
  const changes: ChangeEvent[] = [];
  const timers = new Map<number, { fn: () => void; ms: number }>();
  let seq = 0;
  const live = new LiveConnection({
    url: '/api/v1/stream',
    createSource: (url) => {
      const s = new FakeSource(url);
      sources.push(s);
      return s;
    },
    onOpen: (reconnected) => log.push(reconnected ? 'reopened' : 'opened'),
    onChange: (e) => changes.push(e),
    onFailure: (n) => log.push(`failed ${n}`),
    setTimer: (fn, ms) => {
      seq += 1;
      timers.set(seq, { fn, ms });
      return seq;
    },
    clearTimer: (id) => timers.delete(id),
    openTimeoutMs: 10_000,
  });
  const last = () => sources.at(-1) as FakeSource;
  /** The pending reconnect (not the open timeout), fired as if its time had come. */
  const backoff = () => [...timers.entries()].find(([, t]) => t.ms !== 10_000);
  const fireTimer = () => {
    const entry = backoff();
    if (!entry) return;
    timers.delete(entry[0]);
    entry[1].fn();
  };
  const fireOpenTimeout = () => {
    const entry = [...timers.entries()].find(([, t]) => t.ms === 10_000);
    if (entry) {
      timers.delete(entry[0]);
      entry[1].fn();
    }
  };
  return { live, sources, log, changes, timers, last, fireTimer, fireOpenTimeout, backoff };
}

const change = (eventId: number): ChangeEvent => ({ namespace: 'payments', eventId, action: 'snapshot.rollback', activeVersion: 3, at: '2026-11-21T00:00:00.000Z' });

describe('LiveConnection', () => {
  it('delivers parsed change events and ignores what does not match the contract', () => {
    const { live, last, changes, log } = setup();
    live.start();
    last().open();
    last().emit(change(7), '7');
    last().emit({ nonsense: true }, '8');
    expect(changes).toEqual([change(7)]);
    expect(log).toEqual(['opened']);
  });

  it('reconnects with backoff after a failure and resumes after the last event it saw', () => {
    const { live, last, sources, log, backoff, fireTimer } = setup();
    live.start();
    last().open();
    last().emit(change(41), '41');
    last().fail();
    expect(sources[0]?.closed).toBe(true);
    expect(log).toEqual(['opened', 'failed 1']);
    expect(backoff()?.[1].ms).toBe(1000);
    fireTimer();
    expect(last().url).toBe('/api/v1/stream?lastEventId=41');
    last().fail();
    expect(backoff()?.[1].ms).toBe(2000);
    fireTimer();
    last().open();
    expect(log).toEqual(['opened', 'failed 1', 'failed 2', 'reopened']);
  });

  it('pauses and resumes without piling up connections', () => {
    const { live, last, sources, fireTimer } = setup();
    live.start();
    live.start();
    expect(sources).toHaveLength(1);
    live.stop();
    expect(last().closed).toBe(true);
    live.start();
    expect(sources).toHaveLength(2);
    last().fail();
    live.retryNow();
    expect(sources).toHaveLength(3);
    fireTimer();
    expect(sources).toHaveLength(3);
  });

  it('counts a stream that never opens (a buffering proxy) as broken, and one that opened as fine', () => {
    const { live, last, log, fireOpenTimeout, timers } = setup();
    live.start();
    fireOpenTimeout();
    expect(last().closed).toBe(true);
    expect(log).toEqual(['failed 1']);
    live.retryNow();
    last().open();
    expect([...timers.values()].some((t) => t.ms === 10_000)).toBe(false);
  });

  it('backs off up to 30 s', () => {
    expect([1, 2, 3, 6, 50].map(defaultBackoff)).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });
});
