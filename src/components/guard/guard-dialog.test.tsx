import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { GuardDialog } from './guard-dialog';

const base = { title: 'Roll back payments', sentence: 'Roll back payments from v14 to v12: 3 flags change', confirmLabel: 'Roll back payments', ready: true, pending: false };

describe('GuardDialog', () => {
  it('is a modal named by its title and described by its sentence', () => {
    render(<GuardDialog {...base} onConfirm={vi.fn<(reason: string) => void>()} onClose={vi.fn<() => void>()} />);
    const dialog = screen.getByRole('dialog', { name: 'Roll back payments' });
    expect(dialog).toHaveAccessibleDescription('Roll back payments from v14 to v12: 3 flags change');
  });

  it('closes on Esc, except while the change is in flight', () => {
    const onClose = vi.fn<() => void>();
    const { rerender } = render(<GuardDialog {...base} onConfirm={vi.fn<(reason: string) => void>()} onClose={onClose} />);
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    rerender(<GuardDialog {...base} pending onConfirm={vi.fn<(reason: string) => void>()} onClose={onClose} />);
    fireEvent(screen.getByRole('dialog'), new Event('cancel', { cancelable: true }));
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('button', { name: 'Roll back payments' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('Waiting for the server…');
  });

  it('confirms with the trimmed reason once the typed name matches', async () => {
    const user = userEvent.setup();
    const onConfirm = vi.fn<(reason: string) => void>();
    render(<GuardDialog {...base} title="Turn kill switch on for payments" confirmLabel="Turn kill switch on for payments" typedName="payments" onConfirm={onConfirm} onClose={vi.fn<() => void>()} />);
    const confirm = screen.getByRole('button', { name: 'Turn kill switch on for payments' });
    await user.click(screen.getByRole('button', { name: 'Latency regression' }));
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveAccessibleDescription('Type payments to continue.');
    await user.type(screen.getByLabelText('Type the namespace name to confirm'), 'payments');
    await user.click(confirm);
    expect(onConfirm).toHaveBeenCalledWith('Latency regression');
  });
});
