import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-test';
import { openKiosk } from '../support/e2e-session';
import { makeTempDir } from '../support/temp-dir';
import { startServe, type ServeProcess } from '../support/kioskctl';

// The staff console end to end: the demo staff card on the demo tray, the PIN on the keypad, the
// console, an elder found by the last 4 digits of the ID number, acting for them (benefits and a
// meal order), then back to the elder screens; a forgotten PIN screen; a wrong PIN. Demo staff:
// 王晓红, card 5A000001, PIN 123456. (Every staff screen's axe-core check and screenshot, the
// lockout and a supervisor's new PIN are in elder-screens.spec.ts, in both languages.)
let kiosk: ServeProcess;
let temp: { dir: string; remove: () => void };

const ZHANG_ID_LAST4 = '0124'; // 张桂英, demo elder nx-0001

// The shortest idle time the config allows: the PIN screen's timeout is seen within a test.
const IDLE_SECONDS = 15;

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-staff-');
  const config = join(temp.dir, 'station.json');
  writeFileSync(config, JSON.stringify({ timeouts: { sessionIdleSeconds: IDLE_SECONDS } }));
  kiosk = await startServe(['--data-dir', temp.dir, '--config', config, '--demo']);
});

test.afterEach(async ({ page }) => {
  // Leave the console (or the PIN screen) so the next test starts at 请刷卡.
  const exit = page.getByTestId('staff-exit');
  if (await exit.isVisible().catch(() => false)) await exit.click();
});

test.afterAll(async () => {
  await kiosk?.stop();
  temp?.remove();
});

/** The kiosk page at 请刷卡, its idle line captioned: the screen a staff member walks up to. */
async function openIdle(page: Page): Promise<void> {
  await openKiosk(page, kiosk.kioskUrl);
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  await expect(page.getByTestId('caption')).not.toBeEmpty();
}

async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('button', { name: digit, exact: true }).click();
}

test('staff card → PIN → console → elder by last 4 ID digits → act for them → elder screens', async ({
  page,
}) => {
  await openIdle(page);
  await page.getByRole('button', { name: /工作人员 王晓红/ }).click();
  await expect(page.getByRole('heading', { name: /王晓红，请输入 6 位密码/ })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/staff-pin-zh-CN.png' });
  await enterPin(page, '123456');
  await expect(page.getByRole('heading', { name: '工作人员：王晓红' })).toBeVisible();

  await page.getByTestId('staff-find-query').fill(ZHANG_ID_LAST4);
  await page.getByTestId('staff-find').click();
  const match = page.getByTestId('staff-elder-nx-0001');
  await expect(match).toContainText('张桂英');
  await expect(match).toContainText(ZHANG_ID_LAST4);
  await page.screenshot({ path: 'docs/screenshots/staff-console-zh-CN.png' });
  await match.click();
  await expect(page.getByTestId('staff-assisting')).toContainText('代办：张桂英');
  // The full ID number never reaches the page: 18 characters of ID appear nowhere.
  expect(await page.content()).not.toMatch(/\d{17}[\dX]/);

  // Her benefits, seen by staff.
  await page.getByTestId('staff-assist-benefits').click();
  await expect(page.getByRole('heading', { name: '我的待遇' })).toBeVisible();
  await expect(page.getByRole('button', { name: /高龄津贴/ })).toBeVisible();
  await page.getByRole('button', { name: '返回', exact: true }).first().click();

  // A meal ordered on her behalf.
  await page.getByTestId('staff-assist-meals').click();
  await expect(page.getByTestId('ordering-day')).toBeVisible();
  await page.locator('.ordering__grid button').first().click();
  await page.getByTestId('ordering-confirm').click();
  await expect(page.getByTestId('ordering-queue')).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('status').filter({ hasText: '正在为 张桂英 代办' })).toBeVisible();

  // Back to the console, then one tap back to the elder screens.
  await page.getByTestId('nav-home').click();
  await expect(page.getByTestId('staff-assisting')).toBeVisible();
  await page.getByTestId('staff-tab-report').click();
  await expect(page.getByTestId('staff-report')).toContainText('政府');
  await page.getByTestId('staff-exit').click();
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
});

test('a PIN screen left alone goes back to 请刷卡 after the idle time, before the core’s backstop', async ({
  page,
}) => {
  await openIdle(page);
  await page.getByRole('button', { name: /工作人员 王晓红/ }).click();
  await expect(page.getByRole('heading', { name: /王晓红，请输入 6 位密码/ })).toBeVisible();
  await enterPin(page, '12'); // two digits, then she is called away
  const left = Date.now();
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible({ timeout: 30_000 });
  const waited = (Date.now() - left) / 1000;
  // The page's own clock (15 s here); the core's backstop would only come 10 s later.
  expect(waited).toBeGreaterThan(IDLE_SECONDS - 1);
  expect(waited).toBeLessThan(IDLE_SECONDS + 6);
  await expect(page.getByRole('heading', { name: /请输入 6 位密码/ })).toHaveCount(0);
});

test('a wrong PIN is counted and the console stays closed', async ({ page }) => {
  await openIdle(page);
  await page.getByRole('button', { name: /工作人员 王晓红/ }).click();
  await enterPin(page, '000000');
  await expect(page.getByRole('alert')).toContainText('还可以试 9 次');
  await expect(page.getByRole('heading', { name: '工作人员：王晓红' })).toHaveCount(0);
  await page.getByRole('button', { name: '返回', exact: true }).click();
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
});
