// Every page in every language, as a new person meets it: register (with mistakes first),
// confirm the e-mail, sign in, book, the confirmation, the lists, guidance; and the office
// floor: the kiosk, a ticket, the call display, the clerk's console and its devices page.
//
// Each page is checked in cs, en, uk, ru and vi for:
//  - `<html lang>` is the chosen language (no page falling back to English as a whole);
//  - no "Unknown localization", no unfilled placeholder, no raw Fluent message id in the
//    visible text or in the labels a screen reader reads;
//  - no horizontal overflow: on a 390 px phone for the site, on the kiosk and the display in
//    landscape (1920×1080) and portrait (1080×1920); no text sticking out of a button;
//  - and at the end, across languages: no text that is the English one in another language
//    while the rest of the languages translate it (a message left in English).
// Screenshots of the time step of the booking flow and of the kiosk in each language go to
// docs/screenshots/. With TERMIN_E2E_SHOTS=<folder> every page checked is saved there too.
//
// Like floor.spec.js it starts its own server: a staff account and the test clock (walk-in
// tickets need the office open).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { test, expect, request: apiRequest } = require('@playwright/test');
const { mailCount, expectTranslated, startServerWithStaff } = require('./helpers');

const root = path.resolve(__dirname, '..', '..');
const screenshots = path.join(root, 'docs', 'screenshots');
const shots = process.env.TERMIN_E2E_SHOTS || '';

const LANGS = ['cs', 'en', 'uk', 'ru', 'vi'];
const OFFICE = 'praha-2';
const CLERK = { email: 'clerk.languages@mvcr.cz', password: 'five languages desk 2026', name: 'Jana Nováková' };
// The same name in every language, so that it is the same text on every page.
const CLIENT_NAME = 'Nguyễn Thị Hương';
const CHILD_NAME = 'Nguyễn Văn An';
const PASSWORD = 'lotus river hanoi 1990';
const PHONE = { width: 390, height: 844 };
const LANDSCAPE = { width: 1920, height: 1080 };
const PORTRAIT = { width: 1080, height: 1920 };

let dir;
let baseURL;
let served;
/** storageState of the signed-in clerk, the registered kiosk and the registered display. */
const devices = {};
/**
 * The visible texts of each page checked, `<lang>--<page>.json`, to compare the languages at
 * the end. A file, not memory: a failed test starts a new worker.
 */
const textsDir = path.join(process.env.TERMIN_E2E_DIR || os.tmpdir(), 'language-texts');
/** The files written by the running test: written anew, then added to. */
const written = new Set();
test.beforeEach(() => written.clear());

/** Every message id of the Fluent files that has a hyphen (what a missing text shows). */
const MESSAGE_IDS = (() => {
  const ids = new Set();
  const localesDir = path.join(root, 'locales');
  for (const lang of fs.readdirSync(localesDir)) {
    for (const file of fs.readdirSync(path.join(localesDir, lang))) {
      if (!file.endsWith('.ftl')) continue;
      for (const line of fs.readFileSync(path.join(localesDir, lang, file), 'utf8').split('\n')) {
        const m = /^([a-z][a-z0-9]*(?:-[a-z0-9]+)+)\s*=/.exec(line);
        if (m) ids.add(m[1]);
      }
    }
  }
  return ids;
})();

/** The instant of `hh:00` in Prague on the day `date` ("YYYY-MM-DD"). */
function pragueInstant(date, hour) {
  const noonUtc = new Date(`${date}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat('en', { timeZone: 'Europe/Prague', timeZoneName: 'longOffset' })
    .formatToParts(noonUtc)
    .find((p) => p.type === 'timeZoneName')
    .value.replace('GMT', '');
  return `${date}T${String(hour).padStart(2, '0')}:00:00${offset || '+00:00'}`;
}

/** The newest link with `pathPart?token=` in the mail to `to` (after `count` messages). */
async function newestLink(to, pathPart, count) {
  await expect.poll(() => mailCount(to, dir), { timeout: 20_000 }).toBeGreaterThanOrEqual(count);
  const box = path.join(dir, 'outbox');
  const { decodeMessage } = require('./helpers');
  const mails = fs
    .readdirSync(box)
    .filter((n) => n.endsWith('.eml'))
    .map((n) => ({ n, raw: fs.readFileSync(path.join(box, n), 'utf8'), at: fs.statSync(path.join(box, n)).mtimeMs }))
    .filter((m) => new RegExp(`^To:.*${to.replace(/[.+]/g, '\\$&')}`, 'mi').test(m.raw))
    .sort((a, b) => a.at - b.at || a.n.localeCompare(b.n));
  for (const m of mails.reverse()) {
    const match = new RegExp(`https?://[^\\s"<>]*${pathPart}\\?token=[A-Za-z0-9_-]+`).exec(decodeMessage(m.raw));
    if (match) return match[0];
  }
  throw new Error(`no ${pathPart} link to ${to}`);
}

async function signedInClerk(browser) {
  const context = await browser.newContext({ baseURL, locale: 'cs-CZ', timezoneId: 'Europe/Prague' });
  const page = await context.newPage();
  await page.goto('/login');
  await page.locator('#email').fill(CLERK.email);
  await page.locator('#password').fill(CLERK.password);
  await page.locator('main form button[type=submit]').click();
  await expect(page).toHaveURL(/\/appointments$/);
  return context;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(120_000);
  served = await startServerWithStaff('languages', CLERK, OFFICE);
  ({ dir, baseURL } = served);

  // The clerk registers a kiosk and a display (their links work once).
  const links = {};
  let clerkContext = await signedInClerk(browser);
  let clerk = await clerkContext.newPage();
  for (const kind of ['kiosk', 'display']) {
    await clerk.goto(`/floor/${OFFICE}/devices`);
    await clerk.locator('#name').fill(`${kind} ${Date.now()}`);
    await clerk.locator('#kind').selectOption(kind);
    await clerk.locator(`main form[action="/floor/${OFFICE}/devices"] button[type=submit]`).click();
    links[kind] = (await clerk.getByTestId('device-link').innerText()).trim();
  }
  await clerkContext.close();
  for (const kind of ['kiosk', 'display']) {
    const context = await browser.newContext({ baseURL, timezoneId: 'Europe/Prague' });
    const page = await context.newPage();
    await page.goto(links[kind]);
    await expect(page).toHaveURL(new RegExp(`/${kind}$`));
    devices[kind] = await context.storageState();
    await context.close();
  }

  // A working day, 10:00 in Prague: the office takes people without an appointment.
  const api = await apiRequest.newContext({ baseURL });
  const kioskContext = await browser.newContext({ baseURL, storageState: devices.kiosk, javaScriptEnabled: false });
  const kiosk = await kioskContext.newPage();
  let open = false;
  for (let ahead = 1; ahead <= 14 && !open; ahead++) {
    const day = new Date(Date.now() + ahead * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6 || weekday === 5) continue;
    const r = await api.put('/api/v1/dev/clock', { data: { now: new Date(pragueInstant(day, 10)).toISOString() } });
    expect(r.status(), await r.text()).toBe(200);
    await kiosk.goto('/kiosk/walk-in');
    open = (await kiosk.locator('.kiosk-choice').count()) > 0;
  }
  expect(open, 'a working day when the office takes walk-ins').toBe(true);
  // Two tickets without an appointment; the clerk calls the first to counter 2, so that the
  // display and the console show a call and a queue.
  for (let i = 0; i < 2; i++) {
    await kiosk.goto('/kiosk/walk-in');
    await kiosk.locator('.kiosk-choice').first().click();
    await expect(kiosk.getByTestId('ticket-number')).toHaveText(/^[A-Z]-\d{3}$/);
  }
  await kioskContext.close();
  // Signed in again on the day (the clock has moved on past the first session).
  clerkContext = await signedInClerk(browser);
  devices.clerk = await clerkContext.storageState();
  await clerkContext.close();
  let r = await api.post('/api/v1/auth/login', { data: { email: CLERK.email, password: CLERK.password } });
  expect(r.status(), await r.text()).toBe(200);
  const bearer = { Authorization: `Bearer ${(await r.json()).token}` };
  r = await api.post(`/api/v1/offices/${OFFICE}/queue/call-next`, { headers: bearer, data: { counter: '2' } });
  expect(r.status(), await r.text()).toBe(200);
  await api.dispose();
});

test.afterAll(async () => {
  if (served) await served.stop();
});

/** In the page: the visible texts (text nodes and what screen readers read in attributes). */
function collectTexts() {
  const out = [];
  const push = (t, el) => {
    const text = (t || '').replace(/\s+/g, ' ').trim();
    if (!text) return;
    const marked = el && el.closest('[lang]');
    out.push({ text, lang: marked ? marked.getAttribute('lang') : '' });
  };
  push(document.title, document.documentElement);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('script, style, noscript, template, [hidden]')) continue;
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    push(n.textContent, el);
  }
  for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], img[alt], input[type=submit][value], [data-on], [data-off]')) {
    for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'data-on', 'data-off']) {
      if (el.hasAttribute(a)) push(el.getAttribute(a), el);
    }
    if (el.matches('input[type=submit]')) push(el.value, el);
  }
  return out;
}

/** In the page: what sticks out sideways, at the page and inside buttons and keys. */
function findOverflow() {
  const width = window.innerWidth;
  const describe = (el) =>
    `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} "${(el.innerText || el.value || '').trim().slice(0, 40)}"`;
  const problems = [];
  // A kiosk or a call display is one screen: nothing to scroll to (the OK key least of all).
  if (document.body.matches('.kiosk, .display')) {
    const { scrollHeight } = document.scrollingElement;
    if (scrollHeight > window.innerHeight + 1) {
      const below = [...document.body.querySelectorAll('button, a, h1, p')].filter(
        (el) => el.checkVisibility() && el.getBoundingClientRect().bottom > window.innerHeight + 1,
      );
      problems.push(`screen is ${scrollHeight}px tall in a ${window.innerHeight}px window: ${below.slice(0, 5).map(describe).join(', ')}`);
    }
  }
  const scrollWidth = document.scrollingElement.scrollWidth;
  if (scrollWidth > width + 1) {
    const wide = [...document.body.querySelectorAll('*')].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.right > width + 1 && el.checkVisibility();
    });
    // The innermost ones name the culprit.
    const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    problems.push(`page is ${scrollWidth}px wide in a ${width}px window: ${innermost.slice(0, 5).map(describe).join(', ')}`);
  }
  const controls = document.querySelectorAll(
    'button, .button, .kiosk-button, .key, .kiosk-lang, nav a, .tag, .pin, h1, h2, label, legend, th, td',
  );
  // Text kept for screen readers only (clipped to a pixel) is no layout.
  const clippedAway = (el) => {
    for (let a = el; a; a = a.parentElement) {
      const r = a.getBoundingClientRect();
      if ((r.width <= 1 || r.height <= 1) && getComputedStyle(a).overflow !== 'visible') return true;
    }
    return false;
  };
  for (const el of controls) {
    if (!el.checkVisibility() || clippedAway(el)) continue;
    if (el.clientWidth > 1 && el.scrollWidth > el.clientWidth + 1) {
      problems.push(`text wider than its box (${el.scrollWidth} > ${el.clientWidth}px): ${describe(el)}`);
    }
  }
  // A box that scrolls sideways hides words on a phone; the Schengen timeline does so by
  // design (it keeps a readable size instead of shrinking, and the table says the same).
  for (const el of document.body.querySelectorAll('*')) {
    if (el.matches('figure.timeline')) continue;
    const style = getComputedStyle(el);
    if (!/(auto|scroll)/.test(style.overflowX) || el.clientWidth === 0) continue;
    if (el.scrollWidth > el.clientWidth + 1) {
      problems.push(`box scrolls sideways (${el.scrollWidth} > ${el.clientWidth}px): ${describe(el)}`);
    }
  }
  return problems;
}

/** Pages whose glyphs are all checked to come from one font (see `expectOneFont`). */
const FONT_PAGES = new Set(['home', 'book-time', 'guide-schengen-result', 'kiosk', 'kiosk-ticket', 'display', 'floor']);

/**
 * Every letter of the page drawn from one font (the stack's first font the system has): a
 * font without Vietnamese or Cyrillic letters would make the browser take the missing ones
 * from another font (mixed shapes in one word) or draw boxes. Monospaced text is left out.
 */
async function expectOneFont(page, lang, name) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const marked = await page.evaluate(() => {
    let n = 0;
    for (const el of document.body.querySelectorAll('*')) {
      const own = [...el.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
      if (!own || !el.checkVisibility() || /mono/i.test(getComputedStyle(el).fontFamily)) continue;
      el.setAttribute('data-font-check', String(n++));
    }
    return n;
  });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '[data-font-check]' });
  expect(nodeIds.length).toBe(marked);
  const families = {};
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const f of fonts) families[f.familyName] = (families[f.familyName] || 0) + f.glyphCount;
  }
  await cdp.detach();
  expect.soft(Object.keys(families), `fonts of ${name} (${lang}): ${JSON.stringify(families)}`).toHaveLength(1);
}

/**
 * The checks of one page in one language: the language, no missing text, no message id,
 * nothing wider than the screen. `name` keys the page for the comparison across languages.
 */
async function checkPage(page, lang, name) {
  await expect(page.locator('html'), `<html lang> of ${name}`).toHaveAttribute('lang', lang);
  await expectTranslated(page);
  const found = await page.evaluate(collectTexts);
  const ids = [];
  for (const { text } of found) {
    for (const token of text.match(/[a-z][a-z0-9]*(?:-[a-z0-9]+)+/g) || []) {
      if (MESSAGE_IDS.has(token)) ids.push(token);
    }
    for (const token of text.match(/(?<![\p{L}\p{N}@./-])[a-z]+(?:-[a-z0-9]+){2,}(?![\p{L}\p{N}@/-])/gu) || []) {
      ids.push(token);
    }
  }
  // Typography a language file can get wrong: a full stop after an abbreviated date ("р.",
  // "г."), a space before punctuation.
  const typos = found
    .map((x) => x.text)
    .filter((t) => /(?<![.…])\.\.(?!\.)/.test(t) || /\s[.,;:!?](?=\s|$)/.test(t));
  expect.soft(typos, `punctuation on ${name} (${lang}, ${page.url()})`).toEqual([]);
  // Soft: one run lists every page with a problem.
  expect.soft(ids, `message ids shown on ${name} (${lang}, ${page.url()})`).toEqual([]);
  const overflow = await page.evaluate(findOverflow);
  expect.soft(overflow, `layout of ${name} (${lang}, ${page.viewportSize().width}px, ${page.url()})`).toEqual([]);
  if (FONT_PAGES.has(name)) await expectOneFont(page, lang, name);
  const file = path.join(textsDir, `${lang}--${name}.json`);
  const before = written.has(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : [];
  fs.mkdirSync(textsDir, { recursive: true });
  fs.writeFileSync(file, JSON.stringify(before.concat(found)));
  written.add(file);
  if (shots) {
    fs.mkdirSync(shots, { recursive: true });
    const { width } = page.viewportSize();
    await page.screenshot({ path: path.join(shots, `${lang}-${name}-${width}.png`), fullPage: true });
  }
}

/** Goes to `url`, expects to land on `landing` (a path) and checks the page. */
async function visit(page, lang, name, url, landing = url.replace(/\?.*$/, '')) {
  const response = await page.goto(url);
  expect(response.status(), `${url} in ${lang}`).toBeLessThan(500);
  expect(new URL(page.url()).pathname, `where ${url} leads`).toBe(landing);
  await checkPage(page, lang, name);
}

/** The button that sends the page's form (not the one of the sign-out form in the menu). */
const submit = (page) => page.locator('main form button[type=submit]').first();

async function bookingFlow(page, lang) {
  await visit(page, lang, 'book-visit-type', '/book');
  // Continuing without a choice: the error summary.
  await submit(page).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await checkPage(page, lang, 'book-visit-type-error');
  const steps = [
    ['book-office', /\/book\/office/],
    ['book-day', /\/book\/day/],
    ['book-time', /\/book\/time/],
    ['book-person', /\/book\/person/],
    ['book-confirm', /\/book\/confirm/],
  ];
  // A visit type the office of the floor offers, so that the agenda there shows it.
  await page.locator('input[type=radio][value="long-term-residence-extension"]').check();
  for (const [name, url] of steps) {
    if (name === 'book-office') {
      await submit(page).click();
      await expect(page).toHaveURL(url);
      await checkPage(page, lang, name);
      await page.locator(`input[type=radio][value="${OFFICE}"]`).check();
      continue;
    }
    await submit(page).click();
    await expect(page).toHaveURL(url);
    await checkPage(page, lang, name);
    if (name === 'book-time') {
      await page.screenshot({ path: path.join(screenshots, `booking-${lang}.png`), fullPage: true });
    }
    if (name !== 'book-confirm') {
      const checked = await page.locator('input[type=radio]:checked').count();
      if (!checked) await page.locator('input[type=radio]').first().check();
    }
  }
  await submit(page).click();
  await expect(page.getByTestId('pin')).toHaveText(/^\d{4}$/);
  await checkPage(page, lang, 'book-done');
}

for (const lang of LANGS) {
  test(`${lang}: the site as a new person meets it, on a phone`, async ({ browser }) => {
    test.setTimeout(90_000);
    const email = `huong.${lang}.${Date.now()}@example.com`;
    const context = await browser.newContext({
      baseURL, locale: 'en-GB', timezoneId: 'Europe/Prague', viewport: PHONE, isMobile: true, hasTouch: true,
    });
    const page = await context.newPage();
    await page.goto(`/language/${lang}?back=/`);
    await checkPage(page, lang, 'home');
    await visit(page, lang, 'offices', '/offices');
    await visit(page, lang, 'office', `/offices/${OFFICE}`);
    await visit(page, lang, 'office-regional', '/offices/brno');
    await visit(page, lang, 'not-found', '/no-such-page');

    // Guidance, without an account.
    await visit(page, lang, 'guide', '/guide');
    await submit(page).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await checkPage(page, lang, 'guide-error');
    await visit(page, lang, 'guide-date', '/guide/date?event=biometrics-captured');
    await visit(page, lang, 'guide-date-address', '/guide/date?event=address-change');
    await submit(page).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await checkPage(page, lang, 'guide-date-error');
    await visit(page, lang, 'guide-result-arrival', '/guide/result?event=arrival&date=2026-11-09&collect=1');
    await visit(page, lang, 'guide-result-lost', '/guide/result?event=lost-document&date=2026-11-09');
    await visit(page, lang, 'guide-result-permit', '/guide/result?event=permit-expiry&date=2027-06-29');
    await visit(page, lang, 'guide-result-biometrics', '/guide/result?event=biometrics-captured&date=2026-11-16');
    await visit(page, lang, 'guide-schengen', '/guide/schengen');
    await visit(
      page, lang, 'guide-schengen-result',
      '/guide/schengen?entry1=2026-01-01&exit1=2026-01-20&entry2=2026-03-01&exit2=2026-03-15&on=2026-04-01&plan=2026-06-01&go=1',
    );
    await visit(page, lang, 'guide-schengen-error', '/guide/schengen?entry1=2026-01-20&exit1=2026-01-01&go=1');
    await visit(page, lang, 'guide-checklist', '/guide/checklist');
    await visit(page, lang, 'guide-checklist-extension', '/guide/checklist?application=extension&purpose=business');
    await visit(page, lang, 'guide-checklist-first', '/guide/checklist?application=first-long-term&purpose=family-reunification');

    // Pages of an account: sign in, forgotten password, links from e-mails.
    await visit(page, lang, 'login', '/login');
    await visit(page, lang, 'login-next', '/appointments', '/login');
    await visit(page, lang, 'book-signed-out', '/book');
    await visit(page, lang, 'forgot-password', '/forgot-password');
    await page.locator('#email').fill(`nobody.${lang}@example.com`);
    await submit(page).click();
    await checkPage(page, lang, 'forgot-password-sent');
    await visit(page, lang, 'reset-password', '/reset-password?token=not-a-real-token');
    await visit(page, lang, 'reset-password-no-token', '/reset-password');

    // Registration: an empty form first, then a good one.
    await visit(page, lang, 'register', '/register');
    await submit(page).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await checkPage(page, lang, 'register-errors');
    await page.locator('#email').fill('not-an-address');
    await page.locator('#full_name').fill(CLIENT_NAME);
    await page.locator('#date_of_birth').fill('31');
    await page.locator('#date_of_birth-month').fill('2');
    await page.locator('#date_of_birth-year').fill('1990');
    await submit(page).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await checkPage(page, lang, 'register-errors-typed');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill(PASSWORD);
    await page.locator('#date_of_birth').fill('14');
    await page.locator('#date_of_birth-month').fill('8');
    await page.locator('#date_of_birth-year').fill('1990');
    await expect(page.locator('#language')).toHaveValue(lang);
    await submit(page).click();
    await expect(page).toHaveURL(/\/register\/check-email$/);
    await checkPage(page, lang, 'register-done');

    // Signed in before confirming the address: booking waits; a new link can be sent.
    await page.goto('/login');
    await page.locator('#email').fill(email);
    await page.locator('#password').fill('wrong password, wrong');
    await submit(page).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await checkPage(page, lang, 'login-error');
    await page.locator('#password').fill(PASSWORD);
    await submit(page).click();
    await expect(page).toHaveURL(/\/appointments$/);
    await checkPage(page, lang, 'appointments-empty');
    await visit(page, lang, 'book-unverified', '/book');
    await visit(page, lang, 'account-unverified', '/account');
    await page.locator('main form button[type=submit]').first().click();
    await checkPage(page, lang, 'verification-resent');

    // The link from the e-mail: a page that asks to confirm, then says it is done.
    const link = await newestLink(email, '/verify-email', 2);
    await page.goto(link.replace(/^https?:\/\/[^/]+/, ''));
    await checkPage(page, lang, 'verify');
    await submit(page).click();
    await checkPage(page, lang, 'verified');

    // Booking, then what a signed-in person has.
    await bookingFlow(page, lang);
    await visit(page, lang, 'appointments', '/appointments');
    const detail = await page.locator('main a[href^="/appointments/"]').first().getAttribute('href');
    await visit(page, lang, 'appointment', detail);
    await visit(page, lang, 'account', '/account');
    await visit(page, lang, 'children', '/account/children');
    await page.locator('#full_name').fill(CHILD_NAME);
    await page.locator('main input[name=dob_day]').fill('1');
    await page.locator('main input[name=dob_month]').fill('1');
    await page.locator('main input[name=dob_year]').fill('2000');
    await submit(page).click();
    await expect(page.getByRole('alert')).toBeVisible();
    await checkPage(page, lang, 'children-error');
    await page.locator('main input[name=dob_year]').fill('2019');
    await submit(page).click();
    await checkPage(page, lang, 'children-added');
    await context.close();
  });

  test(`${lang}: the office floor: kiosk, ticket, display, console`, async ({ browser }) => {
    test.setTimeout(60_000);
    // The kiosk: landscape as at Praha II, and portrait.
    const kioskContext = await browser.newContext({
      baseURL, storageState: devices.kiosk, timezoneId: 'Europe/Prague', viewport: LANDSCAPE, hasTouch: true,
    });
    const kiosk = await kioskContext.newPage();
    await visit(kiosk, lang, 'kiosk', `/kiosk?lang=${lang}`);
    await kiosk.screenshot({ path: path.join(screenshots, `kiosk-${lang}.png`) });
    await kiosk.setViewportSize(PORTRAIT);
    await checkPage(kiosk, lang, 'kiosk');
    // A PIN with no appointment today.
    await kiosk.locator('#pin').fill('0000');
    await kiosk.locator('.key-ok').click();
    await expect(kiosk.getByRole('alert')).toBeVisible();
    await checkPage(kiosk, lang, 'kiosk-wrong-pin');
    await kiosk.setViewportSize(LANDSCAPE);
    await checkPage(kiosk, lang, 'kiosk-wrong-pin');
    await visit(kiosk, lang, 'kiosk-walk-in', `/kiosk/walk-in?lang=${lang}`);
    await kiosk.setViewportSize(PORTRAIT);
    await checkPage(kiosk, lang, 'kiosk-walk-in');
    await kiosk.locator('.kiosk-choice').last().click();
    await expect(kiosk.getByTestId('ticket-number')).toHaveText(/^[A-Z]-\d{3}$/);
    await checkPage(kiosk, lang, 'kiosk-ticket');
    await kiosk.setViewportSize(LANDSCAPE);
    await checkPage(kiosk, lang, 'kiosk-ticket');
    await kioskContext.close();

    // The call display in the waiting room, in the language its browser is set to.
    const displayContext = await browser.newContext({
      baseURL, storageState: devices.display, timezoneId: 'Europe/Prague', viewport: LANDSCAPE,
    });
    await displayContext.addCookies([{ name: 'lang', value: lang, url: baseURL }]);
    const display = await displayContext.newPage();
    await visit(display, lang, 'display', '/display');
    await display.setViewportSize(PORTRAIT);
    await checkPage(display, lang, 'display');
    await displayContext.close();

    // The clerk's pages, on a phone too.
    const clerkContext = await browser.newContext({
      baseURL, storageState: devices.clerk, timezoneId: 'Europe/Prague', viewport: PHONE,
    });
    const clerk = await clerkContext.newPage();
    await clerk.goto(`/language/${lang}?back=/floor`);
    await expect(clerk).toHaveURL(/\/floor$/);
    await checkPage(clerk, lang, 'floor-offices');
    await visit(clerk, lang, 'floor', `/floor/${OFFICE}`);
    await expect(clerk.getByTestId('queue')).toBeVisible();
    await visit(clerk, lang, 'floor-devices', `/floor/${OFFICE}/devices`);
    await clerk.setViewportSize({ width: 1366, height: 900 });
    await visit(clerk, lang, 'floor', `/floor/${OFFICE}`);
    await visit(clerk, lang, 'floor-devices', `/floor/${OFFICE}/devices`);
    await clerkContext.close();
  });
}

test('no text left in English in another language', async () => {
  // A text that reads the same in English and in language X, but differs in some other
  // language, is a message X has not translated. Names, addresses and numbers read the same
  // in all five; single words ("OK", "PIN") are left out.
  const words = (t) => (t.match(/\p{L}{2,}/gu) || []).length;
  const problems = [];
  const texts = {};
  for (const file of fs.existsSync(textsDir) ? fs.readdirSync(textsDir) : []) {
    const [lang, name] = file.replace(/\.json$/, '').split('--');
    texts[name] = texts[name] || {};
    texts[name][lang] = JSON.parse(fs.readFileSync(path.join(textsDir, file), 'utf8'));
  }
  const pages = Object.keys(texts);
  expect(pages.length, 'pages checked').toBeGreaterThan(30);
  for (const name of pages) {
    const by = texts[name];
    if (!LANGS.every((l) => by[l])) {
      problems.push(`${name}: not checked in ${LANGS.filter((l) => !by[l]).join(', ')}`);
      continue;
    }
    const sets = Object.fromEntries(LANGS.map((l) => [l, new Set(by[l].filter((x) => !x.lang || x.lang === l).map((x) => x.text))]));
    for (const lang of LANGS.filter((l) => l !== 'en')) {
      for (const text of sets[lang]) {
        if (words(text) < 2 || !sets.en.has(text)) continue;
        if (LANGS.every((l) => sets[l].has(text))) continue;
        problems.push(`${name} (${lang}): "${text}"`);
      }
    }
  }
  expect(problems).toEqual([]);
});
