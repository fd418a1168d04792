import type { Locator, Page } from '@playwright/test';

/** What every screen has: the connection indicator, the degraded banner, the palette. */
export class Shell {
  readonly degradedBanner: Locator;

  constructor(private readonly page: Page) {
    this.degradedBanner = page.getByRole('region', { name: 'API unreachable' });
  }

  connection(state: 'Live' | 'Polling' | 'Reconnecting…' | 'Offline'): Locator {
    return this.page.getByRole('status', { name: `Connection: ${state}` });
  }

  async openPalette(): Promise<Locator> {
    await this.page.keyboard.press('ControlOrMeta+k');
    const palette = this.page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('combobox', { name: 'Jump to a namespace or screen' }).waitFor();
    return palette;
  }
}
