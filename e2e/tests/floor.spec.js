// The office floor, with three browsers as at the office: the clerk's console, the kiosk at
// the entrance and the call display in the waiting room. It needs a staff member and the test
// clock, so it starts its own server: a fresh SQLite database, a staff account made with
// `termin admin create-user` before the start, and `serve --dev-clock` on a loopback port.
const path = require('node:path');
const { test, expect, request: apiRequest } = require('@playwright/test');
const { linkFromMail, mailCount, expectTranslated, expectAccessible, startServerWithStaff, pragueDate, pragueHour } = require('./helpers');

const root = path.resolve(__dirname, '..', '..');
const screenshots = path.join(root, 'docs', 'screenshots');

const OFFICE = 'praha-2';
const VISIT = 'long-term-residence-extension';
const CLERK = { email: 'clerk@mvcr.cz', password: 'counter three coffee 2026', name: 'Jana Nováková' };
const CLIENT = {
  email: `olena.floor.${Date.now()}@example.com`,
  password: 'sunflower kyiv tram 42',
  full_name: 'Olena Kovalenko',
  date_of_birth: '1990-03-27',
  // The client booked in English; the kiosk speaks Czech: the ticket must be in English.
  language: 'en',
};
const SCREEN = { width: 1920, height: 1080 };

let dir;
let baseURL;
let served;

test.beforeAll(async () => {
  served = await startServerWithStaff('floor', CLERK, OFFICE);
  ({ dir, baseURL } = served);
});

test.afterAll(async () => {
  if (served) await served.stop();
});

async function signIn(page, email, password) {
  await page.goto('/login');
  await page.getByLabel('E-mail address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/appointments$/);
}

/** Registers a kiosk or display on the devices page; returns its one-time link. */
async function registerDevice(clerk, name, kind) {
  await clerk.getByLabel('Name', { exact: true }).fill(name);
  await clerk.getByLabel('Kind').selectOption(kind);
  await clerk.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(clerk.getByRole('heading', { name: `"${name}" is registered` })).toBeVisible();
  await expect(clerk.getByText('This link is shown only now.')).toBeVisible();
  const link = await clerk.getByTestId('device-link').innerText();
  expect(link).toMatch(/\/device\/[A-Za-z0-9_-]{43}$/);
  return link;
}

test('kiosk, console and call display: check in with the PIN, call the ticket, see it on the display', async ({ browser }) => {
  test.setTimeout(180_000);
  const api = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': 'en' } });

  // An applicant registers through the API; the e-mail is not confirmed yet.
  let r = await api.post('/api/v1/auth/register', { data: CLIENT });
  expect(r.status(), await r.text()).toBe(201);
  await linkFromMail(CLIENT.email, '/verify-email', 20_000, dir);

  // In the browser the unconfirmed applicant can ask for a new confirmation link, and the
  // office floor is not for applicants.
  const applicantContext = await browser.newContext({ baseURL, locale: 'en-GB', timezoneId: 'Europe/Prague' });
  const applicant = await applicantContext.newPage();
  await signIn(applicant, CLIENT.email, CLIENT.password);
  await applicant.goto('/book');
  await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('Confirm your e-mail address first');
  await expect(applicant.getByRole('button', { name: 'Send me a new confirmation link' })).toBeVisible();
  await applicant.goto('/account');
  await applicant.getByRole('button', { name: 'Send me a new confirmation link' }).click();
  await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('We have sent you a new link');
  await expect(applicant.getByText(`We have sent a new confirmation link to ${CLIENT.email}`)).toBeVisible();
  await expectTranslated(applicant);
  await expect.poll(() => mailCount(CLIENT.email, dir)).toBe(2);
  await expect(applicant.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Office floor' })).toHaveCount(0);
  const refused = await applicant.goto('/floor');
  expect(refused.status()).toBe(403);
  await expect(applicant.getByRole('heading', { level: 1 })).toHaveText('You cannot do this');
  await applicantContext.close();

  // Confirm, sign in, find a slot at least two hours ahead (from 9:00, when the office
  // also takes clients without an appointment) and book it.
  const verifyLink = await linkFromMail(CLIENT.email, '/verify-email', 20_000, dir);
  r = await api.post('/api/v1/auth/verify-email', { data: { token: new URL(verifyLink).searchParams.get('token') } });
  expect(r.status(), await r.text()).toBe(204);
  r = await api.post('/api/v1/auth/login', { data: { email: CLIENT.email, password: CLIENT.password } });
  expect(r.status(), await r.text()).toBe(200);
  const bearer = { Authorization: `Bearer ${(await r.json()).token}` };
  const now = (await (await api.get('/api/v1/dev/clock')).json()).now;
  const from = pragueDate(now);
  const to = pragueDate(Date.parse(now) + 13 * 24 * 3600 * 1000);
  r = await api.get(`/api/v1/offices/${OFFICE}/availability?visit_type=${VISIT}&from=${from}&to=${to}`);
  expect(r.status(), await r.text()).toBe(200);
  const slot = (await r.json()).slots.find(
    (s) => s.remaining > 0 && Date.parse(s.start) > Date.parse(now) + 2 * 3600 * 1000 && pragueHour(s.start) >= 9,
  );
  expect(slot, 'a free slot in the next two weeks').toBeTruthy();
  r = await api.post('/api/v1/appointments', { headers: bearer, data: { office: OFFICE, visit_type: VISIT, start: slot.start } });
  expect(r.status(), await r.text()).toBe(201);
  const { pin } = await r.json();
  expect(pin).toMatch(/^\d{4}$/);

  // The day of the appointment, 10 minutes before it starts: the kiosk accepts the PIN.
  r = await api.put('/api/v1/dev/clock', {
    data: { now: new Date(Date.parse(slot.start) - 10 * 60 * 1000).toISOString() },
  });
  expect(r.status(), await r.text()).toBe(200);

  // The clerk signs in, opens the office and chooses a counter.
  const clerkContext = await browser.newContext({
    baseURL, locale: 'en-GB', timezoneId: 'Europe/Prague', viewport: { width: 1366, height: 900 }, bypassCSP: true,
  });
  const clerk = await clerkContext.newPage();
  await signIn(clerk, CLERK.email, CLERK.password);
  // A staff account made on the command line speaks Czech; this clerk prefers English.
  await clerk.getByRole('link', { name: 'English', exact: true }).click();
  await clerk.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Office floor' }).click();
  await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Office floor');
  await clerk.getByRole('link', { name: 'Praha II' }).click();
  await expect(clerk).toHaveURL(new RegExp(`/floor/${OFFICE}$`));
  await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Praha II');
  await expect(clerk.getByRole('button', { name: 'Call next' })).toBeDisabled();
  await clerk.getByLabel('Counter', { exact: true }).fill('3');
  await clerk.getByRole('button', { name: 'Save counter' }).click();
  await expect(clerk.getByRole('status')).toHaveText('Counter saved: 3.');
  await expect(clerk.getByText('You are working at counter 3.')).toBeVisible();
  // Today's agenda names the client, to check identity (bookings are non-transferable).
  await expect(clerk.getByRole('table', { name: "Today's appointments" })).toContainText('Olena Kovalenko');
  await expect(clerk.getByRole('table', { name: "Today's appointments" })).toContainText('27/3/1990');
  await expectTranslated(clerk);

  // Kiosk and display are registered, their links shown once.
  await clerk.getByRole('link', { name: 'Kiosks and displays of this office' }).click();
  await expect(clerk.getByRole('heading', { level: 1 })).toHaveText('Kiosks and displays');
  const kioskLink = await registerDevice(clerk, 'Kiosk at the entrance', 'kiosk');
  const displayLink = await registerDevice(clerk, 'Display in the waiting room', 'display');
  await expect(clerk.getByRole('table', { name: 'Registered screens' })).toContainText('Kiosk at the entrance');
  await expectTranslated(clerk);
  await expectAccessible(clerk);

  // The kiosk, in Czech and without JavaScript: the digit pad works by plain form posts.
  const kioskContext = await browser.newContext({
    baseURL, locale: 'cs-CZ', timezoneId: 'Europe/Prague', viewport: SCREEN, javaScriptEnabled: false,
  });
  const kiosk = await kioskContext.newPage();
  await kiosk.goto(kioskLink);
  await expect(kiosk).toHaveURL(/\/kiosk$/);
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('Zadejte svůj PIN');
  for (const name of ['Čeština', 'English', 'Українська', 'Русский', 'Tiếng Việt']) {
    await expect(kiosk.getByRole('link', { name, exact: true })).toBeVisible();
  }
  await expectTranslated(kiosk);
  await kiosk.screenshot({ path: path.join(screenshots, 'kiosk.png') });
  for (const digit of pin) {
    await kiosk.getByRole('button', { name: digit, exact: true }).click();
  }
  await expect(kiosk.getByLabel('Zadejte svůj PIN')).toHaveValue(pin);
  await kiosk.getByRole('button', { name: 'Potvrdit' }).click();
  const ticketNumber = kiosk.getByTestId('ticket-number');
  await expect(ticketNumber).toHaveText(/^[A-Z]-\d{3}$/);
  const ticket = (await ticketNumber.innerText()).trim();
  // The ticket speaks the client's language, says where to wait, and shows nothing personal.
  await expect(kiosk.locator('html')).toHaveAttribute('lang', 'en');
  await expect(kiosk.getByText('You are next in line.')).toBeVisible();
  await expect(kiosk.getByText(/Take a seat and watch the screen/)).toBeVisible();
  await expect(kiosk.locator('body')).not.toContainText('Kovalenko');
  await expect(kiosk.locator('meta[http-equiv="refresh"]')).toHaveAttribute('content', /^20;url=\/kiosk$/);
  await expectTranslated(kiosk);
  await kiosk.screenshot({ path: path.join(screenshots, 'kiosk-ticket.png') });
  await kiosk.getByRole('link', { name: 'Done' }).click();
  await expect(kiosk.getByRole('heading', { level: 1 })).toHaveText('Zadejte svůj PIN');

  // The same kiosk with JavaScript, in English: a wrong PIN has its own message; a ticket
  // without an appointment queues behind the appointment.
  const kioskJsContext = await browser.newContext({
    baseURL, locale: 'cs-CZ', timezoneId: 'Europe/Prague', viewport: SCREEN, bypassCSP: true,
  });
  const kioskJs = await kioskJsContext.newPage();
  await kioskJs.goto(kioskLink);
  await kioskJs.getByRole('link', { name: 'English', exact: true }).click();
  await expect(kioskJs.getByRole('heading', { level: 1 })).toHaveText('Type your PIN');
  const wrong = String((Number(pin) + 1) % 10000).padStart(4, '0');
  for (const digit of wrong) {
    await kioskJs.getByRole('button', { name: digit, exact: true }).click();
  }
  await expect(kioskJs.getByLabel('Type your PIN')).toHaveValue(wrong);
  await kioskJs.getByRole('button', { name: 'Delete' }).click();
  await expect(kioskJs.getByLabel('Type your PIN')).toHaveValue(wrong.slice(0, 3));
  await kioskJs.getByRole('button', { name: wrong[3], exact: true }).click();
  await kioskJs.getByRole('button', { name: 'OK' }).click();
  await expect(kioskJs.getByRole('alert')).toContainText('There is no appointment with this PIN today');
  await expect(kioskJs.getByLabel('Type your PIN')).toHaveValue('');
  await expectAccessible(kioskJs);
  await kioskJs.getByRole('link', { name: 'Ticket without an appointment' }).click();
  await expect(kioskJs.getByRole('heading', { level: 1 })).toHaveText('Ticket without an appointment');
  await expectAccessible(kioskJs);
  await kioskJs.getByRole('button', { name: /Confirmation of residence/ }).click();
  const walkIn = (await kioskJs.getByTestId('ticket-number').innerText()).trim();
  expect(walkIn).toMatch(/^[A-Z]-\d{3}$/);
  await expect(kioskJs.getByText('There is 1 person before you.')).toBeVisible();
  // The ticket screen of a shared kiosk goes back to the start by itself (it says so, and
  // "Done" does it at once): essential, so that the next person does not see it (WCAG 2.2.1).
  await expectAccessible(kioskJs, ['meta-refresh']);
  await kioskJsContext.close();

  // The clerk's queue shows both tickets, the appointment first.
  await clerk.goto(`/floor/${OFFICE}`);
  const queue = clerk.getByTestId('queue');
  await expect(queue.locator('tbody tr').nth(0)).toContainText(ticket);
  await expect(queue.locator('tbody tr').nth(1)).toContainText(walkIn);
  await expect(clerk.getByRole('heading', { name: 'In the queue (2)' })).toBeVisible();

  // The display, live through Server-Sent Events.
  const displayContext = await browser.newContext({ baseURL, locale: 'cs-CZ', timezoneId: 'Europe/Prague', viewport: SCREEN });
  // The display keeps the real CSP: its script and its event stream must work under it.
  const display = await displayContext.newPage();
  await display.goto(displayLink);
  await expect(display).toHaveURL(/\/display$/);
  await expect(display.getByText('Dnes zatím nebylo vyvoláno žádné číslo.')).toBeVisible();
  await expect(display.getByRole('button', { name: 'Zapnout zvuk' })).toBeVisible();
  await expect(display.locator('[aria-live="polite"]')).toHaveCount(1);
  // Let the stream connect, as a display that has been on all morning would be.
  await display.waitForTimeout(500);

  await clerk.getByRole('button', { name: 'Call next' }).click();
  await expect(display.getByTestId('now-ticket').filter({ hasText: ticket })).toBeVisible({ timeout: 1000 });
  await expect(display.locator('#now-counter')).toHaveText('3');
  await expect(clerk.getByRole('status')).toHaveText(`Ticket ${ticket} has been called to counter 3.`);
  const called = clerk.getByRole('table', { name: 'At the counters now' });
  await expect(called).toContainText('Olena Kovalenko');
  await expectTranslated(clerk);
  await expectAccessible(clerk);
  await clerk.screenshot({ path: path.join(screenshots, 'clerk.png'), fullPage: true });

  // Served; the next call (the walk-in) takes the big box and the first moves to the list.
  await clerk.getByRole('button', { name: `Served ${ticket}` }).click();
  await expect(clerk.getByRole('status')).toHaveText(`Ticket ${ticket} is done.`);
  await clerk.getByRole('button', { name: 'Call next' }).click();
  await expect(display.getByTestId('now-ticket').filter({ hasText: walkIn })).toBeVisible({ timeout: 1000 });
  await expect(display.locator('#calls')).toContainText(ticket);
  // Ticket numbers and counters only: never a name.
  await expect(display.locator('body')).not.toContainText('Kovalenko');
  await expect(display.locator('body')).not.toContainText('Olena');
  await expectTranslated(display);
  await display.waitForTimeout(3500); // the highlight animation ends before the picture
  await display.screenshot({ path: path.join(screenshots, 'display.png') });

  // An action the ticket's state does not allow is refused with its own message.
  const csrf = await clerk.locator('input[name="csrf"]').first().inputValue();
  r = await clerk.request.post(`/floor/${OFFICE}/tickets/${ticket}/serve`, { form: { csrf } });
  expect(r.status()).toBe(409);
  expect(await r.text()).toContain('This ticket cannot go to that state');

  // The day's figures; and without JavaScript the display still shows the calls.
  await clerk.goto(`/floor/${OFFICE}`);
  await expect(clerk.locator('.floor-stat').filter({ hasText: 'Served' })).toContainText('1');
  await expect(clerk.locator('.floor-stat').filter({ hasText: 'Checked in' })).toContainText('2');
  const plainContext = await browser.newContext({ baseURL, viewport: SCREEN, javaScriptEnabled: false });
  const plain = await plainContext.newPage();
  await plain.goto(displayLink);
  await expect(plain.getByTestId('now-ticket')).toContainText(walkIn);
  await expect(plain.locator('#calls')).toContainText(ticket);
  await plainContext.close();

  await kioskContext.close();
  await displayContext.close();
  await clerkContext.close();
  await api.dispose();
});
