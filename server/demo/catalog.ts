/**
 * The demo namespaces: realistic Konditional snapshots for a shop's services.
 * Declared features come from these base snapshots (the namespaces are created by adoption).
 */
import type { Flag, FlagValue, Rule, Snapshot } from '@core/model';

export const bool = (value: boolean): FlagValue => ({ type: 'BOOLEAN', value });
export const str = (value: string): FlagValue => ({ type: 'STRING', value });
export const int = (value: number): FlagValue => ({ type: 'INT', value });
export const dbl = (value: number): FlagValue => ({ type: 'DOUBLE', value });
export const enm = (enumClassName: string, value: string): FlagValue => ({ type: 'ENUM', value, enumClassName });

export function rule(value: FlagValue, opts: Partial<Omit<Rule, 'value'>> = {}): Rule {
  return {
    value,
    type: 'STATIC',
    rampUp: 100,
    rampUpAllowlist: [],
    locales: [],
    platforms: [],
    versionRange: { type: 'UNBOUNDED' },
    axes: {},
    ...opts,
  };
}

export function flag(ns: string, name: string, defaultValue: FlagValue, rules: Rule[] = [], opts: Partial<Flag> = {}): Flag {
  return { key: `feature::${ns}::${name}`, defaultValue, salt: 'v1', isActive: true, rampUpAllowlist: [], rules, ...opts };
}

export interface DemoNamespace {
  name: string;
  description: string;
  /** Enum constants to declare, by flag name. */
  enums: Record<string, string[]>;
  base: Snapshot;
}

const CHECKOUT_VARIANT = 'com.shop.checkout.CheckoutVariant';
const THREE_DS = 'com.shop.payments.ThreeDsMode';
const RANKING = 'com.shop.search.RankingModel';
const ORCHESTRATOR = 'com.shop.validation.OrchestratorVersion';
const RUNTIME = 'com.shop.conversations.Runtime';

export const demoNamespaces: DemoNamespace[] = [
  {
    name: 'checkout',
    description: 'Web and app checkout: flow variants, cart limits, shipping promotions',
    enums: { checkoutVariant: ['CLASSIC', 'SMART', 'ONE_PAGE'] },
    base: {
      meta: { version: 'checkout-2026.10.1', source: 'git:configs/checkout.json' },
      flags: [
        flag('checkout', 'newCheckoutFlow', bool(false), [rule(bool(true), { rampUp: 5, note: 'Gradual ramp of the new flow', platforms: ['WEB'] })]),
        flag('checkout', 'checkoutVariant', enm(CHECKOUT_VARIANT, 'CLASSIC'), [
          rule(enm(CHECKOUT_VARIANT, 'SMART'), { platforms: ['IOS', 'ANDROID'], versionRange: { type: 'MIN_BOUND', min: { major: 5, minor: 2, patch: 0 } }, note: 'Smart checkout on current apps' }),
        ]),
        flag('checkout', 'maxCartItems', int(50), [rule(int(100), { locales: ['UNITED_STATES'], note: 'US holiday limits' })]),
        flag('checkout', 'freeShippingThreshold', dbl(49.0), [rule(dbl(35.0), { locales: ['FRANCE', 'GERMANY'], note: 'EU promo' })]),
        flag('checkout', 'addressAutocompleteProvider', str('loqate')),
        flag('checkout', 'upsellBanner', bool(true)),
        flag('checkout', 'guestCheckout', bool(true)),
        flag('checkout', 'orderSummaryV2', bool(false), [rule(bool(true), { rampUp: 25, note: '25% of web' , platforms: ['WEB'] })]),
      ],
    },
  },
  {
    name: 'payments',
    description: 'Payment providers, retries, 3-D Secure and fraud thresholds',
    enums: { threeDsMode: ['OFF', 'RISK_BASED', 'ALWAYS'] },
    base: {
      meta: { version: 'payments-2026.10.4', source: 'git:configs/payments.json' },
      flags: [
        flag('payments', 'retryPolicy', {
          type: 'DATA_CLASS',
          dataClassName: 'com.shop.payments.RetryPolicy',
          value: { maxAttempts: 3, backoffMs: 400, mode: 'exponential' },
        }),
        flag('payments', 'threeDsMode', enm(THREE_DS, 'RISK_BASED'), [rule(enm(THREE_DS, 'ALWAYS'), { locales: ['GERMANY'], note: 'PSD2 strictness' })]),
        flag('payments', 'fraudScoreThreshold', dbl(0.82)),
        flag('payments', 'applePay', bool(false), [rule(bool(true), { platforms: ['IOS'], note: 'Apple Pay on iOS' })]),
        flag('payments', 'providerTimeoutMs', int(2500)),
        flag('payments', 'primaryProvider', str('adyen')),
        flag('payments', 'instantRefunds', bool(false), [rule(bool(true), { rampUp: 10, note: 'Pilot' })]),
      ],
    },
  },
  {
    name: 'search',
    description: 'Search ranking, typo tolerance and result paging',
    enums: { rankingModel: ['BM25', 'NEURAL_V1', 'NEURAL_V2'] },
    base: {
      meta: { version: 'search-2026.10.0', source: 'git:configs/search.json' },
      flags: [
        flag('search', 'rankingModel', enm(RANKING, 'BM25'), [rule(enm(RANKING, 'NEURAL_V1'), { rampUp: 20, note: 'Neural ranking A/B' })]),
        flag('search', 'resultsPerPage', int(24), [rule(int(12), { platforms: ['IOS', 'ANDROID'] })]),
        flag('search', 'typoTolerance', bool(true)),
        flag('search', 'semanticBoost', dbl(0.3)),
        flag('search', 'synonymsSource', str('s3://search/synonyms-v7.txt')),
        flag('search', 'autocompleteV2', bool(false), [rule(bool(true), { rampUp: 50, note: 'Half of traffic' })]),
      ],
    },
  },
  {
    name: 'validation',
    description: 'Order validation: ValidationOrchestrator V1 vs V2 and validation limits',
    enums: { orchestratorVersion: ['V1', 'V2'] },
    base: {
      meta: { version: 'validation-2026.10.2', source: 'git:configs/validation.json' },
      flags: [
        flag('validation', 'orchestratorVersion', enm(ORCHESTRATOR, 'V1')),
        flag('validation', 'validationTimeoutMs', int(5000)),
        flag('validation', 'strictSchemaMode', bool(false)),
        flag('validation', 'addressValidation', bool(true)),
        flag('validation', 'maxParallelChecks', int(8)),
        flag('validation', 'riskRulesVersion', str('2026-10-01')),
      ],
    },
  },
  {
    name: 'conversations',
    description: 'Support conversations (jido): legacy runtime vs the event-based runtime, limits and reply behaviour',
    enums: { runtime: ['LEGACY', 'EVENT_BASED'] },
    base: {
      meta: { version: 'conversations-2026.10.3', source: 'git:configs/conversations.json' },
      flags: [
        flag('conversations', 'runtime', enm(RUNTIME, 'LEGACY')),
        flag('conversations', 'maxTurns', int(40)),
        flag('conversations', 'streamingReplies', bool(true)),
        flag('conversations', 'toolCallTimeoutMs', int(8000)),
        flag('conversations', 'summaryModel', str('summarizer-2026-09')),
        flag('conversations', 'typingIndicator', bool(true), [rule(bool(false), { platforms: ['ANDROID'], rampUp: 50, note: 'Battery test on Android' })]),
      ],
    },
  },
];
