import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import { renderScreen } from '../test/render';
import { NamespaceNav, screenOf } from './namespace-nav';

describe('NamespaceNav', () => {
  it('knows which screen of a namespace is open (a version belongs to the history)', () => {
    expect(screenOf('/namespaces/pay')).toBe('overview');
    expect(screenOf('/namespaces/pay/versions/3')).toBe('history');
    expect(screenOf('/namespaces/pay/diff')).toBe('diff');
  });

  it('links the screens of the namespace and marks the current one', () => {
    renderScreen(<NamespaceNav ns="pay ments" />, { url: '/namespaces/pay%20ments/versions/3', path: '/namespaces/:ns/versions/:v' });
    const nav = screen.getByRole('navigation', { name: 'Screens of pay ments' });
    expect(within(nav).getByRole('link', { name: 'History' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Overview' })).toHaveAttribute('href', '/namespaces/pay%20ments');
    expect(within(nav).getByRole('link', { name: 'Audit log' })).toHaveAttribute('href', '/audit?namespace=pay%20ments');
  });
});
