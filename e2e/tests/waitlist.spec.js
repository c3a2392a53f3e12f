// The waitlist. Anna has a biometrics appointment at Praha II; Bui, in a browser with
// JavaScript switched off, joins the waitlist on the pages for that office, day and part of
// the day. Anna cancels through the API; the freed place is offered to Bui, held for him and
// mailed; he accepts it on the waitlist page and sees the PIN. Then the pages once more in
// Czech, with an accessibility scan and screenshots.
const fs = require('node:fs');
const path = require('node:path');
const { test, expect, request: apiRequest } = require('@playwright/test');
const { linkFromMail, expectTranslated, expectAccessible, decodeMessage, pragueDate, pragueHour } = require('./helpers');

const OFFICE = 'praha-2';
const OFFICE_NAME = 'Praha II';
const VISIT = 'biometrics';
const VISIT_NAME = 'Biometric data capture (Snímání biometrických údajů)';
const stamp = Date.now();
const ANNA = {
  email: `anna.waitlist.${stamp}@example.com`,
  password: 'linden tree morning 31',
  full_name: 'Anna Horáková',
  date_of_birth: '1988-11-02',
  language: 'cs',
};
const BUI = {
  email: `bui.waitlist.${stamp}@example.com`,
  password: 'lotus river evening 58',
  full_name: 'Bui Van Hai',
  date_of_birth: '1992-06-17',
  language: 'en',
};

// Screenshots go next to the test results unless a folder is named.
const shots = process.env.TERMIN_SCREENSHOTS || process.env.TERMIN_E2E_DIR;

/** Registers through the API, confirms the e-mail from the outbox, signs in: the bearer. */
async function account(api, person) {
  let r = await api.post('/api/v1/auth/register', { data: person });
  expect(r.status(), await r.text()).toBe(201);
  const link = await linkFromMail(person.email, '/verify-email');
  r = await api.post('/api/v1/auth/verify-email', { data: { token: new URL(link).searchParams.get('token') } });
  expect(r.status(), await r.text()).toBe(204);
  r = await api.post('/api/v1/auth/login', { data: { email: person.email, password: person.password } });
  expect(r.status(), await r.text()).toBe(200);
  return { Authorization: `Bearer ${(await r.json()).token}` };
}

/** Waits for a message to `to` whose text matches `pattern`; returns its text. */
async function mailMatching(to, pattern, timeoutMs = 20_000) {
  const box = path.join(process.env.TERMIN_E2E_DIR, 'outbox');
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (fs.existsSync(box)) {
      for (const name of fs.readdirSync(box).filter((n) => n.endsWith('.eml'))) {
        const raw = fs.readFileSync(path.join(box, name), 'utf8');
        const text = decodeMessage(raw);
        if (raw.includes(to) && pattern.test(text)) return text;
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail to ${to} matching ${pattern}`);
}

test('join the waitlist on the page, a cancelled place is offered, accepted, with its PIN', async ({ browser, baseURL }) => {
  test.setTimeout(180_000);
  const api = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': 'en' } });
  const anna = await account(api, ANNA);
  await account(api, BUI);

  // Anna books a place at least three days ahead (cancellable, and far enough to be offered).
  const now = Date.now();
  let r = await api.get(
    `/api/v1/offices/${OFFICE}/availability?visit_type=${VISIT}&from=${pragueDate(now)}&to=${pragueDate(now + 30 * 24 * 3600 * 1000)}`,
  );
  expect(r.status(), await r.text()).toBe(200);
  const slot = (await r.json()).slots.find((s) => s.remaining > 0 && Date.parse(s.start) > now + 72 * 3600 * 1000);
  expect(slot, 'a free biometrics place in the next month').toBeTruthy();
  r = await api.post('/api/v1/appointments', { headers: anna, data: { office: OFFICE, visit_type: VISIT, start: slot.start } });
  expect(r.status(), await r.text()).toBe(201);
  const annas = (await r.json()).id;
  const day = pragueDate(slot.start);
  const morning = pragueHour(slot.start) < 12;

  // Bui signs in, without JavaScript.
  const context = await browser.newContext({
    baseURL, locale: 'en-GB', timezoneId: 'Europe/Prague', javaScriptEnabled: false, viewport: { width: 390, height: 844 },
  });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(BUI.email);
  await page.getByLabel('Password').fill(BUI.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('My appointments');

  // The waitlist is in the main menu; nothing there yet.
  const menu = page.getByRole('navigation', { name: 'Main menu' });
  await menu.getByRole('link', { name: 'Waitlist' }).click();
  await expect(page).toHaveURL(/\/waitlist$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Waitlist');
  await expect(menu.getByRole('link', { name: 'Waitlist' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByText('You are not on the waitlist.')).toBeVisible();
  await expectTranslated(page);

  // Step 1: what for. Continuing without a choice says what to do.
  await page.getByRole('link', { name: 'Join the waitlist' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What would the appointment be for?');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose what the appointment is for');
  await expect(page).toHaveTitle(/^Error:/);
  await page.getByRole('radio', { name: VISIT_NAME }).check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // Step 2: where, which days, what times of day.
  await expect(page).toHaveURL(new RegExp(`/waitlist/new\\?visit_type=${VISIT}&asked=1$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Where and when could you come?');
  await expectTranslated(page);
  const offices = page.getByRole('group', { name: 'Which offices could you go to?' });
  await offices.getByRole('checkbox', { name: OFFICE_NAME, exact: true }).check();
  // A mistake first: no time of day. The summary links to the boxes; the choices stay.
  const times = page.getByRole('group', { name: 'What times of day suit you?' });
  await times.getByRole('checkbox', { name: 'Morning' }).uncheck();
  await times.getByRole('checkbox', { name: 'Afternoon' }).uncheck();
  await page.getByRole('button', { name: 'Join the waitlist' }).click();
  const summary = page.getByRole('alert');
  await expect(summary).toContainText('There is a problem');
  await expect(summary.getByRole('link', { name: 'Choose the morning, the afternoon or both.' })).toHaveAttribute('href', '#times');
  await expect(page).toHaveTitle(/^Error:/);
  await expect(offices.getByRole('checkbox', { name: OFFICE_NAME, exact: true })).toBeChecked();
  await expectTranslated(page);

  const days = page.getByRole('group', { name: 'Which days could you come?' });
  await days.getByLabel('First day').fill(day);
  await days.getByLabel('Last day').fill(day);
  await times.getByRole('checkbox', { name: morning ? 'Morning' : 'Afternoon' }).check();
  await page.getByRole('button', { name: 'Join the waitlist' }).click();

  // In line, first.
  await expect(page).toHaveURL(/\/waitlist\?filed=\d+$/);
  await expect(page.getByRole('status')).toContainText(`You are on the waitlist for: ${VISIT_NAME}. Your place in line: 1.`);
  const request = page.getByRole('article', { name: VISIT_NAME });
  await expect(request.locator('.tag')).toHaveText('Waiting');
  await expect(request).toContainText(OFFICE_NAME);
  await expect(request.getByRole('button', { name: /Leave the waitlist/ })).toBeVisible();
  await expect(request.getByRole('button', { name: /Accept this place/ })).toHaveCount(0);
  await expectTranslated(page);

  // Anna cancels: the place is offered to Bui in the same transaction, and mailed to him.
  r = await api.post(`/api/v1/appointments/${annas}/cancel`, { headers: anna });
  expect(r.status(), await r.text()).toBe(200);
  const mail = await mailMatching(BUI.email, /held for you/);
  expect(mail).toContain(OFFICE_NAME);
  expect(mail).toMatch(/https?:\/\/[^\s]+\/waitlist/);

  await page.reload();
  const offer = request.getByRole('region', { name: 'A place is held for you' });
  await expect(offer).toBeVisible();
  await expect(request.locator('.tag')).toHaveText('Place offered');
  await expect(offer).toContainText(OFFICE_NAME);
  await expect(offer).toContainText(VISIT_NAME);
  await expect(offer).toContainText('Held for you until');
  await expectTranslated(page);
  if (shots) await page.screenshot({ path: path.join(shots, 'waitlist-offer-en.png'), fullPage: true });

  // Accept: the appointment, with its PIN in large type, as after booking.
  await offer.getByRole('button', { name: /Accept this place/ }).click();
  await expect(page).toHaveURL(/\/appointments\/\d+\?booked=1$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your appointment is booked');
  const pin = (await page.getByTestId('pin').innerText()).trim();
  expect(pin).toMatch(/^\d{4}$/);
  await expect(page.locator('main')).toContainText(OFFICE_NAME);
  await expectTranslated(page);
  if (shots) await page.screenshot({ path: path.join(shots, 'waitlist-accepted-en.png'), fullPage: true });

  // The waitlist says so, and leads to the appointment.
  await menu.getByRole('link', { name: 'Waitlist' }).click();
  await expect(request.locator('.tag')).toHaveText('Booked');
  await expect(request.getByRole('link', { name: 'See the appointment and its PIN' })).toHaveAttribute('href', /\/appointments\/\d+$/);
  await expect(request.getByRole('button', { name: /Leave the waitlist/ })).toHaveCount(0);

  // The same pages in Czech, with JavaScript for the accessibility scan.
  const cookies = await context.storageState();
  await context.close();
  const czech = await browser.newContext({
    baseURL, locale: 'cs-CZ', timezoneId: 'Europe/Prague', viewport: { width: 1280, height: 900 }, bypassCSP: true, storageState: cookies,
  });
  const cs = await czech.newPage();
  await cs.goto('/waitlist');
  await cs.getByRole('link', { name: 'Čeština' }).click();
  await expect(cs.getByRole('heading', { level: 1 })).toHaveText('Čekací listina');
  await expect(cs.locator('.tag').first()).toHaveText('Objednáno');
  await expectTranslated(cs);
  await expectAccessible(cs);
  if (shots) await cs.screenshot({ path: path.join(shots, 'waitlist-list-cs.png'), fullPage: true });
  await cs.goto(`/waitlist/new?visit_type=${VISIT}&office=${OFFICE}`);
  await expect(cs.getByRole('heading', { level: 1 })).toHaveText('Kam a kdy byste mohli přijít?');
  await expect(cs.getByRole('checkbox', { name: OFFICE_NAME, exact: true })).toBeChecked();
  await expectTranslated(cs);
  await expectAccessible(cs);
  if (shots) await cs.screenshot({ path: path.join(shots, 'waitlist-new-cs.png'), fullPage: true });
  // A mistake in Czech: the summary in Czech.
  await cs.getByRole('checkbox', { name: 'Dopoledne' }).uncheck();
  await cs.getByRole('checkbox', { name: 'Odpoledne' }).uncheck();
  await cs.getByRole('button', { name: 'Zapsat se na čekací listinu' }).click();
  await expect(cs.getByRole('alert')).toContainText('Vyberte dopoledne, odpoledne, nebo obojí.');
  await expectAccessible(cs);
  if (shots) await cs.screenshot({ path: path.join(shots, 'waitlist-error-cs.png'), fullPage: true });
  await czech.close();
  await api.dispose();
});
