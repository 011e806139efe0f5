// Helpers for the browser suite: a real server on a fresh database, the
// system Chromium, axe-core checks and screenshots under target/.
import { execFileSync, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const shots = join(root, 'target', 'e2e-screenshots');
mkdirSync(shots, { recursive: true });

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const AXE = readFileSync(join(root, 'e2e', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Starts `retrowalk serve` on a free port with a new SQLite file. */
export async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'retrowalk-e2e-'));
  const bin = process.env.RETROWALK_BIN || join(root, 'target', 'debug', 'retrowalk');
  const port = 20000 + Math.floor(Math.random() * 20000);
  const db = `sqlite://${join(dir, 'e2e.db')}`;
  const proc = spawn(bin, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  const base = `http://127.0.0.1:${port}`;
  // The server says when it listens; wait for that line instead of polling.
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start: ${log}`)), 20000);
    proc.stderr.on('data', (d) => {
      log += d;
      if (log.includes('retrowalk is running at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    proc.on('exit', (code) => reject(new Error(`server exited with ${code}: ${log}`)));
  });
  // The CLI on the server's database, as a clinic's administrator would use it.
  const cli = (args) => execFileSync(bin, ['--db', db, ...args]).toString();
  return { base, cli, stop: () => proc.kill('SIGINT'), log: () => log };
}

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Runs axe-core on the page (WCAG 2.2 AA and axe's best practices); fails on any violation, whatever its impact. */
export async function checkA11y(page, name) {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) }));
  });
  const bad = result;
  if (bad.length) throw new Error(`${name}: accessibility violations ${JSON.stringify(bad, null, 1)}`);
  return result;
}

export async function shot(page, name) {
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
}

const DAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
export function isoDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
export function dayOffset(n) {
  const d = new Date();
  d.setDate(d.getDate() + n);
  return d;
}
export function weekday(d) {
  return DAYS[d.getDay()];
}

/** One server and one browser for a test file; `env.server` / `env.browser` once started. */
export function useServerAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/** A new walker, screened clear, training on `days` from `start`. */
export async function newWalker(env, page, name, start, days) {
  await page.goto(`${env.server.base}/signup`);
  await page.fill('#name', name);
  await page.fill('#email', `${name.toLowerCase()}-${Date.now()}@example.org`);
  await page.fill('#password', 'knees getting better');
  await page.click('button[type=submit]');
  await page.waitForURL('**/onboarding/general');
  for (const step of ['general', 'knee', 'balance']) {
    for (const radio of await page.locator('input[type=radio][value=no]').all()) await radio.check();
    await page.click('button[type=submit]');
    await page.waitForURL(`**/onboarding/${step}`);
  }
  await page.click('button[type=submit]');
  await page.waitForURL('**/outcome');
  await page.click('a[href="/setup"]');
  for (const e of ['treadmill', 'safety_key', 'handrails']) await page.check(`input[name=equipment][value=${e}]`);
  for (const d of await page.locator('input[name=day]').all()) await d.uncheck();
  for (const d of days) await page.check(`input[name=day][value=${weekday(d)}]`);
  await page.fill('#start', isoDate(start));
  await page.check('input[name=baseline_pain][value="2"]');
  await page.click('button[type=submit]');
  await page.waitForURL('**/today');
}

/** Logs today's session with these pains (and a symptom). */
export async function logToday(env, page, pains, symptom) {
  await page.goto(`${env.server.base}/log`);
  for (const [field, v] of Object.entries(pains)) await page.check(`input[name=${field}][value="${v}"]`);
  if (symptom) await page.check(`input[name=symptom][value=${symptom}]`);
  await page.click('form[action="/log"] button[type=submit]');
}

/** The TOTP code (RFC 6238: HMAC-SHA1, 6 digits, 30 s) an authenticator app shows for a base32 key. */
export function totp(base32, seconds = Date.now() / 1000) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/[\s=]/g, '').toUpperCase()) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(seconds / 30)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[mac.length - 1] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

/** A clinician's first sign-in step two: add the key to an "app", type its code, keep the recovery codes. */
export async function enrolTwoFactor(env, page) {
  await page.goto(`${env.server.base}/2fa`);
  const key = (await page.textContent('#secret')).replace(/\s/g, '');
  await page.fill('#code', totp(key));
  await page.click('form[action="/2fa"] button[type=submit]');
  await page.waitForSelector('ol.recovery');
  return { key, codes: await page.locator('ol.recovery code').allTextContents() };
}
