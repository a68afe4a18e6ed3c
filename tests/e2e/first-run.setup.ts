/**
 * First run, as a new user does it: the server has printed a one-time link; opening it creates the
 * first admin, who lands on the dashboard. Then the accounts the specs use are made through the
 * users API, and each one's signed-in state is saved (accounts.ts).
 */
import { expect, test as setup } from '@playwright/test';
import { ACCOUNTS, firstRunLink, ORIGIN, stateOf, type AccountName } from './accounts';

setup('the printed first-run link creates the first admin, who then creates the other accounts', async ({ page, browser }) => {
  await expect.poll(firstRunLink, { timeout: 60_000 }).toMatch(new RegExp(`^${ORIGIN}/setup\\?token=[A-Za-z0-9_-]{43}$`));
  const link = firstRunLink()!;
  const { admin } = ACCOUNTS;
  await page.goto(link);
  await expect(page.getByRole('heading', { name: 'Create the first administrator' })).toBeVisible();
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Name').fill('Regional admin');
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Password again').fill(admin.password);
  await page.getByRole('button', { name: 'Create administrator' }).click();
  // The dashboard opens, signed in; the users page is one click away.
  await expect(page).toHaveURL(`${ORIGIN}/`);
  await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
  await expect(page.getByTestId('account-menu')).toContainText(`${admin.email} · Admin · All countries`);
  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page).toHaveURL(`${ORIGIN}/admin/users`);
  await expect(page.getByTestId('users-table').locator(`tr[data-email="${admin.email}"]`)).toContainText('admin');
  await page.context().storageState({ path: stateOf('admin') });

  // The link works once.
  await page.goto(link);
  await expect(page.locator('p[role="alert"]')).toContainText('This link has been used or has expired');

  for (const name of ['editor', 'viewer', 'kzAnalyst'] as AccountName[]) {
    const a = ACCOUNTS[name];
    const created = await page.request.post('/api/admin/users', {
      data: { email: a.email, name: a.name, password: a.password, role: a.role, countries: a.countries },
      headers: { Origin: ORIGIN },
    });
    expect(created.status(), await created.text()).toBe(201);
    const context = await browser.newContext({ baseURL: ORIGIN });
    const signIn = await context.request.post('/api/auth/sign-in/email', {
      data: { email: a.email, password: a.password },
      headers: { Origin: ORIGIN },
    });
    expect(signIn.status()).toBe(200);
    await context.storageState({ path: stateOf(name) });
    await context.close();
  }
});
