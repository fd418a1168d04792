import { describe, expect, it } from 'vitest';
import { rolloutGateReason } from './action-gate';

describe('rolloutGateReason', () => {
  it('lets operators and admins act', () => {
    expect(rolloutGateReason('promote', 'operator', 'live')).toBeNull();
    expect(rolloutGateReason('rollback', 'admin', 'polling')).toBeNull();
  });

  it('tells a viewer who can do it', () => {
    expect(rolloutGateReason('rollback', 'viewer', 'live')).toBe('Your role is viewer: ask an operator to roll back this rollout.');
  });

  it('puts the offline reason first, for everyone', () => {
    expect(rolloutGateReason('promote', 'admin', 'offline')).toMatch(/^The API is unreachable/);
  });

  it('waits for the role', () => {
    expect(rolloutGateReason('pause', undefined, 'live')).toBe('Checking your role…');
  });
});
