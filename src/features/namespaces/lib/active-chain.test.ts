import { describe, expect, it } from 'vitest';
import { insufficientHistoryText, walkChain } from './active-chain';

// v5 was written while v3 was live (v4 was rolled back), so the chain of v5 is 5 -> 3 -> 2 -> 1.
const parents = new Map<number, number | null>([
  [5, 3],
  [4, 3],
  [3, 2],
  [2, 1],
  [1, null],
]);

describe('walkChain', () => {
  it('follows parent pointers, skipping versions discarded by a rollback', () => {
    expect(walkChain(parents, 5, 1)).toEqual({ status: 'ok', target: 3, path: [5, 3] });
    expect(walkChain(parents, 5, 3)).toEqual({ status: 'ok', target: 1, path: [5, 3, 2, 1] });
  });

  it('says how many steps are possible when the chain is too short', () => {
    expect(walkChain(parents, 5, 4)).toEqual({ status: 'short', available: 3 });
    expect(walkChain(parents, 1, 1)).toEqual({ status: 'short', available: 0 });
  });

  it('asks for the next page when a parent is not loaded yet', () => {
    expect(walkChain(new Map([[9, 8]]), 9, 2)).toEqual({ status: 'need', version: 8 });
  });
});

describe('insufficientHistoryText', () => {
  it('explains the refusal with the number of steps that would work', () => {
    expect(insufficientHistoryText('payments', 2)).toBe('payments has only 2 earlier versions on its active chain; roll back at most 2 steps.');
    expect(insufficientHistoryText('payments', 1)).toBe('payments has only 1 earlier version on its active chain; roll back at most 1 step.');
    expect(insufficientHistoryText('payments', 0)).toMatch(/no earlier version.*Restore a version instead/);
  });
});
