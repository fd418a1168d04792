import type { Locator, Page } from '@playwright/test';

/** The rollout page by role: header, banner, stage track, gate, actions and the guard dialog. */
export class RolloutPage {
  readonly heading: Locator;
  readonly steps: Locator;
  readonly currentStep: Locator;
  readonly gate: Locator;
  readonly dialog: Locator;

  constructor(private readonly page: Page, readonly id: string) {
    this.heading = page.getByRole('heading', { level: 1, name: new RegExp(id) });
    this.steps = page.getByRole('list', { name: 'Rollout steps' });
    this.currentStep = this.steps.locator('[aria-current="step"]');
    this.gate = page.getByRole('region', { name: /^Gate/ });
    this.dialog = page.getByRole('dialog');
  }

  async goto(query = ''): Promise<void> {
    await this.page.goto(`/rollouts/${this.id}${query}`);
    await this.heading.waitFor();
  }

  action(name: 'Promote' | 'Pause' | 'Resume' | 'Roll back'): Locator {
    return this.page.getByRole('group', { name: 'Rollout actions' }).getByRole('button', { name, exact: true });
  }

  /** Opens an action's guard dialog, picks a suggested reason (or types one) and confirms. */
  async act(name: 'Promote' | 'Pause' | 'Resume' | 'Roll back', reason: string, confirm: string): Promise<void> {
    await this.action(name).click();
    await this.dialog.getByLabel('Reason', { exact: true }).fill(reason);
    await this.dialog.getByRole('button', { name: confirm }).click();
  }

  banner(title: string | RegExp): Locator {
    // The banner is named by its title; toasts (also role=status) have no name, so they never match.
    return this.page.getByRole('status', { name: title });
  }
}
