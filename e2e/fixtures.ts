import { expect, test as base, type Page } from '@playwright/test';
import { SwitchyardApi } from './api-client';
import { RolloutKit } from './support/rollout-kit';

interface Fixtures {
  /** The bootstrap admin token the config started the server with. */
  adminToken: string;
  /** Calls the real API as the admin to arrange data. */
  api: SwitchyardApi;
  /** A page whose browser context already holds an admin session cookie. */
  loggedInPage: Page;
  /** A page signed in with a fresh viewer token (read-only). */
  viewerPage: Page;
  /** Arranges rollouts, reporter tokens and ingested data through the real API. */
  rollouts: RolloutKit;
}

/** page.request shares the browser context's cookie jar, so the session cookie lands there. */
async function signIn(page: Page, token: string): Promise<void> {
  const response = await page.request.post('/api/v1/session', {
    data: { token },
    headers: { 'X-Requested-With': 'switchyard' },
  });
  expect(response.ok(), await response.text()).toBe(true);
}

export const test = base.extend<Fixtures>({
  adminToken: [process.env.SWITCHYARD_E2E_ADMIN_TOKEN ?? '', { option: true }],

  api: async ({ playwright, baseURL, adminToken }, use) => {
    const request = await playwright.request.newContext({
      baseURL,
      extraHTTPHeaders: { Authorization: `Bearer ${adminToken}` },
    });
    await use(new SwitchyardApi(request));
    await request.dispose();
  },

  loggedInPage: async ({ page, adminToken }, use) => {
    await signIn(page, adminToken);
    await use(page);
  },

  viewerPage: async ({ page, api }, use) => {
    await signIn(page, await api.createToken('viewer'));
    await use(page);
  },

  rollouts: async ({ api, playwright, baseURL }, use) => {
    const kit = new RolloutKit(api, playwright, baseURL ?? '');
    await use(kit);
    await kit.dispose();
  },
});

export { expect };
