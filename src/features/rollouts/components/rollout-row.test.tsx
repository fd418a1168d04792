import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { makeRollout } from '../../../../mocks/rollout-data';
import { renderScreen } from '../../../test/render';
import { RolloutRow } from './rollout-row';

const row = (recent: Parameters<typeof makeRollout>[0]) =>
  renderScreen(
    <table>
      <tbody>
        <RolloutRow rollout={makeRollout(recent)} />
      </tbody>
    </table>,
    { url: '/rollouts', path: '/rollouts' },
  );

describe('RolloutRow', () => {
  it("says how the bound namespace fared over the last 7 days: rollbacks and failed changes", async () => {
    row({ namespaceRecent: { rollbacks7d: 2, changes7d: 8, changeFailureRate7d: 0.25 } });
    expect(await screen.findByText('7 d: 2 rollbacks · 25% of 8 changes failed')).toHaveClass('text-warning');
  });

  it('a quiet namespace says so', async () => {
    row({ namespaceRecent: { rollbacks7d: 0, changes7d: 0, changeFailureRate7d: null } });
    expect(await screen.findByText('7 d: 0 rollbacks · no changes')).not.toHaveClass('text-warning');
  });
});
