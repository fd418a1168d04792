import type { ParityOutput } from '../core/rollout/model';
import { expect, test } from './fixtures';

test('a mismatch is grouped by pattern, shows both sides and the diff, and is triaged with a note', async ({ loggedInPage: page, rollouts }) => {
  const r = await rollouts.create();
  const reporter = await rollouts.client('reporter');
  const out = (rounding: string): ParityOutput[] => [
    { type: 'checkout.out.cart.priced', subject: 'conv-7', data: { items: 2, subtotal: 1999 } },
    { type: 'checkout.out.total.computed', subject: 'conv-7', data: { total: { amount: 1999, rounding } } },
  ];
  const comparedAt = new Date().toISOString();
  await rollouts.ingestParity(reporter, r.id, { subject: 'conv-7', comparedAt, adapter: 'e2e', v1Outputs: out('half_up'), v2Outputs: out('half_even') });
  await rollouts.ingestParity(reporter, r.id, { subject: 'conv-8', comparedAt, adapter: 'e2e', v1Outputs: out('half_up'), v2Outputs: out('half_up') });

  await page.goto(`/rollouts/${r.id}/parity?status=mismatch`);
  const patterns = page.getByRole('table', { name: 'Mismatch patterns' });
  await expect(patterns.getByRole('row', { name: /data differs: checkout\.out\.total\.computed \(fields: total\.rounding\)/ })).toContainText('1 untriaged');
  const card = page.getByRole('listitem', { name: 'Report conv-7' });
  await card.getByRole('button', { expanded: false }).click();
  await expect(card.getByRole('group', { name: 'What differs' }).getByRole('row', { name: /total\.rounding/ })).toContainText('"half_up"');
  await expect(card.getByRole('group', { name: 'All outputs' })).toContainText('V2 (event runtime) · 2 outputs');

  const form = card.getByRole('form', { name: 'Triage conv-7' });
  await form.getByRole('radio', { name: /Bug/ }).check();
  await form.getByLabel(/Note/).fill('V2 rounds half-even: wrong for EUR totals');
  await form.getByRole('button', { name: 'Save triage' }).click();
  await expect(form).toContainText('Triaged bug by bootstrap-admin');
  await expect(form).toContainText('“V2 rounds half-even: wrong for EUR totals”');
  await expect(patterns).toContainText('1 bug');

  const page1 = await rollouts.api.call('parityReports', { params: { id: r.id } });
  expect(page1.items.find((x) => x.subject === 'conv-7')?.triage).toMatchObject({ status: 'bug', note: 'V2 rounds half-even: wrong for EUR totals' });
});
