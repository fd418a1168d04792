import { act, fireEvent, render, screen } from '@testing-library/react';
import { Suspense } from 'react';
import { describe, expect, it } from 'vitest';
import { preloadable } from './preloadable';

function Greeting({ name }: { name: string }) {
  return <p>Hello {name}</p>;
}

describe('preloadable', () => {
  it('renders without suspending once preloaded', async () => {
    const Comp = preloadable(async () => Greeting);
    await Comp.preload();
    render(
      <Suspense fallback={<p>loading</p>}>
        <Comp name="on-call" />
      </Suspense>,
    );
    // Synchronously there, in the first commit: no fallback, nothing to wait for.
    expect(screen.getByText('Hello on-call')).toBeInTheDocument();
    expect(screen.queryByText('loading')).toBeNull();
  });

  it('suspends like lazy until its chunk is in, and loads it once', async () => {
    let calls = 0;
    let resolve!: (c: typeof Greeting) => void;
    const Comp = preloadable(() => {
      calls++;
      return new Promise<typeof Greeting>((r) => (resolve = r));
    });
    render(
      <Suspense fallback={<p>loading</p>}>
        <Comp name="a" />
      </Suspense>,
    );
    expect(screen.getByText('loading')).toBeInTheDocument();
    void Comp.preload();
    await act(async () => resolve(Greeting));
    expect(await screen.findByText('Hello a')).toBeInTheDocument();
    expect(calls).toBe(1);
  });

  it('keeps the state of what it rendered through the lazy path when it renders again after loading', async () => {
    let resolve!: (c: typeof Field) => void;
    function Field({ label }: { label: string }) {
      return (
        <label>
          {label} <input />
        </label>
      );
    }
    const Comp = preloadable(() => new Promise<typeof Field>((r) => (resolve = r)));
    const { rerender } = render(
      <Suspense fallback={<p>loading</p>}>
        <Comp label="Reason" />
      </Suspense>,
    );
    await act(async () => resolve(Field));
    const input = await screen.findByLabelText('Reason');
    fireEvent.change(input, { target: { value: 'error spike' } });
    rerender(
      <Suspense fallback={<p>loading</p>}>
        <Comp label="Reason" />
      </Suspense>,
    );
    expect(screen.getByLabelText('Reason')).toHaveValue('error spike');
  });

  it('tries again after a failed fetch', async () => {
    let calls = 0;
    const Comp = preloadable(async () => {
      calls++;
      if (calls === 1) throw new Error('offline');
      return Greeting;
    });
    await expect(Comp.preload()).rejects.toThrow('offline');
    await Comp.preload();
    render(<Comp name="b" />);
    expect(screen.getByText('Hello b')).toBeInTheDocument();
    expect(calls).toBe(2);
  });
});
