import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-test';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { startServeWithPrinter, type ServeProcess } from '../support/kioskctl';
import { PAPER_OUT, PRINTER_OK, PrinterPeer } from '../support/printer-peer';
import { openPtyPair, type PtyPair } from '../support/pty';
import { makeTempDir } from '../support/temp-dir';

// The counter's side of ordering, end to end: a printer on a real PTY runs out of paper, the
// elder's ticket is lost, and it is printed again — by the elder from 我的订餐, and by staff from
// 今日; then staff take cash and top up a meal wallet, and the receipt comes out of the printer.
let kiosk: ServeProcess;
let pty: PtyPair;
let printer: PrinterPeer;
let temp: { dir: string; remove: () => void };

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-counter-');
  pty = await openPtyPair();
  printer = await PrinterPeer.open(pty.b);
  kiosk = await startServeWithPrinter(temp.dir, pty.a);
});

test.afterEach(async ({ page }) => {
  const exit = page.getByTestId('staff-exit');
  if (await exit.isVisible().catch(() => false)) await exit.click();
  await leaveSession(page);
  printer.status = PRINTER_OK;
});

test.afterAll(async () => {
  await kiosk?.stop();
  await printer?.close();
  await pty?.close();
  temp?.remove();
});

/** 张桂英 orders the first dish while the printer has no paper; returns her pick-up number. */
async function orderWithoutPaper(page: Page): Promise<string> {
  printer.status = PAPER_OUT;
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /张桂英/ }).click();
  await page.getByRole('button', { name: '订餐', exact: true }).click({ timeout: 10_000 });
  await page.locator('.ordering__grid button').first().click();
  await page.getByTestId('ordering-confirm').click();
  const queue = page.getByTestId('ordering-queue');
  await expect(queue).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText('小票没有打出来', { exact: false }).first()).toBeVisible();
  return ((await queue.textContent()) ?? '').trim();
}

async function signInStaff(page: Page): Promise<void> {
  await page.getByRole('button', { name: /工作人员 王晓红/ }).click();
  for (const digit of '123456')
    await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByRole('heading', { name: '工作人员：王晓红' })).toBeVisible();
}

test('a ticket lost to paper-out: staff see it in 今日 and 补打 prints it at the PTY', async ({
  page,
}) => {
  const queue = await orderWithoutPaper(page);
  expect(printer.text()).not.toContain(queue);
  await page.getByTestId('nav-home').click();
  await page.getByTestId('home-done').click();
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();

  await signInStaff(page);
  await page.getByTestId('staff-tab-today').click();
  const unprinted = page.getByTestId('staff-unprinted');
  await expect(unprinted).toContainText(queue);
  await expect(page.getByText('⚠ 小票没打出').first()).toBeVisible();
  const axe = await new AxeBuilder({ page })
    .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
  await page.screenshot({ path: 'docs/screenshots/staff-today-reprint-zh-CN.png' });

  printer.status = PRINTER_OK;
  await unprinted.getByRole('button', { name: '补打小票' }).first().click();
  await expect(page.getByRole('status').filter({ hasText: '已补打' })).toBeVisible();
  await printer.waitForText('（补打）');
  expect(printer.text()).toContain(queue);
  await expect(unprinted).not.toContainText(queue);
});

test('the elder reprints her own lost ticket from 我的订餐', async ({ page }) => {
  const queue = await orderWithoutPaper(page);
  printer.status = PRINTER_OK;
  await page.getByTestId('nav-home').click();
  await page.getByRole('button', { name: '订餐', exact: true }).click();
  await page.getByRole('button', { name: /我的订餐/ }).click();
  const row = page.locator('.ordering__item').filter({ hasText: queue });
  await row.getByRole('button', { name: /补打小票/ }).click();
  await expect(page.getByTestId('caption')).toContainText('小票打好了');
  await printer.waitForText('（补打）');
  await expect(row.getByRole('button', { name: /补打小票/ })).toHaveCount(0);
});

test('staff take cash and top up a meal wallet; the receipt prints', async ({ page }) => {
  await openKiosk(page, kiosk.kioskUrl);
  await signInStaff(page);
  await page.getByTestId('staff-find-query').fill('张桂英');
  await page.getByTestId('staff-find').click();
  await page.getByTestId('staff-elder-nx-0001').click();
  await page.getByTestId('staff-assist-topup').click();
  const balance = page.getByTestId('staff-topup-balance');
  await expect(balance).toContainText('现在余额');
  const before = Number(/([\d.]+) 元/.exec((await balance.textContent()) ?? '')?.[1]);

  await page.getByTestId('staff-topup-amount').fill('12.345');
  await expect(page.getByRole('alert')).toContainText('请输入 1 至 1000 元');
  await expect(page.getByTestId('staff-topup-confirm')).toHaveCount(0);
  await page.getByTestId('staff-topup-amount').fill('50');
  await page.screenshot({ path: 'docs/screenshots/staff-topup-zh-CN.png' });
  const axe = await new AxeBuilder({ page })
    .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
  await page.getByTestId('staff-topup-confirm').click();
  const done = page.getByTestId('staff-topup-done');
  await expect(done).toContainText(`已充值 50.00 元，现在余额 ${(before + 50).toFixed(2)} 元`);
  await expect(done).toContainText('收据已打印');
  await printer.waitForText('充值金额 ¥50.00');
  expect(printer.text()).toContain('经办：王晓红');
});
