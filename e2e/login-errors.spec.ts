import { expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';

test('a wrong token is refused with a message that says what to do', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto();
  await login.signInWith('sy_this_token_does_not_exist');
  await expect(login.alert).toHaveText(/That token was not accepted: it may be revoked or mistyped/);
  await expect(page).toHaveURL(/\/login$/);
});

test('an unknown or already used login link is refused, and the token form is offered', async ({ page }) => {
  const login = new LoginPage(page);
  await login.goto('?code=not-a-real-code');
  await expect(login.alert).toHaveText(/That login link is no longer valid: each link works once/);
  await expect(login.token).toBeVisible();
});
