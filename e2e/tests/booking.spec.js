// The main story, with JavaScript switched off in the browser: register, confirm the
// e-mail from the outbox, sign in, book, see the PIN, cancel.
const path = require('node:path');
const { test, expect } = require('@playwright/test');
const { linkFromMail, expectTranslated } = require('./helpers');

const screenshots = path.resolve(__dirname, '..', '..', 'docs', 'screenshots');

/** The first choice offered, or the first one `accept` likes. */
async function chooseRadio(page, accept = () => true) {
  const radios = page.locator('input[type=radio]');
  const count = await radios.count();
  expect(count, `choices on ${page.url()}`).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const value = await radios.nth(i).getAttribute('value');
    if (accept(value)) {
      await radios.nth(i).check();
      return value;
    }
  }
  throw new Error(`no acceptable choice on ${page.url()}`);
}

async function continueTo(page, urlPart) {
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(urlPart));
  await expectTranslated(page);
}

test('register, confirm, sign in, book, see the PIN, cancel', async ({ page }) => {
  const email = `olena.${Date.now()}@example.com`;
  const password = 'sunflower kyiv tram 42';

  // Register.
  await page.goto('/');
  await expectTranslated(page);
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Create an account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Create an account');
  await expectTranslated(page);

  // A mistake first: the error summary links to the field, and what was typed is kept.
  await page.getByLabel('E-mail address').fill('not-an-address');
  await page.getByLabel('Full name').fill('Olena Kovalenko');
  await page.getByRole('button', { name: 'Create account' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary.getByRole('link').first()).toHaveAttribute('href', '#email');
  await expect(page.getByLabel('Full name')).toHaveValue('Olena Kovalenko');
  await expect(page).toHaveTitle(/^Error:/);
  await expectTranslated(page);

  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Day').fill('27');
  await page.getByLabel('Month').fill('3');
  await page.getByLabel('Year').fill('1990');
  await page.getByLabel('Language for e-mails').selectOption('en');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your e-mail');
  await expectTranslated(page);

  // Confirm the e-mail address with the link from the outbox.
  const link = await linkFromMail(email, '/verify-email');
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Confirm your e-mail address');
  await page.getByRole('button', { name: 'Confirm my e-mail address' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mail address confirmed');
  await expectTranslated(page);

  // Sign in: a wrong password first gets the same words as an unknown e-mail.
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill('wrong password here');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toContainText('not correct');
  await expect(page.getByLabel('E-mail address')).toHaveValue(email);
  await expect(page.getByLabel('Password')).toHaveValue('');
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/appointments$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My appointments');
  await expectTranslated(page);

  // Book: what for, where, which day, what time, for whom, check, confirm.
  await page.getByRole('link', { name: 'Book an appointment' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What is the appointment for?');
  await expectTranslated(page);
  // Continuing without a choice says what to do.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose what the appointment is for');
  await chooseRadio(page);
  await continueTo(page, '/book/office');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which office do you want to go to?');
  await chooseRadio(page);
  await continueTo(page, '/book/day');
  // A day at least two days ahead, so that the 24-hour cancellation rule lets us cancel.
  const soonest = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  await chooseRadio(page, (day) => day >= soonest);
  await continueTo(page, '/book/time');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What time?');
  await page.screenshot({ path: path.join(screenshots, 'booking.png'), fullPage: true });
  await chooseRadio(page);
  await continueTo(page, '/book/person');
  await expect(page.getByRole('radio', { name: /Olena Kovalenko \(me\)/ })).toBeChecked();
  await continueTo(page, '/book/confirm');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your appointment');
  await page.getByRole('button', { name: 'Confirm booking' }).click();

  // The confirmation: the PIN in large type, and a calendar file.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your appointment is booked');
  const pin = (await page.getByTestId('pin').innerText()).trim();
  expect(pin).toMatch(/^\d{4}$/);
  await expect(page.getByRole('link', { name: 'Add to calendar' })).toHaveAttribute('href', /calendar\.ics$/);
  await expectTranslated(page);
  await page.screenshot({ path: path.join(screenshots, 'confirmation.png'), fullPage: true });
  const ics = await page.request.get(await page.getByRole('link', { name: 'Add to calendar' }).getAttribute('href'));
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toContain('text/calendar');
  expect(await ics.text()).toContain(pin);

  // My appointments: the PIN is there; cancel.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My appointments' }).click();
  await expect(page.locator('.pin-small')).toHaveText(pin);
  await expect(page.locator('.tag').first()).toHaveText('Booked');
  await page.getByRole('button', { name: /Cancel appointment/ }).first().click();
  await expect(page.getByRole('status')).toContainText('has been cancelled');
  await expect(page.getByRole('heading', { name: 'Past and cancelled' })).toBeVisible();
  await expect(page.locator('.tag').first()).toHaveText('Cancelled');
  await expect(page.locator('.pin-small')).toHaveCount(0);
  await expectTranslated(page);

  // My account shows the cancellation under the rules.
  await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'My account' }).click();
  await expect(page.getByText(/1 cancellation, 9 left/)).toBeVisible();
  await expectTranslated(page);

  // Sign out.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Sign in' })).toBeVisible();
});
