/** S7 on the rollout screens: rollout descriptions, reporter outputs, parity diffs, triage notes. */
import { expect, test } from './fixtures';
import { uniqueName } from './api-client';
import { expectInert, HOSTILE, JS_URL, watch } from './hostile';

test('hostile strings in rollouts, reporter outputs and parity diffs are shown as text and never run', async ({ loggedInPage: page, api }) => {
  const w = await watch(page);
  const ns = uniqueName('hostile-rollout');
  const id = ns.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 60);
  await api.call('createNamespace', {
    body: {
      name: ns,
      reason: HOSTILE,
      features: [{ key: `feature::${ns}::engine`, type: 'ENUM', enumValues: ['V1', 'V2'], defaultValue: { type: 'ENUM', value: 'V1', enumClassName: 'com.example.Engine' } }],
    },
  });
  await api.call('createRollout', { body: { id, namespace: ns, flag: 'engine', v1Value: 'V1', v2Value: 'V2', description: HOSTILE, reason: HOSTILE } });
  const comparedAt = new Date().toISOString();
  const output = (text: string) => ({ type: 'message', subject: 'conversation-1', data: { text, link: JS_URL, html: HOSTILE } });
  const parity = await api.call('ingestParity', {
    params: { id },
    body: { subject: 'conversation-1', comparedAt, adapter: 'e2e', v1Outputs: [output(`V1 ${HOSTILE}`)], v2Outputs: [output(`V2 ${HOSTILE}`)] },
  });
  await api.call('ingestParity', {
    params: { id },
    body: { subject: 'conversation-2', comparedAt, adapter: 'e2e', v1Outputs: null, v2Outputs: [output(HOSTILE)], reason: 'legacy_adapter_not_configured' },
  });
  await api.call('triageParityReport', { params: { id, reportId: parity.report.id }, body: { triage: 'bug', note: HOSTILE } });

  await page.goto('/rollouts');
  await expect(page.getByText(id).first()).toBeVisible();
  await expectInert(page, w, 'rollouts list', false);
  await page.goto(`/rollouts/${id}`);
  await expectInert(page, w, 'rollout');
  await page.goto(`/rollouts/${id}/parity`);
  await page.getByRole('listitem', { name: 'Report conversation-1' }).getByRole('button').first().click();
  await expectInert(page, w, 'parity report with both outputs and the diff');
});
