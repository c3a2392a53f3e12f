// Public pages: languages, the office directory, error pages, CSRF, and an accessibility scan.
const fs = require('node:fs');
const { test, expect } = require('@playwright/test');
const { expectTranslated, linkFromMail } = require('./helpers');

const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.1 A/AA rules; serious and critical findings fail the test. */
async function expectAccessible(page) {
  await page.evaluate(axeSource);
  const results = await page.evaluate(() =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }),
  );
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(bad, `accessibility problems on ${page.url()}`).toEqual([]);
}

test.use({ bypassCSP: true });

test('language switch: Czech, English, Ukrainian, Russian and Vietnamese', async ({ page }) => {
  await page.goto('/offices');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.getByRole('link', { name: 'Čeština' }).click();
  await expect(page).toHaveURL(/\/offices$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'cs');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Pracoviště');
  await expectTranslated(page);
  for (const name of ['Українська', 'Русский', 'Tiếng Việt']) {
    await page.getByRole('link', { name }).click();
    await expect(page.getByRole('link', { name })).toHaveAttribute('aria-current', 'true');
    await expectTranslated(page);
  }
  await page.getByRole('link', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Offices');
});

test('office directory shows hours, breaks, BIO offices and offices without hours', async ({ page }) => {
  await page.goto('/offices');
  await expectTranslated(page);
  const praha5 = page.locator('#office-praha-5');
  await expect(praha5).toContainText('08:00–12:00, 12:30–15:00');
  await expect(praha5).toContainText('closed 12:00–12:30');
  await expect(praha5).toContainText('Takes fingerprints and photos (BIO office)');
  await expect(page.locator('#office-praha-1')).toContainText('only with permanent residence');
  await expect(page.locator('#office-brno')).toContainText('Booked clients only');
  await expect(page.locator('#office-cheb')).toContainText('Opening hours are not published');
  await expect(page.locator('#office-jicin')).toContainText('Address not confirmed');
  await expectAccessible(page);
});

test('accessible pages: home, sign in, registration with errors', async ({ page }) => {
  await page.goto('/');
  await expectAccessible(page);
  await page.goto('/login');
  await expectAccessible(page);
  await page.goto('/register');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectTranslated(page);
  await expectAccessible(page);
});

test('friendly error pages and the CSRF check', async ({ page, request }) => {
  const missing = await page.goto('/no-such-page');
  expect(missing.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expectTranslated(page);

  // A form posted without the token of this browser's cookie is refused with a page.
  const forged = await request.post('/login', {
    form: { email: 'a@example.com', password: 'x', csrf: 'forged' },
    headers: { 'Accept-Language': 'en' },
  });
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toContain('This form has expired');

  // Pages that need an account send the visitor to sign in and back.
  await page.goto('/appointments');
  await expect(page).toHaveURL(/\/login\?next=%2Fappointments$/);
  await expect(page.getByText('Sign in to continue.')).toBeVisible();
});

test('accessible pages for a signed-in person: booking steps, confirmation, lists', async ({ page, request }) => {
  // An account made through the JSON API (the same services), confirmed from the outbox.
  const email = `ivan.${Date.now()}@example.com`;
  const password = 'birch river 1980 tea';
  const created = await request.post('/api/v1/auth/register', {
    data: { email, password, full_name: 'Иван Петров', date_of_birth: '1980-01-02', language: 'ru' },
  });
  expect(created.status()).toBe(201);
  const token = new URL(await linkFromMail(email, '/verify-email')).searchParams.get('token');
  expect((await request.post('/api/v1/auth/verify-email', { data: { token } })).status()).toBe(204);

  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/appointments$/);
  await expectAccessible(page);
  // The account speaks Russian, which has page texts now: read the pages in English here.
  await page.goto('/language/en?back=%2Fappointments');

  await page.goto('/book');
  await expectAccessible(page);
  for (const step of ['/book/office', '/book/day', '/book/time', '/book/person', '/book/confirm']) {
    await page.locator('input[type=radio]').first().check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page).toHaveURL(new RegExp(step));
    await expectTranslated(page);
    await expectAccessible(page);
  }
  await page.getByRole('button', { name: 'Confirm booking' }).click();
  await expect(page.getByTestId('pin')).toHaveText(/^\d{4}$/);
  await expectAccessible(page);
  for (const path of ['/appointments', '/account', '/account/children']) {
    await page.goto(path);
    await expectTranslated(page);
    await expectAccessible(page);
  }
  // A child of 15 or more is refused with the reason at the field, and what was typed stays.
  await page.getByLabel("Child's full name").fill('Мария Петрова');
  await page.getByLabel('Day').fill('1');
  await page.getByLabel('Month').fill('1');
  await page.getByLabel('Year').fill('2000');
  await page.getByRole('button', { name: 'Add child' }).click();
  await expect(page.getByRole('alert')).toContainText('younger than 15');
  await expect(page.getByLabel("Child's full name")).toHaveValue('Мария Петрова');
  await expectAccessible(page);
});
