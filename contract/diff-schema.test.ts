import { describe, expect, it } from 'vitest';
import { DiffResponse } from './schemas';

describe('DiffResponse', () => {
  it('accepts a field that exists on one side only (a rule added or removed), as the server sends it', () => {
    const wire = JSON.parse(
      JSON.stringify({
        namespace: 'checkout',
        from: 14,
        to: 13,
        diff: {
          added: [],
          removed: [],
          changed: [{ key: 'feature::checkout::upsellBanner', fields: [{ path: '/rules/0', before: { rampUp: 10 }, after: undefined }] }],
          unchanged: 7,
          metaChanged: [],
        },
      }),
    ) as unknown;
    const parsed = DiffResponse.safeParse(wire);
    expect(parsed.success).toBe(true);
    expect(parsed.data?.diff.changed[0]?.fields[0]).toEqual({ path: '/rules/0', before: { rampUp: 10 } });
  });
});
