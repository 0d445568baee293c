import { createReadStream } from 'node:fs';
import { expect, test } from '../support/e2e-test';
import iconv from 'iconv-lite';
import { makeTempDir } from '../support/temp-dir';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { startServeWithPrinter, type ServeProcess } from '../support/kioskctl';
import { openPtyPair, type PtyPair } from '../support/pty';

// The two things elders come for, end to end: a meal ordered and its ticket printed on an ESC/POS
// printer at the far end of a real PTY, and a service booked for a time slot.
let kiosk: ServeProcess;
let printer: PtyPair;
let printed: Buffer[] = [];
let temp: { dir: string; remove: () => void };

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-');
  printer = await openPtyPair();
  const far = createReadStream(printer.b);
  far.on('data', (chunk) => printed.push(Buffer.from(chunk)));
  far.on('error', () => undefined);
  kiosk = await startServeWithPrinter(temp.dir, printer.a);
});

test.afterEach(async ({ page }) => {
  await leaveSession(page);
});

test.afterAll(async () => {
  await kiosk?.stop();
  await printer?.close();
  temp?.remove();
});

test('tap a card → 订餐 → a dish → 确认 → the ticket’s bytes arrive at the PTY printer', async ({
  page,
}) => {
  printed = [];
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /张桂英/ }).click();
  await page.getByRole('button', { name: '订餐', exact: true }).click({ timeout: 10_000 });
  await expect(page.getByTestId('ordering-day')).toBeVisible();
  const dish = page.locator('.ordering__grid button').first();
  const dishName = ((await dish.textContent()) ?? '').replace(/[^\u4e00-\u9fff]/g, '').slice(0, 3);
  await dish.click();
  await expect(page.getByTestId('ordering-total')).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/meal-confirm-zh-CN.png' });
  await page.getByTestId('ordering-confirm').click();
  const queue = page.getByTestId('ordering-queue');
  await expect(queue).toBeVisible({ timeout: 20_000 });
  const queueText = ((await queue.textContent()) ?? '').trim();
  await page.screenshot({ path: 'docs/screenshots/meal-ticket-zh-CN.png' });

  await expect
    .poll(() => iconv.decode(Buffer.concat(printed), 'gb18030'), { timeout: 15_000 })
    .toContain(dishName);
  const bytes = Buffer.concat(printed);
  const text = iconv.decode(bytes, 'gb18030');
  expect(text).toContain(queueText.replace(/\D/g, '').slice(-3));
  expect(bytes.includes(Buffer.from([0x1d, 0x56]))).toBe(true); // GS V: the paper is cut
});

test('预约服务 → a service → a slot → 确认 gives a booking number', async ({ page }) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /沈建国/ }).click();
  await page.getByRole('button', { name: '预约服务', exact: true }).click({ timeout: 10_000 });
  await page.getByRole('button', { name: /理发/ }).click();
  await page.locator('.ordering__grid button:not([disabled])').first().click();
  await expect(page.getByTestId('booking-confirm')).toBeVisible();
  await page.getByTestId('booking-confirm').click();
  await expect(page.getByTestId('booking-number')).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: 'docs/screenshots/booking-ticket-zh-CN.png' });
});
