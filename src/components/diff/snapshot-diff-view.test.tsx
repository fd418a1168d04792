import { describe, expect, it } from 'vitest';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { SnapshotDiffDto } from '@contract/schemas';
import { SnapshotDiffView } from './snapshot-diff-view';

const small: SnapshotDiffDto = {
  added: [],
  removed: [],
  changed: [{ key: 'feature::payments::threeDs', fields: [{ path: '/rules/0/rampUp', before: 10, after: 50 }] }],
  unchanged: 7,
  metaChanged: [],
};

function big(n: number): SnapshotDiffDto {
  return {
    added: [],
    removed: [],
    changed: Array.from({ length: n }, (_, i) => ({
      key: `feature::big::flag${String(i).padStart(4, '0')}`,
      fields: [{ path: '/defaultValue/value', before: i, after: i + 1 }],
    })),
    unchanged: 0,
    metaChanged: [],
  };
}

describe('SnapshotDiffView', () => {
  it('shows each changed field before -> after and collapses unchanged flags to a count', () => {
    render(<SnapshotDiffView diff={small} label="Changes from v14 to v12" columns={{ before: 'v14 (live)', after: 'v12' }} />);
    const region = screen.getByRole('region', { name: 'Changes from v14 to v12' });
    expect(region).toHaveTextContent('1 flag changes (1 changed)');
    expect(region).toHaveTextContent('7 unchanged (not shown)');
    const card = within(region).getByRole('article', { name: /threeDs/ });
    const row = within(card).getByRole('row', { name: /rule 1 › ramp-up/ });
    expect(row).toHaveTextContent('10%');
    expect(row).toHaveTextContent('50%');
    expect(within(card).getByRole('columnheader', { name: 'v14 (live)' })).toBeInTheDocument();
    expect(screen.queryByRole('searchbox')).not.toBeInTheDocument();
  });

  it('stays small and quick with 2,000 changed flags: a page at a time, filterable', async () => {
    const user = userEvent.setup();
    render(<SnapshotDiffView diff={big(2000)} />);
    expect(screen.getAllByRole('article')).toHaveLength(50);
    await user.click(screen.getByRole('button', { name: 'Show 50 more (1,950 not shown)' }));
    expect(screen.getAllByRole('article')).toHaveLength(100);
    await user.click(screen.getByRole('searchbox', { name: 'Filter changed flags' }));
    await user.paste('flag1999');
    expect(await screen.findByRole('article', { name: /flag1999/ })).toBeInTheDocument();
    expect(screen.getAllByRole('article')).toHaveLength(1);
  }, 15_000);

  it('says so when nothing changes', () => {
    render(<SnapshotDiffView diff={{ added: [], removed: [], changed: [], unchanged: 4, metaChanged: [] }} />);
    expect(screen.getByRole('region', { name: 'Changes' })).toHaveTextContent('No flag changes · 4 unchanged');
  });
});
