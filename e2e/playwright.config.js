// Browser tests of Termín. The config starts the server itself: the binary built by
// `cargo build -p termin`, on a free port, with a fresh SQLite database and a mail outbox
// folder in a temporary directory. Chromium is Debian's (/usr/bin/chromium): never
// `npx playwright install`.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { defineConfig } = require('@playwright/test');

// The config is read by the runner and again by every worker: the first read chooses the
// folder and the port, and the workers inherit them through the environment.
if (!process.env.TERMIN_E2E_DIR) {
  process.env.TERMIN_E2E_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'termin-e2e-'));
}
if (!process.env.TERMIN_E2E_PORT) {
  process.env.TERMIN_E2E_PORT = String(20000 + (process.pid % 20000));
}
const dir = process.env.TERMIN_E2E_DIR;
const port = process.env.TERMIN_E2E_PORT;
const root = path.resolve(__dirname, '..');
const binary = process.env.TERMIN_BIN || path.join(root, 'target', 'debug', 'termin');
const baseURL = `http://127.0.0.1:${port}`;

module.exports = defineConfig({
  testDir: './tests',
  timeout: 90_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  outputDir: path.join(dir, 'test-results'),
  use: {
    baseURL,
    locale: 'en-GB',
    timezoneId: 'Europe/Prague',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    {
      // The pages must work without JavaScript: the main story runs with it switched off.
      name: 'no-javascript',
      testMatch: /booking\.spec\.js/,
      use: { browserName: 'chromium', javaScriptEnabled: false, viewport: { width: 390, height: 844 } },
    },
    {
      name: 'pages',
      testMatch: /pages\.spec\.js/,
      use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } },
    },
    {
      // The office floor starts its own server (with staff and the test clock): see the spec.
      name: 'floor',
      testMatch: /floor\.spec\.js/,
      use: { browserName: 'chromium', viewport: { width: 1366, height: 900 } },
    },
    {
      // Guidance needs a served biometrics appointment, so it starts its own server too.
      name: 'guidance',
      testMatch: /guidance\.spec\.js/,
      use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } },
    },
    {
      // The waitlist: a request filed on the pages (without JavaScript), a cancellation
      // through the API, the offer accepted; then the pages in Czech with an axe scan.
      name: 'waitlist',
      testMatch: /waitlist\.spec\.js/,
      use: { browserName: 'chromium', viewport: { width: 1280, height: 900 } },
    },
    {
      // Every page in the five languages: phones, the kiosk, the display, the console. It
      // starts its own server too (walk-in tickets need the test clock).
      name: 'languages',
      testMatch: /languages\.spec\.js/,
      use: { browserName: 'chromium', viewport: { width: 390, height: 844 } },
    },
  ],
  webServer: {
    command: `"${binary}" serve --bind 127.0.0.1:${port} --database "sqlite://${dir}/e2e.db"`,
    env: { TERMIN_MAIL_OUTBOX: path.join(dir, 'outbox'), TERMIN_LOG: 'warn' },
    url: `${baseURL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
