// Guidance, as a person without an account uses it: "What do I need to do?" one question per
// page, the result with dates and a countdown, a calendar file, and "Book this visit" opening
// the booking flow with the visit chosen and only the offices that fit: for a card pickup,
// only the office where the client's biometric data were taken. Then the Schengen 90/180
// calculator (numbers, SVG timeline, a refused stay) and a printable checklist.
//
// The biometric data must have been taken at an office, which needs a clerk and the test
// clock, so this spec starts its own server like floor.spec.js.
const path = require('node:path');
const { test, expect, request: apiRequest } = require('@playwright/test');
const { linkFromMail, expectTranslated, expectAccessible, startServerWithStaff, pragueDate, pragueHour } = require('./helpers');

const root = path.resolve(__dirname, '..', '..');
const screenshots = path.join(root, 'docs', 'screenshots');

const OFFICE = 'praha-3';
const OFFICE_NAME = 'Praha III';
const CLERK = { email: 'clerk.guide@mvcr.cz', password: 'fingerprint desk four 2026', name: 'Petr Svoboda' };
const CLIENT = {
  email: `minh.guide.${Date.now()}@example.com`,
  password: 'pho bo hanoi street 7',
  full_name: 'Nguyen Van Minh',
  date_of_birth: '1985-08-14',
  language: 'en',
};

let dir;
let baseURL;
let served;

test.beforeAll(async () => {
  served = await startServerWithStaff('guide', CLERK, OFFICE);
  ({ dir, baseURL } = served);
});

test.afterAll(async () => {
  if (served) await served.stop();
});

async function newPage(browser, options = {}) {
  const context = await browser.newContext({
    baseURL, locale: 'en-GB', timezoneId: 'Europe/Prague', viewport: { width: 1280, height: 900 }, bypassCSP: true,
    ...options,
  });
  return { context, page: await context.newPage() };
}

/**
 * The client's biometric data are taken at Praha III: an appointment booked through the API,
 * checked in, called and served by the clerk on the day. Returns that day (Prague).
 */
async function biometricsTaken(api) {
  let r = await api.post('/api/v1/auth/register', { data: CLIENT });
  expect(r.status(), await r.text()).toBe(201);
  const verifyLink = await linkFromMail(CLIENT.email, '/verify-email', 20_000, dir);
  r = await api.post('/api/v1/auth/verify-email', { data: { token: new URL(verifyLink).searchParams.get('token') } });
  expect(r.status(), await r.text()).toBe(204);
  r = await api.post('/api/v1/auth/login', { data: { email: CLIENT.email, password: CLIENT.password } });
  expect(r.status(), await r.text()).toBe(200);
  const client = { Authorization: `Bearer ${(await r.json()).token}` };

  const now = (await (await api.get('/api/v1/dev/clock')).json()).now;
  const from = pragueDate(now);
  const to = pragueDate(Date.parse(now) + 13 * 24 * 3600 * 1000);
  r = await api.get(`/api/v1/offices/${OFFICE}/availability?visit_type=biometrics&from=${from}&to=${to}`);
  expect(r.status(), await r.text()).toBe(200);
  const slot = (await r.json()).slots.find(
    (s) => s.remaining > 0 && Date.parse(s.start) > Date.parse(now) + 2 * 3600 * 1000 && pragueHour(s.start) >= 9,
  );
  expect(slot, 'a free biometrics slot in the next two weeks').toBeTruthy();
  r = await api.post('/api/v1/appointments', { headers: client, data: { office: OFFICE, visit_type: 'biometrics', start: slot.start } });
  expect(r.status(), await r.text()).toBe(201);
  const { pin } = await r.json();

  // The day of the appointment: check in, called to counter 2, served.
  r = await api.put('/api/v1/dev/clock', { data: { now: new Date(Date.parse(slot.start) - 10 * 60 * 1000).toISOString() } });
  expect(r.status(), await r.text()).toBe(200);
  r = await api.post('/api/v1/auth/login', { data: { email: CLERK.email, password: CLERK.password } });
  expect(r.status(), await r.text()).toBe(200);
  const clerk = { Authorization: `Bearer ${(await r.json()).token}` };
  r = await api.post(`/api/v1/offices/${OFFICE}/check-in`, { headers: clerk, data: { pin } });
  expect(r.status(), await r.text()).toBe(200);
  r = await api.post(`/api/v1/offices/${OFFICE}/queue/call-next`, { headers: clerk, data: { counter: '2' } });
  expect(r.status(), await r.text()).toBe(200);
  const { ticket } = await r.json();
  r = await api.post(`/api/v1/offices/${OFFICE}/tickets/${ticket}/done`, { headers: clerk });
  expect(r.status(), await r.text()).toBe(200);
  return pragueDate(slot.start);
}

test('what do I need to do: biometrics taken → the card pickup → booking at the same office only', async ({ browser }) => {
  test.setTimeout(180_000);
  const api = await apiRequest.newContext({ baseURL, extraHTTPHeaders: { 'Accept-Language': 'en' } });
  const day = await biometricsTaken(api);
  const [year, month, date] = day.split('-').map(Number);

  const { context, page } = await newPage(browser);
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'What do I need to do?' })).toBeVisible();
  await page.getByRole('link', { name: 'Find out what to do' }).click();

  // One question per page: what happened …
  await expect(page).toHaveURL(/\/guide$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What has happened?');
  await expect(page.getByRole('navigation', { name: 'Main menu' }).getByRole('link', { name: 'Guidance' })).toHaveAttribute('aria-current', 'page');
  await expectTranslated(page);
  await expectAccessible(page);
  // Continuing without a choice says what is missing.
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert')).toContainText('Choose what has happened');
  await page.getByLabel('My biometric data (face image and fingerprints) have been taken').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // … when …
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('When were your biometric data taken?');
  await page.getByLabel('Day').fill(String(date));
  await page.getByLabel('Month').fill(String(month));
  await page.getByLabel('Year').fill('1980');
  await page.getByRole('button', { name: 'Show what I need to do' }).click();
  await expect(page.getByRole('alert')).toContainText('This date is too far in the past for the calculator.');
  await expect(page).toHaveTitle(/^Error:/);
  await expectAccessible(page);
  await page.getByLabel('Year').fill(String(year));
  await page.getByRole('button', { name: 'Show what I need to do' }).click();

  // … what to do, by when, where.
  await expect(page).toHaveURL(new RegExp(`/guide/result\\?event=biometrics-captured&date=${day}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What you need to do');
  const pickup = page.getByTestId('obligation');
  await expect(pickup).toHaveCount(1);
  await expect(pickup.getByRole('heading', { level: 2 })).toHaveText('Collect your residence card in person');
  await expect(pickup).toContainText('Ministry of the Interior – OAMP');
  await expect(pickup).toContainText('Documents for this step go to the Ministry of the Interior (OAMP), not to the Foreign Police.');
  await expect(pickup).toContainText('60 days (calendar days');
  await expect(pickup.getByTestId('countdown')).toHaveText(/^\(in \d+ days\)$/);
  await expect(pickup.locator('time')).toHaveText(/^(Monday|Tuesday|Wednesday|Thursday|Friday) \d{1,2} \w+ \d{4}$/);
  await expect(pickup).toContainText('No, you must do it in person.');
  await expect(pickup).toContainText('Only an office that takes fingerprints and photos (marked BIO).');
  await expect(pickup).toContainText('Collect the card at the same office where your biometric data were taken.');
  await expect(page.getByText('does not replace the decision of the office')).toBeVisible();
  await expect(page.getByText('"Biometric data in residence permit cards" (in Czech), April 2011')).toBeVisible();
  await expectTranslated(page);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(screenshots, 'guidance-result.png'), fullPage: true });

  // The deadline as an all-day event for the calendar.
  const icsHref = await pickup.getByRole('link', { name: /Add to calendar/ }).getAttribute('href');
  const ics = await page.request.get(icsHref, { headers: { 'Accept-Language': 'en' } });
  expect(ics.status()).toBe(200);
  expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8');
  const icsText = await ics.text();
  expect(icsText).toMatch(/DTSTART;VALUE=DATE:\d{8}\r\n/);
  expect(icsText).toContain('SUMMARY:Last day: Collect your residence card in person');
  expect(icsText).toContain('BEGIN:VALARM');

  // "Book this visit": signing in first, then the office question with the card pickup chosen
  // and only the office where the biometric data were taken.
  await pickup.getByRole('link', { name: /Book this visit/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to book');
  await page.getByRole('main').getByRole('link', { name: 'Sign in' }).click();
  await page.getByLabel('E-mail address').fill(CLIENT.email);
  await page.getByLabel('Password').fill(CLIENT.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/book\/office\?visit_type=card-pickup$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which office do you want to go to?');
  await expect(page.getByText('Appointment for: Collection of the residence card')).toBeVisible();
  await expect(page.getByText(`You had your biometric data taken at ${OFFICE_NAME} on`)).toBeVisible();
  const offices = page.getByRole('radio');
  await expect(offices).toHaveCount(1);
  await expect(page.getByLabel(OFFICE_NAME, { exact: true })).toBeVisible();
  await expectTranslated(page);
  await expectAccessible(page);
  await page.getByLabel(OFFICE_NAME, { exact: true }).check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Which day?');
  await expect(page.getByText(`Office: ${OFFICE_NAME}`)).toBeVisible();

  // Another office typed into the address is refused with the reason.
  await page.goto('/book/day?visit_type=card-pickup&office=praha-2');
  await expect(page.getByRole('alert')).toContainText(`The card can be collected only at ${OFFICE_NAME}`);

  // A visit that needs a BIO office offers BIO offices only.
  const all = await (await api.get('/api/v1/offices')).json();
  const list = Array.isArray(all) ? all : all.offices;
  const bio = list.filter((o) => o.bio && (o.visit_types || []).includes('biometrics')).map((o) => o.name);
  await page.goto('/book/office?visit_type=biometrics');
  await expect(page.getByText('Only offices that take fingerprints and photos (BIO offices)')).toBeVisible();
  const names = await page.locator('.radio label').allInnerTexts();
  expect(names.length).toBeGreaterThan(1);
  for (const name of names) expect(bio).toContain(name.trim());
  await context.close();
  await api.dispose();
});

test('other events: two authorities, the sources that differ, and languages', async ({ browser }) => {
  const { context, page } = await newPage(browser);
  // A lost card: the police first (not bookable here), then OAMP.
  await page.goto('/guide/result?event=lost-document&date=2026-01-09');
  const steps = page.getByTestId('obligation');
  await expect(steps).toHaveCount(2);
  await expect(steps.nth(0)).toContainText('Foreign Police');
  await expect(steps.nth(0)).toContainText('This step belongs to the police, not to the OAMP office.');
  await expect(steps.nth(0).getByRole('link', { name: /Book this visit/ })).toHaveCount(0);
  await expect(steps.nth(1).getByRole('link', { name: /Book this visit/ })).toHaveAttribute('href', '/book/office?visit_type=lost-document');
  await expect(steps.nth(1)).toContainText('4000 CZK (children under 15: 2500 CZK)');
  await expect(steps.nth(0).getByTestId('countdown')).toContainText('the deadline has passed');
  await expectAccessible(page);

  // A permit about to expire: the page says the sources differ.
  await page.goto('/guide/date?event=permit-expiry');
  await page.getByLabel('Day').fill('29');
  await page.getByLabel('Month').fill('6');
  await page.getByLabel('Year').fill('2027');
  await page.getByRole('button', { name: 'Show what I need to do' }).click();
  await expect(page.getByText('The sources differ: the newer guide says you can apply for an extension from 120 days')).toBeVisible();
  await expect(page.getByTestId('obligation')).toContainText('Earliest day');

  // An address change needs the kind of residence; both questions are answered on one page.
  await page.goto('/guide/date?event=address-change');
  await page.getByRole('button', { name: 'Show what I need to do' }).click();
  await expect(page.getByRole('alert')).toContainText('Enter the date');
  await expect(page.getByRole('alert')).toContainText('For a change of address, please say whether you have a long-term or a permanent stay.');
  await expectAccessible(page);

  // Ukrainian and Vietnamese: the same result in the reader's language.
  for (const [lang, check] of [['uk', 'Що вам потрібно зробити'], ['vi', 'Những việc bạn cần làm']]) {
    await page.goto(`/language/${lang}?back=${encodeURIComponent('/guide/result?event=arrival&date=2026-01-09&collect=1')}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(check);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expectTranslated(page);
    await page.screenshot({ path: path.join(dir, `guidance-result-${lang}.png`), fullPage: true });
    await page.goto('/guide/schengen?entry1=2026-01-01&exit1=2026-01-20&entry2=2026-03-01&exit2=2026-03-15&on=2026-04-01&plan=2026-06-01&go=1');
    await expectTranslated(page);
    await page.screenshot({ path: path.join(dir, `guidance-schengen-${lang}.png`), fullPage: true });
  }
  await context.close();
});

test('Schengen 90/180: two stays, the numbers, the timeline, and a stay that ends before it starts', async ({ browser }) => {
  const { context, page } = await newPage(browser);
  await page.goto('/');
  await page.getByRole('link', { name: 'Count your days in the Schengen area (90/180)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Schengen 90/180 calculator');
  await expectAccessible(page);

  // An exit before the entry is refused, on its row.
  await page.locator('#entry1').fill('2026-01-20');
  await page.locator('#exit1').fill('2026-01-01');
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(page.getByRole('alert')).toContainText('Stay 1: The day you left is before the day you entered.');
  await expect(page.locator('#exit1')).toHaveAttribute('aria-invalid', 'true');
  await expectAccessible(page);

  // Two stays, 20 + 15 days, counted on 1 April, and a trip planned from 1 June.
  await page.locator('#entry1').fill('2026-01-01');
  await page.locator('#exit1').fill('2026-01-20');
  await page.locator('#entry2').fill('2026-03-01');
  await page.locator('#exit2').fill('2026-03-15');
  await page.getByLabel('Count on this day').fill('2026-04-01');
  await page.getByLabel('Planned entry (optional)').fill('2026-06-01');
  await page.getByRole('button', { name: 'Calculate' }).click();
  await expect(page.getByTestId('days-used')).toHaveText('35 days');
  await expect(page.getByTestId('days-left')).toHaveText('55 days');
  await expect(page.getByText('Saturday 4 October 2025 to Wednesday 1 April 2026')).toBeVisible();
  await expect(page.getByTestId('latest-exit')).toHaveText(/^\w+day \d{1,2} \w+ 2026$/);
  const svg = page.getByTestId('timeline');
  await expect(svg).toBeVisible();
  await expect(svg.locator('title')).toHaveText('Your days in the Schengen area in the 180 days up to 1/4/2026');
  await expect(svg.locator('rect.chart-stay')).toHaveCount(3); // two stays and the legend's swatch
  await expect(svg.locator('rect.chart-planned')).toHaveCount(2);
  const table = page.getByTestId('stays-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table.locator('tbody tr').nth(0)).toContainText('20 days');
  await expect(table.locator('tbody tr').nth(2)).toContainText('Planned');
  await expectTranslated(page);
  await expectAccessible(page);
  await page.screenshot({ path: path.join(screenshots, 'guidance-schengen.png'), fullPage: true });

  // More rows without JavaScript-only tricks: a round trip keeps the typed stays.
  await page.getByRole('button', { name: 'Add more lines' }).click();
  await expect(page.locator('#entry10')).toBeVisible();
  await expect(page.locator('#entry2')).toHaveValue('2026-03-01');
  await context.close();
});

test('what to bring: a printable checklist with the fees for children under 15', async ({ browser }) => {
  const { context, page } = await newPage(browser);
  await page.goto('/guide/checklist');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What to bring');
  await page.getByLabel('Extension of a long-term residence permit').check();
  await page.getByLabel('Business', { exact: true }).check();
  await page.getByRole('button', { name: 'Show the list' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('What to bring: Extension of a long-term residence permit');
  const list = page.getByTestId('checklist');
  await expect(list).toContainText('Passport');
  await expect(list).toContainText('Confirmation from the tax office that you have no arrears');
  await expect(list).toContainText('Only if your appearance has changed and the office asks for it');
  await expect(page.getByText('Documents issued abroad must be translated by a court translator')).toBeVisible();
  await expect(page.getByText('apostille or consular legalisation')).toBeVisible();
  await expect(page.getByText('Documents attached to the application are valid for only 180 days.')).toBeVisible();
  await expect(page.getByText('The sources differ: one guide says you can change the purpose of your stay to business after 2 years')).toBeVisible();
  const fees = page.getByTestId('fees');
  await expect(fees).toContainText('2500 CZK');
  await expect(fees).toContainText('1000 CZK');
  await expect(page.getByRole('button', { name: 'Print this list' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Book this visit' })).toHaveAttribute('href', '/book/office?visit_type=long-term-residence-extension');
  await expectTranslated(page);
  await expectAccessible(page);
  // Printed: no navigation, black on white.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Main menu' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print this list' })).toBeHidden();
  expect(await page.evaluate(() => getComputedStyle(document.body).color)).toBe('rgb(0, 0, 0)');
  await context.close();
});
