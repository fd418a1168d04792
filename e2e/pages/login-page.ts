import type { Locator, Page } from '@playwright/test';

export class LoginPage {
  readonly token: Locator;
  readonly signIn: Locator;
  readonly alert: Locator;

  constructor(private readonly page: Page) {
    this.token = page.getByLabel('API token');
    this.signIn = page.getByRole('button', { name: 'Sign in' });
    this.alert = page.getByRole('alert');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/login${query}`);
  }

  async signInWith(token: string): Promise<void> {
    await this.token.fill(token);
    await this.signIn.click();
  }
}
