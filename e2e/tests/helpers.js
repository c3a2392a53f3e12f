// Shared steps: reading the mail outbox, checking for missing translations, and a server of
// one's own (with a staff account and the test clock) for the specs that need one.
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { expect } = require('@playwright/test');

const outbox = (dir = process.env.TERMIN_E2E_DIR) => path.join(dir, 'outbox');

function decodeQuotedPrintable(text) {
  const bytes = [];
  const soft = text.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const c = soft[i];
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(soft.slice(i + 1, i + 3))) {
      bytes.push(parseInt(soft.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(c, 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

function splitHeaders(raw) {
  const at = raw.search(/\r?\n\r?\n/);
  if (at < 0) return { headers: raw, body: '' };
  const sep = raw.slice(at).match(/^\r?\n\r?\n/)[0];
  return { headers: raw.slice(0, at), body: raw.slice(at + sep.length) };
}

function header(headers, name) {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, ' ');
  const line = unfolded.split(/\r?\n/).find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

/** The readable text of an RFC 5322 message: every text part, decoded. */
function decodeMessage(raw) {
  const { headers, body } = splitHeaders(raw);
  const type = header(headers, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type);
  if (/^multipart\//i.test(type) && boundary) {
    return body
      .split(`--${boundary[1]}`)
      .slice(1)
      .filter((part) => !part.startsWith('--'))
      .map((part) => decodeMessage(part.replace(/^\r?\n/, '')))
      .join('\n');
  }
  const encoding = header(headers, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/**
 * Waits for a message to `to` whose text contains a link with `token=`; returns the link.
 * `dir` is the server's folder (its outbox is `dir/outbox`), by default the shared server's.
 */
async function linkFromMail(to, pathPart, timeoutMs = 20_000, dir = process.env.TERMIN_E2E_DIR) {
  const deadline = Date.now() + timeoutMs;
  const box = outbox(dir);
  while (Date.now() < deadline) {
    if (fs.existsSync(box)) {
      for (const name of fs.readdirSync(box)) {
        if (!name.endsWith('.eml')) continue;
        const raw = fs.readFileSync(path.join(box, name), 'utf8');
        const { headers } = splitHeaders(raw);
        if (!header(headers, 'To').includes(to)) continue;
        const text = decodeMessage(raw);
        const match = new RegExp(`https?://[^\\s"<>]*${pathPart}\\?token=[A-Za-z0-9_-]+`).exec(text);
        if (match) return match[0];
      }
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no mail with a ${pathPart} link to ${to} in ${box}`);
}

/** No "Unknown localization key" or raw Fluent placeholders anywhere on the page. */
async function expectTranslated(page) {
  const html = await page.content();
  expect(html, `missing translation on ${page.url()}`).not.toContain('Unknown localization');
  const text = await page.locator('body').innerText();
  expect(text, `unfilled placeholder on ${page.url()}`).not.toMatch(/\{ ?\$[a-z]/);
}

/** How many messages to `to` are in the outbox of the server in `dir`. */
function mailCount(to, dir = process.env.TERMIN_E2E_DIR) {
  const box = outbox(dir);
  if (!fs.existsSync(box)) return 0;
  return fs
    .readdirSync(box)
    .filter((name) => name.endsWith('.eml'))
    .filter((name) => header(splitHeaders(fs.readFileSync(path.join(box, name), 'utf8')).headers, 'To').includes(to))
    .length;
}

/**
 * axe-core's WCAG 2.1 A/AA rules; serious and critical findings fail the test. The page's
 * context needs `bypassCSP: true` (axe is injected as a script). `except` names rules that
 * a page breaks on purpose, each with its reason at the call.
 */
async function expectAccessible(page, except = []) {
  const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(axeSource);
  const rules = Object.fromEntries(except.map((id) => [id, { enabled: false }]));
  const results = await page.evaluate(
    (rules) =>
      // eslint-disable-next-line no-undef
      axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        rules,
      }),
    rules,
  );
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  expect(bad, `accessibility problems on ${page.url()}`).toEqual([]);
}

const root = path.resolve(__dirname, '..', '..');
const binary = process.env.TERMIN_BIN || path.join(root, 'target', 'debug', 'termin');

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts `termin serve --dev-clock` on a fresh SQLite database in a temporary folder, with a
 * staff account for `office` made by `termin admin create-user` first. Returns the folder
 * (its `outbox` holds the mail), the base URL and `stop()`.
 */
async function startServerWithStaff(name, clerk, office) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `termin-${name}-`));
  const database = `sqlite://${dir}/${name}.db`;
  const env = { ...process.env, TERMIN_MAIL_OUTBOX: path.join(dir, 'outbox'), TERMIN_LOG: 'warn' };
  execFileSync(
    binary,
    ['admin', 'create-user', '--email', clerk.email, '--role', 'staff', '--name', clerk.name,
      '--office', office, '--database', database],
    { input: `${clerk.password}\n`, env, stdio: ['pipe', 'ignore', 'inherit'] },
  );
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const server = spawn(binary, ['serve', '--bind', `127.0.0.1:${port}`, '--database', database, '--dev-clock'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  server.stderr.on('data', (chunk) => {
    log += chunk.toString();
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${baseURL}/`)).ok) break;
    } catch (e) {
      // not listening yet
    }
    if (server.exitCode !== null) throw new Error(`the ${name} server exited: ${log}`);
    if (Date.now() > deadline) throw new Error(`the ${name} server did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  };
  return { dir, baseURL, stop };
}

/** "YYYY-MM-DD" of an instant in Prague. */
function pragueDate(instant) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(new Date(instant));
}

function pragueHour(instant) {
  return Number(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', hour: '2-digit', hourCycle: 'h23' }).format(
      new Date(instant),
    ),
  );
}

module.exports = {
  linkFromMail,
  mailCount,
  expectTranslated,
  expectAccessible,
  decodeMessage,
  startServerWithStaff,
  pragueDate,
  pragueHour,
};
