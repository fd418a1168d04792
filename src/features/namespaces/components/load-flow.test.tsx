import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { ShadowCheck } from '@contract/schemas';
import { server } from '../../../../mocks/node';
import { checkoutDetail } from '../../../../mocks/data';
import { emptyDiff, sampleDiff } from '../../../../mocks/registry-data';
import { mutationReply } from '../../../../mocks/mutation-replies';
import { typedHandler } from '../../../../mocks/typed-handler';
import { renderScreen } from '../../../test/render';
import { NamespaceLayout } from './namespace-layout';
import { NamespacePage } from './namespace-page';

const open = (url: string) =>
  renderScreen(<NamespaceLayout />, { url, path: '/namespaces/:ns', children: [{ index: true, element: <NamespacePage /> }] });

const BAD = `{
  "flags": [
    {
      "key": "feature::checkout::newAddressForm",
      "defaultValue": { "type": "BOOLEAN", "value": "yes" }
    }
  ]
}`;

const shadow: ShadowCheck = {
  populationSize: 2000,
  anyChangedShare: 0.125,
  flags: [
    { key: 'feature::checkout::newAddressForm', changedShare: 0.125, changedCount: 250 },
    { key: 'feature::checkout::variant', changedShare: 0, changedCount: 0 },
  ],
};

describe('Load snapshot', { timeout: 20_000 }, () => {
  it('shows the server’s error with its code, JSON path and the offending line highlighted', async () => {
    server.use(
      typedHandler('validate', () => ({
        valid: false as const,
        activeVersion: 14,
        error: { code: 'InvalidSnapshot' as const, message: 'flags[0].defaultValue.value: expected a boolean, got "yes"', path: '/flags/0/defaultValue/value' },
      })),
    );
    const { user } = open('/namespaces/checkout?action=load');
    const dialog = await screen.findByRole('dialog', { name: 'Load snapshot into checkout' });
    const editor = within(dialog).getByLabelText('Snapshot JSON');
    expect((editor as HTMLTextAreaElement).value).toContain('"feature::checkout::variant"');
    await user.clear(editor);
    await user.click(editor);
    await user.paste(BAD);
    await user.click(within(dialog).getByRole('button', { name: 'Validate' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('InvalidSnapshot');
    expect(alert).toHaveTextContent('This snapshot was rejected; nothing was changed.');
    expect(alert).toHaveTextContent('/flags/0/defaultValue/value');
    expect(alert).toHaveTextContent('line 5, column 44');
    expect(within(alert).getByLabelText('Line 5 of the snapshot').querySelector('mark')).toHaveTextContent('"defaultValue": { "type": "BOOLEAN", "value": "yes" }');
    expect(editor).toHaveAttribute('aria-invalid', 'true');
    expect(editor).toHaveAccessibleDescription(/InvalidSnapshot/);
    expect(within(dialog).getByRole('button', { name: 'Review and confirm' })).toBeDisabled();
  });

  it('on success shows the diff and the shadow check, then confirms with a reason, sending the raw text', async () => {
    const sent: unknown[] = [];
    server.use(
      typedHandler('validate', () => ({ valid: true as const, activeVersion: 14, hash: 'sha256:1', flagCount: 4, diff: sampleDiff, shadow })),
      typedHandler('load', async ({ request }) => {
        sent.push(await request.json());
        return mutationReply(checkoutDetail, { activeVersion: 15, latestVersion: 15 }, { action: 'snapshot.load', fromVersion: 14, toVersion: 15 });
      }),
    );
    const { user } = open('/namespaces/checkout?action=load');
    const dialog = await screen.findByRole('dialog', { name: 'Load snapshot into checkout' });
    const text = (within(dialog).getByLabelText('Snapshot JSON') as HTMLTextAreaElement).value;
    await user.click(within(dialog).getByRole('button', { name: 'Validate' }));
    expect(await within(dialog).findByRole('region', { name: 'Diff against live v14' })).toHaveTextContent('3 flags change');
    const table = within(dialog).getByRole('table', { name: 'Shadow check per flag' });
    expect(within(table).getByRole('row', { name: /newAddressForm/ })).toHaveTextContent('12.5% (250 of 2,000)');
    expect(dialog).toHaveTextContent('12.5% of 2,000 contexts checked would get a different value from 1 flag.');

    await user.click(within(dialog).getByRole('button', { name: 'Review and confirm' }));
    const guard = await screen.findByRole('dialog', { name: 'Load snapshot into checkout' });
    expect(guard).toHaveTextContent('Load a new snapshot into checkout, replacing v14: 3 flags change');
    await user.click(within(guard).getByLabelText('Reason'));
    await user.paste('Weekly release');
    await user.click(within(guard).getByRole('button', { name: 'Load snapshot into checkout' }));
    expect(await screen.findByText('Loaded a new snapshot into checkout: v15 is live')).toBeInTheDocument();
    expect(sent).toEqual([{ snapshot: text, reason: 'Weekly release' }]);
  });

  it('says “0% — equivalent” for a snapshot that changes nothing', async () => {
    server.use(
      typedHandler('validate', () => ({
        valid: true as const,
        activeVersion: 14,
        hash: 'sha256:1',
        flagCount: 4,
        diff: emptyDiff,
        shadow: { populationSize: 500, anyChangedShare: 0, flags: [{ key: 'feature::checkout::variant', changedShare: 0, changedCount: 0 }] },
      })),
    );
    const { user } = open('/namespaces/checkout?action=patch');
    const dialog = await screen.findByRole('dialog', { name: 'Apply patch to checkout' });
    await user.click(within(dialog).getByRole('button', { name: 'Validate' }));
    expect(await within(dialog).findByText('0% — equivalent: none of the 500 contexts checked would get a different value.')).toBeInTheDocument();
    expect(within(dialog).getByRole('row', { name: /variant/ })).toHaveTextContent('0% — equivalent');
  });
});
