import { describe, expect, it } from 'vitest';
import { DEFAULT_PATH, loginPathFor, safeNextPath } from './next-path';

describe('safeNextPath', () => {
  it('keeps an in-app path with its query string', () => {
    expect(safeNextPath('/namespaces?q=pay&sort=version')).toBe('/namespaces?q=pay&sort=version');
  });

  it.each([null, '', 'https://evil.example', '//evil.example/x', '/\\evil.example', 'javascript:alert(1)', '/login', '/login?next=/x', '/a\nb'])(
    'falls back to the default for %j',
    (next) => {
      expect(safeNextPath(next)).toBe(DEFAULT_PATH);
    },
  );
});

describe('loginPathFor', () => {
  it('remembers a deep link', () => {
    expect(loginPathFor({ pathname: '/namespaces/payments', search: '?tab=flags' })).toBe(
      '/login?next=%2Fnamespaces%2Fpayments%3Ftab%3Dflags',
    );
  });

  it('leaves the default landing page implicit', () => {
    expect(loginPathFor({ pathname: '/', search: '' })).toBe('/login');
  });
});
