import type { Locator, Page } from '@playwright/test';

export class NamespacesPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly search: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Namespaces' });
    this.table = page.getByRole('table');
    this.search = page.getByRole('searchbox', { name: 'Search namespaces' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/namespaces');
  }

  /** The row whose row header is exactly this namespace. */
  row(name: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader').getByRole('link', { name, exact: true }) });
  }
}
