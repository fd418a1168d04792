import { describe, expect, it } from 'vitest';
import { crumbsFor } from './crumbs';

describe('crumbsFor', () => {
  it('names sections and the screens of a namespace, linking only to screens that exist', () => {
    expect(crumbsFor('/namespaces/pay%20ments/versions/12')).toEqual([
      { label: 'Namespaces', to: '/namespaces' },
      { label: 'pay ments', to: '/namespaces/pay%20ments' },
      { label: 'History', to: '/namespaces/pay%20ments/history' },
      { label: 'v12', to: '/namespaces/pay%20ments/versions/12' },
    ]);
    expect(crumbsFor('/namespaces/payments/diff').map((c) => c.label)).toEqual(['Namespaces', 'payments', 'Compare']);
    expect(crumbsFor('/audit')).toEqual([{ label: 'Audit log', to: '/audit' }]);
    expect(crumbsFor('/')).toEqual([]);
  });
});
