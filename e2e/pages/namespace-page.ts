import type { Locator, Page } from '@playwright/test';

/** The namespace screen and its guard dialogs, by role and accessible name. */
export class NamespacePage {
  constructor(
    private readonly page: Page,
    readonly ns: string,
  ) {}

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/namespaces/${this.ns}${query}`);
  }

  action(name: 'Roll back' | 'Restore' | 'Load snapshot' | 'Apply patch' | 'Kill switch'): Locator {
    return this.page.getByRole('button', { name, exact: true });
  }

  flags(version: number): Locator {
    return this.page.getByRole('table', { name: `Flags in v${version}` });
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  get killBanner(): Locator {
    return this.page.getByText(`Kill switch on: ${this.ns} serves every flag's declared default`);
  }

  /** Picks a one-click reason in a guard dialog. */
  async pickReason(dialog: Locator, reason: string): Promise<void> {
    await dialog.getByRole('group', { name: 'Suggested reasons' }).getByRole('button', { name: reason }).click();
  }

  /** Replaces the JSON in the load/patch editor. */
  async fillEditor(dialog: Locator, label: 'Snapshot JSON' | 'Patch JSON', text: string): Promise<void> {
    await dialog.getByLabel(label).fill(text);
  }
}
