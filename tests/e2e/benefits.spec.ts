import { expect, test } from '../support/e2e-test';
import { makeTempDir } from '../support/temp-dir';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { startServe, type ServeProcess } from '../support/kioskctl';

// 我的待遇 for a demo elder: 张桂英 is 83 and lives alone in Nanxun (seed 001's list applies).
let kiosk: ServeProcess;
let temp: { dir: string; remove: () => void };

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-');
  kiosk = await startServe(['--data-dir', temp.dir]);
});

test.afterEach(async ({ page }) => {
  await leaveSession(page);
});

test.afterAll(async () => {
  await kiosk?.stop();
  temp?.remove();
});

test('a demo elder’s 我的待遇 shows the expected items and speaks one when tapped', async ({
  page,
}) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /张桂英/ }).click();
  await page.getByRole('button', { name: '我的待遇', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的待遇' })).toBeVisible();
  const allowance = page.getByRole('button', { name: /高龄津贴/ });
  await expect(allowance).toBeVisible();
  await expect(page.getByRole('button', { name: /公交/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /长寿保健/ })).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/benefits-zh-CN.png', fullPage: true });
  await allowance.click();
  await expect(page.getByTestId('caption')).toContainText('高龄津贴');
});

test('the home screen shows the 服务找人 reminders first', async ({ page }) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /张桂英/ }).click();
  await expect(page.getByRole('button', { name: '订餐', exact: true })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByRole('button', { name: /评估/ }).first()).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/home-reminders-zh-CN.png' });
});
