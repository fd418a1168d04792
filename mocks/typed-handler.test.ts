import { describe, expect, it } from 'vitest';
import { server } from './node';
import { makeSummary } from './data';
import { typedHandler } from './typed-handler';

describe('typedHandler', () => {
  it('refuses to serve a fixture that breaks the contract, so mocks cannot drift silently', async () => {
    const drifted = { ...makeSummary({ name: 'x' }), activeVersion: 'seven' as unknown as number };
    server.use(typedHandler('listNamespaces', () => ({ items: [drifted] })));
    const response = await fetch(new URL('/api/v1/namespaces', window.location.href));
    expect(response.status).toBe(500);
  });

  it('serves a valid body as JSON', async () => {
    server.use(typedHandler('listNamespaces', () => ({ items: [makeSummary({ name: 'x' })] })));
    const response = await fetch(new URL('/api/v1/namespaces', window.location.href));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ items: [{ name: 'x' }] });
  });
});
