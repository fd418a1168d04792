import type { Locator, Page } from '@playwright/test';

/** The history of one namespace: a virtualised table of versions, newest first. */
export class HistoryPage {
  readonly table: Locator;

  constructor(
    private readonly page: Page,
    readonly ns: string,
  ) {
    this.table = page.getByRole('table', { name: `Versions of ${ns}` });
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/namespaces/${this.ns}/history${query}`);
  }

  /** The row whose header is exactly this version. */
  row(version: number): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('rowheader').getByRole('link', { name: `v${version}`, exact: true }) });
  }

  pick(version: number): Locator {
    return this.page.getByRole('checkbox', { name: `Compare v${version}` });
  }
}
