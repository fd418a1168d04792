import type { Locator, Page } from '@playwright/test';

/** /insights: numbers per namespace, each opening the events behind it. */
export class InsightsPage {
  readonly riskTable: Locator;
  readonly drawer: Locator;

  constructor(private readonly page: Page) {
    this.riskTable = page.getByRole('table', { name: 'Namespaces by risk, riskiest first' });
    this.drawer = page.getByRole('dialog');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/insights${query}`);
  }

  /** The risk table's row of one namespace. */
  row(ns: string): Locator {
    return this.riskTable.getByRole('row').filter({ has: this.page.getByRole('rowheader').getByRole('link', { name: ns, exact: true }) });
  }

  /** A number of that row, by the accessible name of its link (e.g. "2 failed changes in <ns>: show them"). */
  number(ns: string, name: string | RegExp): Locator {
    return this.row(ns).getByRole('link', { name });
  }
}
