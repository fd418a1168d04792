/**
 * The two demo rollouts' traffic: seed 004's ValidationOrchestratorV2 (namespace `validation`,
 * flag `orchestratorVersion` V1 -> V2) and seed 003's conversation runtime (namespace
 * `conversations`, flag `runtime` LEGACY -> EVENT_BASED). V2 is a little different: p95 about
 * +8%, memory about +12%.
 */
import type { ParityOutput } from '@core/rollout/model';
import type { TrafficProfile } from './model';

export const VALIDATION_ROLLOUT = 'validation-orchestrator-v2';
export const CONVERSATION_ROLLOUT = 'conversations-event-runtime';

const list = (prefix: string, n: number): string[] => Array.from({ length: n }, (_, i) => `${prefix}-${i + 1}`);

const validationOutputs = (subject: string, n: number): ParityOutput[] =>
  Array.from({ length: n }, (_, i) => ({
    type: i === 0 ? 'validation.result' : 'validation.check',
    subject,
    data: { rule: ['address', 'vat', 'stock', 'limits'][i % 4] ?? 'address', outcome: 'pass', severity: 'info', score: 90 + i },
  }));

const conversationOutputs = (subject: string, n: number): ParityOutput[] => [
  { type: 'conv.out.message.created', subject, data: { role: 'assistant', tokens: 120 + n * 7 } },
  ...Array.from({ length: n - 1 }, (_, i) => ({ type: 'conv.out.tool.called', subject, data: { name: ['search', 'lookup'][i % 2] ?? 'search', args: { limit: 10 } } })),
  { type: 'conv.out.typing.started', subject, data: {} },
];

export const validationProfile: TrafficProfile = {
  rolloutId: VALIDATION_ROLLOUT,
  peakPerMinute: 3_600,
  troughPerMinute: 900,
  peakHourUtc: 13,
  v1: { p50Ms: 1_150, p95Ms: 3_100, p99Ms: 4_900, errorRate: 0.004, memoryMb: 1_450, cpuPct: 46 },
  v2: { p50Ms: 1_200, p95Ms: 3_350, p99Ms: 5_200, errorRate: 0.0045, memoryMb: 1_625, cpuPct: 49 },
  shadowMirror: 0.05,
  signalsPerMinute: 60,
  subjects: list('order', 400),
  tenants: ['eu-shop', 'us-shop', 'b2b'],
  channels: ['web', 'app', 'api'],
  outputs: validationOutputs,
  patterns: [
    { rate: 0.022, kind: 'field', type: 'validation.result', field: ['score'] },
    { rate: 0.008, kind: 'v2_extra', type: 'validation.warning' },
    { rate: 0.01, kind: 'legacy_unavailable', type: '' },
  ],
  adapter: 'ValidationOrchestratorV1Adapter',
};

export const conversationProfile: TrafficProfile = {
  rolloutId: CONVERSATION_ROLLOUT,
  peakPerMinute: 1_500,
  troughPerMinute: 350,
  peakHourUtc: 15,
  v1: { p50Ms: 17, p95Ms: 35, p99Ms: 62, errorRate: 0.0004, memoryMb: 610, cpuPct: 31 },
  v2: { p50Ms: 18, p95Ms: 37.8, p99Ms: 66, errorRate: 0.0004, memoryMb: 683, cpuPct: 33 },
  shadowMirror: 0.1,
  signalsPerMinute: 50,
  subjects: list('conv', 600),
  tenants: ['acme', 'globex', 'initech', 'umbrella'],
  channels: ['web-chat', 'slack', 'email'],
  outputs: conversationOutputs,
  patterns: [
    { rate: 0.018, kind: 'field', type: 'conv.out.tool.called', field: ['args', 'limit'] },
    { rate: 0.012, kind: 'v1_extra', type: 'conv.out.typing.stopped' },
    { rate: 0.02, kind: 'legacy_unavailable', type: '' },
  ],
  adapter: 'JidoConversation.LegacyParityAdapter',
};

export const demoProfiles: readonly TrafficProfile[] = [validationProfile, conversationProfile];
