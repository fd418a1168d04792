import { expect, test as base, type Page } from '@playwright/test';
import { SwitchyardApi } from './api-client';

interface Fixtures {
  /** The bootstrap admin token the config started the server with. */
  adminToken: string;
  /** Calls the real API as the admin to arrange data. */
  api: SwitchyardApi;
  /** A page whose browser context already holds an admin session cookie. */
  loggedInPage: Page;
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
    // page.request shares the browser context's cookie jar, so the session cookie lands there.
    const response = await page.request.post('/api/v1/session', {
      data: { token: adminToken },
      headers: { 'X-Requested-With': 'switchyard' },
    });
    expect(response.ok(), await response.text()).toBe(true);
    await use(page);
  },
});

export { expect };
