/**
 * Access in the browser: an admin creates an analyst on /admin/users and signs out; a dashboard
 * link copied before, opened signed out, goes to sign-in and comes back to the same URL with the
 * same KPIs, under the CSP. Each page as each kind of account. Screenshots of the sign-in page and
 * the users page, in English and Russian.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { ACCOUNTS, ORIGIN, stateOf, type TestAccount } from './accounts';
import { screenshotPath } from './screenshots';

const ANALYST = { email: 'analyst@example.org', name: 'Aigerim Analyst', password: 'analyst passphrase for tests' };

/** Console errors and CSP violations a page reports. */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    // A 401 of the session probe after sign-out is expected; anything else is not.
    if (m.type() === 'error' && !/status of 401/.test(m.text())) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`Content Security Policy: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return errors;
}

const kpis = async (page: Page) => {
  const read = async (key: string) => Number(await page.getByTestId(`kpi-${key}`).getAttribute('data-value'));
  return { count: await read('count'), kgEq: await read('kgEq'), valueUsd: await read('valueUsd') };
};

/** A browser signed in afresh as `account` (its own session: signing out here ends no other test's). */
async function signedIn(browser: Browser, account: TestAccount): Promise<Page> {
  const context = await browser.newContext({ baseURL: ORIGIN, storageState: undefined });
  const response = await context.request.post('/api/auth/sign-in/email', {
    data: { email: account.email, password: account.password },
    headers: { Origin: ORIGIN },
  });
  expect(response.status()).toBe(200);
  return context.newPage();
}

test.describe('access', () => {
  test(
    'an admin creates an analyst; a link opened signed out returns after sign-in to the same view and KPIs',
    { tag: '@screenshot' },
    async ({ browser }) => {
      const page = await signedIn(browser, ACCOUNTS.admin);
      const errors = watchErrors(page);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: ORIGIN });

      await page.goto('/admin/users');
      const form = page.getByTestId('new-user');
      await form.getByLabel('Email').fill(ANALYST.email);
      await form.getByLabel('Name').fill(ANALYST.name);
      await form.getByLabel('Password').fill(ANALYST.password);
      await form.getByLabel('Role').selectOption('analyst');
      await expect(form.getByLabel('All countries')).toBeChecked();
      await form.getByRole('button', { name: 'Create account' }).click();
      await expect(page.getByTestId('users-message')).toHaveText(`Account ${ANALYST.email} created.`);
      const row = page.getByTestId('users-table').locator(`tr[data-email="${ANALYST.email}"]`);
      await expect(row).toContainText('Analyst');
      await expect(row).toContainText('All countries');
      await expect(page.getByTestId('users-table').locator(`tr[data-email="${ACCOUNTS.kzAnalyst.email}"]`)).toContainText('Kazakhstan');
      await page.screenshot({ path: screenshotPath('users-en.png'), fullPage: true });
      await page.goto('/admin/users?lang=ru');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Пользователи');
      await page.screenshot({ path: screenshotPath('users-ru.png'), fullPage: true });

      // The admin copies a briefing link from the dashboard.
      await page.goto('/?lang=ru&substance=heroin,opium&from=2024-01-01&to=2025-12-31&l=points,routes&sel=oybek');
      await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
      await page.getByTestId('copy-link').click();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      expect(link.startsWith(`${ORIGIN}/?`)).toBe(true);
      const briefed = await kpis(page);
      expect(briefed.count).toBeGreaterThan(0);

      await page.getByRole('button', { name: 'Выйти' }).click();
      await expect(page).toHaveURL(`${ORIGIN}/sign-in?lang=ru`);

      // Signed out, the link leads to sign-in, in the link's language, keeping the link to return to.
      await page.goto(link);
      await expect(page).toHaveURL(/\/sign-in\?next=/);
      const next = new URL(new URL(page.url()).searchParams.get('next')!, ORIGIN);
      const sameView = (url: URL) => ({ path: url.pathname, keys: [...url.searchParams.entries()] });
      expect(sameView(next)).toEqual(sameView(new URL(link)));
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Вход');
      await page.screenshot({ path: screenshotPath('sign-in-ru.png') });
      await page.getByLabel('Эл. почта').fill(ANALYST.email);
      await page.getByLabel('Пароль').fill('not the password at all');
      await page.getByRole('button', { name: 'Войти' }).click();
      await expect(page.locator('p[role="alert"]')).toHaveText('Неверная эл. почта или пароль.');
      await page.getByLabel('Пароль').fill(ANALYST.password);
      await page.getByRole('button', { name: 'Войти' }).click();

      // Back on the briefed view: the same path and every key with its value, in order.
      await expect(page).toHaveURL(/^[^?]*\/\?/);
      expect(sameView(new URL(page.url()))).toEqual(sameView(new URL(link)));
      await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
      await expect.poll(async () => (await kpis(page)).count).toBe(briefed.count);
      expect(await kpis(page)).toEqual(briefed);
      await expect(page.getByTestId('blo-panel')).toHaveAttribute('data-code', 'oybek');
      await expect(page.getByTestId('account-menu')).toContainText(`${ANALYST.email} · Аналитик · Все страны`);
      // An analyst exports but does not import or manage users.
      await expect(page.getByRole('link', { name: 'Импорт' })).toHaveCount(0);
      await expect(page.getByRole('link', { name: 'Пользователи' })).toHaveCount(0);
      expect(errors).toEqual([]);
      await page.context().close();
    },
  );

  test('the sign-in page in English, with a return path that leaves the app refused', { tag: '@screenshot' }, async ({ browser }) => {
    const context = await browser.newContext({ baseURL: ORIGIN, storageState: undefined });
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto('/sign-in?next=https%3A%2F%2Fevil.example%2F');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await page.screenshot({ path: screenshotPath('sign-in-en.png') });
    await page.getByLabel('Email').fill(ACCOUNTS.viewer.email);
    await page.getByLabel('Password').fill(ACCOUNTS.viewer.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${ORIGIN}/`);
    await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
    expect(errors).toEqual([]);
    await context.close();
  });
});

type Seen = 'page' | 'forbidden' | 'sign-in';
const PAGES: { path: string; ready: (page: Page) => Promise<void> }[] = [
  { path: '/', ready: (page) => expect(page.getByTestId('map')).toBeVisible() },
  { path: '/import', ready: (page) => expect(page.getByRole('heading', { name: 'Import seizures' })).toBeVisible() },
  { path: '/brief', ready: (page) => expect(page.getByTestId('brief')).toBeVisible() },
  { path: '/pairs', ready: (page) => expect(page.getByTestId('pairs')).toBeVisible() },
  { path: '/imports', ready: (page) => expect(page.getByRole('heading', { name: 'Import history' })).toBeVisible() },
  { path: '/admin/users', ready: (page) => expect(page.getByTestId('users-table')).toBeVisible() },
];
const MATRIX: { who: 'signed-out' | 'viewer' | 'kzAnalyst' | 'editor' | 'admin'; sees: Seen[] }[] = [
  { who: 'signed-out', sees: ['sign-in', 'sign-in', 'sign-in', 'sign-in', 'sign-in', 'sign-in'] },
  { who: 'viewer', sees: ['page', 'forbidden', 'page', 'page', 'forbidden', 'forbidden'] },
  { who: 'kzAnalyst', sees: ['page', 'forbidden', 'page', 'page', 'forbidden', 'forbidden'] },
  { who: 'editor', sees: ['page', 'page', 'page', 'page', 'page', 'forbidden'] },
  { who: 'admin', sees: ['page', 'page', 'page', 'page', 'page', 'page'] },
];

for (const { who, sees } of MATRIX) {
  test(`pages as ${who}: ${PAGES.map((p, i) => `${p.path} → ${sees[i]}`).join(', ')}`, async ({ browser }) => {
    const context = await browser.newContext({ baseURL: ORIGIN, storageState: who === 'signed-out' ? undefined : stateOf(who) });
    const page = await context.newPage();
    for (const [i, { path, ready }] of PAGES.entries()) {
      const response = await page.goto(`${path}?lang=en`);
      expect(response!.status(), path).toBe(200);
      if (sees[i] === 'sign-in') {
        await expect(page).toHaveURL(`${ORIGIN}/sign-in?next=${encodeURIComponent(`${path}?lang=en`)}`);
      } else if (sees[i] === 'forbidden') {
        await expect(page.getByRole('heading', { name: 'Not available to your account' })).toBeVisible();
        await expect(page.locator('p[role="alert"]')).toContainText(
          /^Your account \((Viewer|Analyst|Editor)\) cannot (import seizures|manage accounts): that needs the (Editor|Admin) role or above/,
        );
      } else {
        await ready(page);
      }
    }
    if (who === 'viewer') {
      // The dashboard offers a viewer neither imports nor seizure files.
      await page.goto('/');
      await expect(page.getByRole('link', { name: 'Import' })).toHaveCount(0);
      await page.getByTestId('export-menu').locator('summary').click();
      await expect(page.getByRole('link', { name: 'Seizures (CSV)' })).toHaveCount(0);
    }
    if (who === 'kzAnalyst') {
      await page.goto('/');
      await expect(page.getByTestId('map')).toHaveAttribute('data-map-state', 'idle');
      await expect(page.getByTestId('blo-marker')).toHaveCount(3);
    }
    await context.close();
  });
}
