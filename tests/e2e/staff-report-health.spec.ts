import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-test';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { projectRoot, startServe, type ServeProcess } from '../support/kioskctl';
import { PlatformProcess } from '../support/platform-process';
import { makeTempDir } from '../support/temp-dir';

// The staff console's 日结报表 and 设备与同步 against a real station and a real platform process on
// loopback. The platform holds a policy pack with a misspelt field and is down when the station
// starts: staff see the sync error, then (platform back) the error gone and the refused pack with
// the loader's reason. Cash taken for a meal and for a top-up shows up in the report's cash drawer,
// on screen and in the saved CSV.
let kiosk: ServeProcess;
let platform: PlatformProcess;
let temp: { dir: string; remove: () => void };

type Pack = { version: string; items: Record<string, unknown>[] } & Record<string, unknown>;

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-report-health-');
  platform = await PlatformProcess.start({ dbFile: join(temp.dir, 'platform.db') });
  const device = await platform.createDevice('e2e-report-health');
  const shipped = JSON.parse(
    readFileSync(join(projectRoot, 'policies', 'nanxun-2023.json'), 'utf8'),
  ) as Pack;
  const bad: Pack = {
    ...shipped,
    version: '9.0.0',
    items: shipped.items.map((i, n) => (n === 0 ? { ...i, audiance: [] } : i)),
  };
  await platform.catalogue({ policyPacks: [{ id: 'nanxun-2023', version: '9.0.0', body: bad }] });
  await platform.stop();
  const config = join(temp.dir, 'station.json');
  writeFileSync(config, JSON.stringify({ platform: { url: platform.url, ...device } }));
  kiosk = await startServe(['--data-dir', temp.dir, '--config', config, '--demo']);
});

test.afterEach(async ({ page }) => {
  const exit = page.getByTestId('staff-exit');
  if (await exit.isVisible().catch(() => false)) await exit.click();
  await leaveSession(page);
});

test.afterAll(async () => {
  await kiosk?.stop();
  await platform?.stop();
  temp?.remove();
});

async function signInStaff(page: Page): Promise<void> {
  await page.getByRole('button', { name: /工作人员 王晓红/ }).click();
  for (const digit of '123456')
    await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByRole('heading', { name: '工作人员：王晓红' })).toBeVisible();
}

async function expectNoAxeViolations(page: Page): Promise<void> {
  const axe = await new AxeBuilder({ page })
    .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze();
  expect(axe.violations.map((v) => `${v.id} (${v.nodes.length})`)).toEqual([]);
}

test('设备与同步: the sync error while the platform is down, then the refused pack and its reason', async ({
  page,
}) => {
  await openKiosk(page, kiosk.kioskUrl);
  await signInStaff(page);
  await page.getByTestId('staff-tab-health').click();
  const refresh = page.getByTestId('staff-health-refresh');
  const error = page.getByTestId('staff-sync-error');
  await expect(async () => {
    await refresh.click();
    await expect(error).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await expect(error).toContainText(/同步出错：.*127\.0\.0\.1/);
  await expect(error).toContainText(/出错时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);

  platform = await platform.restart();
  const refused = page.getByTestId('staff-refused-policy-pack-nanxun-2023');
  await expect(async () => {
    await refresh.click();
    await expect(refused).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 60_000 });
  await expect(page.getByRole('heading', { name: '平台发来、本站没有采用的政策包' })).toBeVisible();
  await expect(refused).toContainText('政策包 nanxun-2023 版本 9.0.0');
  await expect(refused).toContainText(
    "原因：pulled policy pack nanxun-2023 9.0.0 refused: item 1 (1-employee-pension): unknown field 'audiance'",
  );
  // The pull that brought the pack succeeded after the last failure: that error is no longer shown.
  await expect(page.getByTestId('staff-sync')).toContainText(/上次下载 \d{4}-\d{2}-\d{2}/);
  await expect(error).toHaveCount(0);
  const reasonSize = await refused
    .getByText(/^原因：/)
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(reasonSize).toBeGreaterThanOrEqual(24);
  await expectNoAxeViolations(page);
  await refused.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/staff-health-refused-zh-CN.png' });
});

test('日结报表: cash for a meal and a top-up in the cash drawer, on screen and in the CSV', async ({
  page,
}) => {
  // 张桂英 orders a meal and will pay at the counter.
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /张桂英/ }).click();
  await page.getByRole('button', { name: '订餐', exact: true }).click({ timeout: 10_000 });
  await page.locator('.ordering__grid button').first().click();
  await page.getByRole('button', { name: /现金（到柜台付）/ }).click();
  await page.getByTestId('ordering-confirm').click();
  await expect(page.getByTestId('ordering-queue')).toBeVisible({ timeout: 20_000 });
  const owed = /请到柜台付现金 ([\d.]+) 元/.exec(
    (await page.getByText('请到柜台付现金').first().textContent()) ?? '',
  )?.[1];
  expect(owed).toMatch(/^\d+\.\d{2}$/);
  await leaveSession(page);

  // Staff take her cash in 今日, and 50 元 for her meal wallet.
  await signInStaff(page);
  await page.getByTestId('staff-tab-today').click();
  await page.getByTestId('staff-cash-due').getByRole('button').first().click();
  await expect(page.getByTestId('staff-cash-due').getByRole('button')).toHaveCount(0);
  await page.getByTestId('staff-tab-find').click();
  await page.getByTestId('staff-find-query').fill('张桂英');
  await page.getByTestId('staff-find').click();
  await page.getByTestId('staff-elder-nx-0001').click();
  await page.getByTestId('staff-assist-topup').click();
  await page.getByTestId('staff-topup-amount').fill('50');
  await page.getByTestId('staff-topup-confirm').click();
  await expect(page.getByTestId('staff-topup-done')).toContainText('已充值 50.00 元');
  await page.getByRole('button', { name: '返回', exact: true }).click();

  await page.getByTestId('staff-tab-report').click();
  const expected = (Number(owed) + 50).toFixed(2);
  await expect(page.getByRole('heading', { name: '钱箱（现金）' })).toBeVisible();
  await expect(page.getByTestId('staff-drawer-meals')).toHaveText(`助餐收现金1${owed}`);
  await expect(page.getByTestId('staff-drawer-services')).toHaveText('服务收现金00.00');
  await expect(page.getByTestId('staff-drawer-topUps')).toHaveText('餐费充值收现金150.00');
  await expect(page.getByTestId('staff-drawer-refunds')).toHaveText('退还现金00.00');
  const expectedRow = page.getByTestId('staff-drawer-expected');
  await expect(expectedRow).toHaveText(`钱箱应有现金${expected}`);
  const size = await expectedRow
    .locator('td')
    .last()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(32);
  await expectNoAxeViolations(page);
  await expectedRow.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'docs/screenshots/staff-report-drawer-zh-CN.png' });

  const download = page.waitForEvent('download');
  await page.getByTestId('staff-csv').click();
  const csv = readFileSync(await (await download).path(), 'utf8');
  const row = (line: string): string[] | undefined =>
    csv
      .split('\r\n')
      .map((l) => l.split(','))
      .find((r) => r[2] === 'cash-drawer' && r[3] === line);
  expect(row('meal-cash')?.slice(4)).toEqual([owed, String(Math.round(Number(owed) * 100))]);
  expect(row('top-ups')?.slice(4)).toEqual(['50.00', '5000']);
  expect(row('expected')?.slice(4)).toEqual([expected, String(Math.round(Number(expected) * 100))]);
});
