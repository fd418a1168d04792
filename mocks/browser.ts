import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';

/** For the static demo build: the same handlers the component tests use, served by a service worker. */
export const worker = setupWorker(...handlers);
