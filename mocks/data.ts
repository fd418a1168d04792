/**
 * Fixture data for component tests and the static demo, typed by the contract so it cannot
 * drift from what the server returns. Times are relative to when the module loads.
 */
import type { AuditEvent, DeclaredFeatureDto, Me, NamespaceDetail, NamespaceSummary } from '@contract/schemas';

const MINUTE = 60_000;
export const ago = (minutes: number): string => new Date(Date.now() - minutes * MINUTE).toISOString();

export const adminMe: Me = { actor: 'ada@switchyard.dev', role: 'admin', tokenId: 'tok_admin' };
export const viewerMe: Me = { actor: 'vic@switchyard.dev', role: 'viewer', tokenId: 'tok_viewer' };

let nextEventId = 100;
export function makeEvent(overrides: Partial<AuditEvent> = {}): AuditEvent {
  nextEventId += 1;
  return {
    id: nextEventId,
    at: ago(30),
    namespace: 'checkout',
    actor: 'ada@switchyard.dev',
    action: 'snapshot.load',
    reason: 'Weekly config release',
    fromVersion: 1,
    toVersion: 2,
    details: {},
    ...overrides,
  };
}

export function makeSummary(overrides: Partial<NamespaceSummary> & Pick<NamespaceSummary, 'name'>): NamespaceSummary {
  return {
    description: null,
    createdAt: ago(60 * 24 * 30),
    activeVersion: 1,
    latestVersion: 1,
    flagCount: 0,
    activeHash: 'sha256:0000',
    killSwitch: { enabled: false, changedAt: null, changedBy: null, reason: null },
    lastChange: null,
    rollbacks7d: 0,
    changes7d: 0,
    changeFailureRate7d: null,
    ...overrides,
  };
}

export const namespaceSummaries: NamespaceSummary[] = [
  makeSummary({
    name: 'checkout',
    description: 'Checkout flow and payment method selection',
    activeVersion: 14,
    latestVersion: 14,
    flagCount: 4,
    lastChange: makeEvent({
      namespace: 'checkout',
      at: ago(12),
      actor: 'maria@switchyard.dev',
      action: 'snapshot.patch',
      reason: 'Ramp new address form to 25% after clean shadow run on the EU cohort',
      fromVersion: 13,
      toVersion: 14,
    }),
    rollbacks7d: 1,
    changes7d: 6,
    changeFailureRate7d: 1 / 6,
  }),
  makeSummary({
    name: 'payments',
    description: 'Payment provider routing',
    activeVersion: 9,
    latestVersion: 11,
    flagCount: 3,
    killSwitch: {
      enabled: true,
      changedAt: ago(48),
      changedBy: 'oncall@switchyard.dev',
      reason: 'Provider outage: serve declared defaults until the incident is closed',
    },
    lastChange: makeEvent({
      namespace: 'payments',
      at: ago(48),
      actor: 'oncall@switchyard.dev',
      action: 'killswitch.enable',
      reason: 'Provider outage: serve declared defaults until the incident is closed',
      fromVersion: 9,
      toVersion: 9,
    }),
    rollbacks7d: 3,
    changes7d: 8,
    changeFailureRate7d: 0.375,
  }),
  makeSummary({
    name: 'search',
    description: 'Ranking experiments',
    activeVersion: 27,
    latestVersion: 27,
    flagCount: 6,
    lastChange: makeEvent({
      namespace: 'search',
      at: ago(60 * 26),
      actor: 'lee@switchyard.dev',
      action: 'snapshot.load',
      reason: 'Nightly export from the ranking pipeline',
      fromVersion: 26,
      toVersion: 27,
    }),
  }),
  makeSummary({
    name: 'validation',
    description: null,
    activeVersion: 3,
    latestVersion: 3,
    flagCount: 2,
    lastChange: makeEvent({
      namespace: 'validation',
      at: ago(60 * 24 * 5),
      actor: 'ada@switchyard.dev',
      action: 'snapshot.restore',
      reason: 'Restore v1 rules: v2 rejected valid postcodes',
      fromVersion: 2,
      toVersion: 3,
    }),
  }),
];

const checkoutFeatures: DeclaredFeatureDto[] = [
  { key: 'feature::checkout::newAddressForm', type: 'BOOLEAN', defaultValue: { type: 'BOOLEAN', value: false } },
  {
    key: 'feature::checkout::variant',
    type: 'ENUM',
    enumValues: ['CLASSIC', 'ONE_PAGE', 'EXPRESS'],
    defaultValue: { type: 'ENUM', value: 'CLASSIC', enumClassName: 'com.example.CheckoutVariant' },
  },
  { key: 'feature::checkout::maxCartItems', type: 'INT', defaultValue: { type: 'INT', value: 50 } },
  { key: 'feature::checkout::bannerText', type: 'STRING', defaultValue: { type: 'STRING', value: '' } },
];

const everyone = { rampUpAllowlist: [], locales: [], platforms: [], versionRange: { type: 'UNBOUNDED' as const }, axes: {} };

export const checkoutDetail: NamespaceDetail = {
  ...(namespaceSummaries[0] as NamespaceSummary),
  features: checkoutFeatures,
  snapshot: {
    meta: { version: '2026-11-20.3', generatedAtEpochMillis: Date.parse(ago(15)), source: 'git:config@4f2a9c1' },
    flags: [
      {
        key: 'feature::checkout::newAddressForm',
        defaultValue: { type: 'BOOLEAN', value: false },
        salt: 'v1',
        isActive: true,
        rampUpAllowlist: [],
        rules: [
          { ...everyone, value: { type: 'BOOLEAN', value: true }, type: 'STATIC', rampUp: 25, locales: ['de_DE', 'fr_FR'] },
          { ...everyone, value: { type: 'BOOLEAN', value: true }, type: 'STATIC', rampUp: 100, platforms: ['IOS'] },
        ],
      },
      {
        key: 'feature::checkout::variant',
        defaultValue: { type: 'ENUM', value: 'CLASSIC', enumClassName: 'com.example.CheckoutVariant' },
        salt: 'v1',
        isActive: true,
        rampUpAllowlist: [],
        rules: [{ ...everyone, value: { type: 'ENUM', value: 'ONE_PAGE', enumClassName: 'com.example.CheckoutVariant' }, type: 'STATIC', rampUp: 10 }],
      },
      { key: 'feature::checkout::maxCartItems', defaultValue: { type: 'INT', value: 80 }, salt: 'v1', isActive: true, rampUpAllowlist: [], rules: [] },
      { key: 'feature::checkout::bannerText', defaultValue: { type: 'STRING', value: 'Free shipping over €50' }, salt: 'v1', isActive: false, rampUpAllowlist: [], rules: [] },
    ],
  },
  recentEvents: [
    (namespaceSummaries[0] as NamespaceSummary).lastChange as AuditEvent,
    makeEvent({ at: ago(60 * 5), actor: 'oncall@switchyard.dev', action: 'snapshot.rollback', reason: 'p95 latency regression after v13', fromVersion: 13, toVersion: 12 }),
    makeEvent({ at: ago(60 * 6), actor: 'maria@switchyard.dev', action: 'snapshot.load', reason: 'Release 2026.11.20', fromVersion: 12, toVersion: 13 }),
  ],
};

/** A detail for any summary: enough for the demo to open every namespace. */
export function detailFor(summary: NamespaceSummary): NamespaceDetail {
  if (summary.name === checkoutDetail.name) return checkoutDetail;
  const features: DeclaredFeatureDto[] = Array.from({ length: summary.flagCount }, (_, i) => ({
    key: `feature::${summary.name}::flag${i + 1}`,
    type: 'BOOLEAN',
    defaultValue: { type: 'BOOLEAN', value: false },
  }));
  return {
    ...summary,
    features,
    snapshot: {
      flags: features.map((f, i) => ({ key: f.key, defaultValue: { type: 'BOOLEAN', value: i % 2 === 0 }, salt: 'v1', isActive: true, rampUpAllowlist: [], rules: [] })),
    },
    recentEvents: summary.lastChange ? [summary.lastChange] : [],
  };
}
