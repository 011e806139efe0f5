import { startServer, launch, newWalker, dayOffset, isoDate, shots } from '/work/main/e2e/lib.js';
const PHONE = { width: 390, height: 844 };
const server = await startServer();
const browser = await launch();
const env = { server, browser };
try {
  const context = await browser.newContext({ viewport: PHONE, locale: process.env.LOC || 'en-GB' });
  const page = await context.newPage();
  await newWalker(env, page, 'Cy', dayOffset(-8), [dayOffset(-1), dayOffset(0), dayOffset(1), dayOffset(3)]);
  await page.goto(`${server.base}/log`);
  await page.evaluate((d) => { document.querySelector('#date').value = d; }, isoDate(dayOffset(-1)));
  for (const [f, v] of Object.entries({ pain_before: 2, pain_peak: 3, pain_after: 2 })) await page.check(`input[name=${f}][value="${v}"]`);
  await Promise.all([page.waitForNavigation(), page.click('form[action="/log"] button[type=submit]')]);
  await page.goto(`${server.base}/checkin`);
  await page.check('input[name=pain][value="3"]');
  await page.check('input[name=symptom][value=knee_locked]');
  await Promise.all([page.waitForNavigation(), page.click('button[type=submit]')]);
  await page.goto(`${server.base}/restart`);
  await page.fill('#by', 'Sam Okafor');
  await page.fill('#role', 'physiotherapist');
  await page.fill('#note', 'Knee examined');
  await page.fill('#minutes', '4');
  await Promise.all([page.waitForNavigation(), page.click('form[action="/restart"] button[type=submit]')]);
  await page.focus('form[action="/restart"] button[type=submit]');
  await Promise.all([page.waitForNavigation(), page.keyboard.press('Enter')]);
  console.log('after restart at', page.url());
  await page.screenshot({ path: `${shots}/adhoc-today.png`, fullPage: true });
  await page.goto(`${server.base}/plan`);
  await page.screenshot({ path: `${shots}/adhoc-plan.png`, fullPage: false });
  const rows = await page.locator('li[class^=status-]').allTextContents();
  console.log(rows.map((r) => r.replace(/\s+/g, ' ').trim()).slice(0, 14).join('\n'));
  await page.goto(`${server.base}/log`);
  console.log('log goes to', page.url());
  const cal = await (await page.request.get(`${server.base}/settings`)).text();
} finally {
  await browser.close();
  server.stop();
}
