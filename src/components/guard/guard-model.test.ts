import { describe, expect, it } from 'vitest';
import { makeEvent, makeSummary } from '../../../mocks/data';
import { ApiError } from '../../lib/api-error';
import { isDefinitiveFailure, parseConflict, reasonProblem, typedNameMatches } from './guard-model';

describe('guard model', () => {
  it('requires a reason of at most 1000 characters', () => {
    expect(reasonProblem('  ')).toMatch(/Give a reason/);
    expect(reasonProblem('x'.repeat(1001))).toMatch(/at most 1000/);
    expect(reasonProblem('Latency regression')).toBeNull();
  });

  it('matches the typed name exactly, ignoring surrounding spaces', () => {
    expect(typedNameMatches(' payments ', 'payments')).toBe(true);
    expect(typedNameMatches('Payments', 'payments')).toBe(false);
  });

  it('reads a 412 into the current state and the changes since; anything else is not a conflict', () => {
    const current = makeSummary({ name: 'payments', activeVersion: 15 });
    const changesSince = [makeEvent({ namespace: 'payments' })];
    const error = new ApiError({ status: 412, code: 'PreconditionFailed', message: 'changed', details: { current, changesSince } });
    expect(parseConflict(error)).toEqual({ current, changesSince });
    expect(parseConflict(new ApiError({ status: 412, code: 'PreconditionFailed', message: 'changed', details: {} }))).toBeNull();
    expect(parseConflict(new ApiError({ status: 409, code: 'Conflict', message: 'x' }))).toBeNull();
  });

  it('treats a 4xx as definitive (nothing written) and a network error or 5xx as maybe-written', () => {
    expect(isDefinitiveFailure(new ApiError({ status: 412, code: 'PreconditionFailed', message: '' }))).toBe(true);
    expect(isDefinitiveFailure(new ApiError({ status: 0, code: 'Network', message: '' }))).toBe(false);
    expect(isDefinitiveFailure(new ApiError({ status: 503, code: 'Internal', message: '' }))).toBe(false);
  });
});
