import { describe, expect, it } from 'vitest';
import { checkoutDetail } from '../../../../mocks/data';
import { sampleDiff } from '../../../../mocks/registry-data';
import { ApiError } from '../../../lib/api-error';
import { actionProblem } from './action-problem';
import { blastRadius } from './blast-radius';
import { flagsChanging, killSwitchSentence, loadSentence, patchSentence, restoreSentence, rollbackSentence } from './guard-sentences';
import { formatShare } from './shadow-view';
import { gateReason, gateSummary } from './use-action-gate';
import { parseActionParam } from './use-action-param';

describe('guard sentences', () => {
  it('say what will happen to what', () => {
    expect(rollbackSentence('payments', 14, 12, 3)).toBe('Roll back payments from v14 to v12: 3 flags change');
    expect(rollbackSentence('payments', 14, 13, 1)).toBe('Roll back payments from v14 to v13: 1 flag changes');
    expect(rollbackSentence('payments', 14, 13, 0)).toBe('Roll back payments from v14 to v13: no flag changes');
    expect(restoreSentence('payments', 14, 9, 2)).toBe('Restore the content of v9 to payments as a new version, replacing v14: 2 flags change');
    expect(loadSentence('payments', 14, 2000)).toBe('Load a new snapshot into payments, replacing v14: 2,000 flags change');
    expect(patchSentence('payments', 14, 1)).toBe('Patch payments v14: 1 flag changes');
    expect(killSwitchSentence('payments', true, 3, 14)).toBe('Turn the kill switch on for payments: 3 flags fall back to the declared default');
    expect(killSwitchSentence('payments', false, 1, 14)).toBe('Turn the kill switch off for payments: 1 flag serves v14 again');
    expect(flagsChanging(sampleDiff)).toBe(3);
  });
});

describe('blastRadius', () => {
  it('lists active flags with what they serve now and the declared default they fall back to', () => {
    const radius = blastRadius(checkoutDetail);
    expect(radius.alreadyInactive).toBe(1);
    expect(radius.affected).toEqual([
      { key: 'feature::checkout::maxCartItems', name: 'maxCartItems', live: '80', fallback: '50', valueChanges: true },
      { key: 'feature::checkout::newAddressForm', name: 'newAddressForm', live: 'false + 2 rules, ramp 25%', fallback: 'false', valueChanges: true },
      { key: 'feature::checkout::variant', name: 'variant', live: 'CLASSIC + 1 rule, ramp 10%', fallback: 'CLASSIC', valueChanges: true },
    ]);
  });
});

describe('gateReason', () => {
  it('lets operators and admins act, tells everyone else why not, offline first', () => {
    expect(gateReason('rollback', 'operator', 'live')).toBeNull();
    expect(gateReason('rollback', 'admin', 'polling')).toBeNull();
    expect(gateReason('rollback', 'viewer', 'live')).toBe('Your role is viewer: ask an operator to roll back.');
    expect(gateReason('load', 'reporter', 'live')).toBe('Your role is reporter: ask an operator to load a snapshot.');
    expect(gateReason('rollback', 'admin', 'offline')).toMatch(/^The API is unreachable/);
    expect(gateReason('rollback', undefined, 'live')).toBe('Checking your role…');
    expect(gateSummary('viewer', 'live')).toBe('Read-only: your role is viewer. Ask an operator to make changes here.');
    expect(gateSummary('operator', 'live')).toBeNull();
    expect(gateSummary('operator', 'offline')).toMatch(/^The API is unreachable/);
  });
});

describe('actionProblem', () => {
  it('turns refusals into what to do next', () => {
    const short = new ApiError({ status: 409, code: 'InsufficientHistory', message: 'x', details: { available: 2 } });
    expect(actionProblem('payments', short)).toBe('payments has only 2 earlier versions on its active chain; roll back at most 2 steps. Nothing was changed.');
    const already = new ApiError({ status: 409, code: 'Conflict', message: 'the kill switch of payments is already on; nothing was changed' });
    expect(actionProblem('payments', already)).toBe('The kill switch of payments is already on; nothing was changed. Close the dialog to see the current state.');
    const network = new ApiError({ status: 0, code: 'Network', message: '' });
    expect(actionProblem('payments', network)).toMatch(/Confirming again is safe/);
  });
});

describe('formatShare', () => {
  it('reads shares as percentages people can compare', () => {
    expect([0, 0.0004, 0.125, 0.5, 1].map(formatShare)).toEqual(['0%', '<0.1%', '12.5%', '50%', '100%']);
  });
});

describe('parseActionParam', () => {
  it('opens a dialog from the URL, ignoring what it does not know', () => {
    expect(parseActionParam(new URLSearchParams('action=rollback&steps=3'))).toEqual({ action: 'rollback', steps: 3 });
    expect(parseActionParam(new URLSearchParams('action=restore&version=9'))).toEqual({ action: 'restore', version: 9 });
    expect(parseActionParam(new URLSearchParams('action=drop-table'))).toBeNull();
    expect(parseActionParam(new URLSearchParams('action=rollback&steps=-1'))).toEqual({ action: 'rollback' });
  });
});
