import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { server } from '../../mocks/node';
import { useConnectionStore } from '../lib/connection-store';
import { useToastStore } from '../lib/toast-store';

// findBy*/waitFor poll until the condition holds; on a loaded machine a screen can take more than
// the default 1 s to settle. Waiting longer changes no assertion.
configure({ asyncUtilTimeout: 5_000 });

// jsdom has no matchMedia; the theme store asks it for the OS colour scheme.
if (typeof window.matchMedia !== 'function') {
  window.matchMedia = (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  });
}

// jsdom does not scroll; the virtualised lists call scrollTo when they mount.
window.scrollTo = () => undefined;

// jsdom's <dialog> has no showModal/close; the guard dialogs use the native element.
if (typeof HTMLDialogElement.prototype.showModal !== 'function') {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.open = true;
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    this.open = false;
    this.dispatchEvent(new Event('close'));
  };
}

const connectionAtStart = useConnectionStore.getState();

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
  useToastStore.setState({ toasts: [] });
  useConnectionStore.setState(connectionAtStart, true);
  localStorage.clear();
});
afterAll(() => server.close());
