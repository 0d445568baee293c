import type { Page } from '@playwright/test';
import { expect, test } from '../support/e2e-test';
import { makeTempDir } from '../support/temp-dir';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { startServe, type ServeProcess } from '../support/kioskctl';

// 我的待遇 and 服务找人 for a demo elder: 张桂英 is 83, lives alone in Nanxun (seed 001's list
// applies), has not applied for 高龄津贴 and her yearly 能力评估 is due, so she has reminders.
let kiosk: ServeProcess;
let temp: { dir: string; remove: () => void };

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-');
  kiosk = await startServe(['--data-dir', temp.dir]);
});

test.afterEach(async ({ page }) => {
  const exit = page.getByTestId('staff-exit');
  if (await exit.isVisible().catch(() => false)) await exit.click();
  await leaveSession(page);
});

test.afterAll(async () => {
  await kiosk?.stop();
  temp?.remove();
});

interface LogLine {
  at: string;
  key: string | null;
  caption: string;
}

/** The core's speech log (what was asked to be spoken, in order), over the page's own socket. */
async function speechLog(page: Page): Promise<LogLine[]> {
  const reply = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () =>
          socket.send(JSON.stringify({ id: 1, call: 'speech.log', payload: { limit: 500 } }));
        socket.onmessage = (m) => {
          if ((JSON.parse(String(m.data)) as { id?: number }).id !== 1) return;
          socket.close();
          resolve(String(m.data));
        };
      }),
    `${kiosk.url.replace('http', 'ws')}/api?token=${new URL(kiosk.kioskUrl).hash.slice('#token='.length)}`,
  );
  const { result } = JSON.parse(reply) as { result: { ok: boolean; value: LogLine[] } };
  if (!result.ok) throw new Error(`speech.log refused: ${reply}`);
  return result.value;
}

/** The keys spoken since `since` (an ISO time), in order. */
const keysSince = async (page: Page, since: string): Promise<(string | null)[]> =>
  (await speechLog(page)).filter((l) => l.at >= since).map((l) => l.key);

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
  // the elder's own view: no conditions, no citations, no 不适用 section
  await expect(page.getByText('出处')).toHaveCount(0);
  await expect(page.getByRole('heading', { name: '不适用的项目' })).toHaveCount(0);
  await page.screenshot({ path: 'docs/screenshots/benefits-zh-CN.png', fullPage: true });

  const tapped = new Date().toISOString();
  await allowance.click();
  await expect(page.getByTestId('caption')).toContainText('高龄津贴');
  // spoken, not only captioned: the core was asked for the item's line and made its audio
  await expect
    .poll(async () =>
      (await speechLog(page)).filter(
        (l) => l.at >= tapped && l.key === 'benefits:spoken.item' && l.caption.includes('高龄津贴'),
      ),
    )
    .toHaveLength(1);
});

test('服务找人 is spoken once a session, right after the greeting, and the home prompt follows', async ({
  page,
}) => {
  test.setTimeout(150_000);
  await openKiosk(page, kiosk.kioskUrl);
  const tapped = new Date().toISOString();
  await page.getByRole('button', { name: /张桂英/ }).click();
  await expect(page.getByRole('button', { name: '订餐', exact: true })).toBeVisible({
    timeout: 10_000,
  });
  await expect(page.getByRole('button', { name: /评估/ }).first()).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/home-reminders-zh-CN.png' });
  // The reminders are heard out (their audio ends) before the home prompt is asked for.
  await expect
    .poll(() => keysSince(page, tapped), { timeout: 90_000, intervals: [500] })
    .toEqual(['greeting.spoken', 'benefits:spoken.reminders', 'home.spoken']);

  // Back home from 我的待遇: the reminders are still shown, but only the home prompt is spoken.
  await page.getByRole('button', { name: '我的待遇', exact: true }).click();
  await expect(page.getByRole('heading', { name: '我的待遇' })).toBeVisible();
  await page.getByTestId('nav-home').click();
  await expect(page.getByRole('button', { name: /评估/ }).first()).toBeVisible();
  await expect
    .poll(async () => (await keysSince(page, tapped)).filter((k) => k === 'home.spoken').length)
    .toBe(2);
  const spoken = await keysSince(page, tapped);
  expect(spoken.filter((k) => k === 'benefits:spoken.reminders')).toHaveLength(1);
});

test('staff acting for an elder see each item’s conditions and source, and what does not apply', async ({
  page,
}) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /工作人员 王晓红/ }).click();
  for (const digit of '123456')
    await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByTestId('staff-find-query').fill('张桂英');
  await page.getByTestId('staff-find').click();
  await page.getByTestId('staff-elder-nx-0001').click();
  await page.getByTestId('staff-assist-benefits').click();
  await expect(page.getByRole('heading', { name: '我的待遇' })).toBeVisible();

  const high = page.locator('li', { has: page.getByTestId('benefit-10-high-age-allowance') });
  await expect(high.locator('dt')).toHaveText(['条件', '出处']);
  await expect(high.locator('dd').first()).toHaveText(/^\d+ 周岁，80 周岁以上$/);
  await expect(high.locator('dd').last()).toContainText(
    '浔政办发〔2023〕50号 第 10 项 (001_bbdd73ef92731b3c.txt)',
  );
  await expect(high.locator('dd').last()).toContainText('不重复享受');

  const notEligible = page.getByRole('region', { name: '不适用的项目' });
  await expect(notEligible).toBeVisible();
  const longevity = notEligible.locator('li', {
    has: page.getByTestId('benefit-10-longevity-allowance'),
  });
  await expect(longevity.locator('dd').first()).toContainText('不在 100 周岁以上');
  await expect(notEligible.getByTestId('benefit-1-employee-pension')).toBeVisible();
});
