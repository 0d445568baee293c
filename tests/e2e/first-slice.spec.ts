import { expect, test } from '../support/e2e-test';
import { makeTempDir } from '../support/temp-dir';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { startServe, type ServeProcess } from '../support/kioskctl';

// The first slice, as a person uses it: the idle screen asks for the card, a demo card is tapped
// on the simulated reader, the elder is greeted by name, and home offers the four choices.
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

test('idle → tap a demo card → greeting by name → the four home buttons', async ({ page }) => {
  await openKiosk(page, kiosk.kioskUrl);
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  await expect(page.getByRole('img', { name: /读卡器/ })).toBeVisible();
  await expect(page.getByTestId('caption')).toContainText('请把老年卡放到读卡器上');
  await page.screenshot({ path: 'docs/screenshots/idle-zh-CN.png' });

  await page.getByRole('button', { name: /张桂英/ }).click();
  await expect(page.getByRole('heading', { name: '张桂英，您好' })).toBeVisible();
  await expect(page.getByTestId('caption')).toContainText('张桂英，您好');
  await page.screenshot({ path: 'docs/screenshots/greeting-zh-CN.png' });

  for (const name of ['订餐', '预约服务', '我的待遇', '呼叫工作人员']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible({ timeout: 10_000 });
  }
  await page.screenshot({ path: 'docs/screenshots/home-zh-CN.png' });

  // The same button is never smaller than 96 px, and the base text is at least 32 px.
  const box = await page.getByRole('button', { name: '订餐', exact: true }).boundingBox();
  expect(box?.height).toBeGreaterThanOrEqual(96);
  expect(box?.width).toBeGreaterThanOrEqual(96);
  const baseFont = await page.evaluate(() =>
    parseFloat(getComputedStyle(document.documentElement).fontSize),
  );
  expect(baseFont).toBeGreaterThanOrEqual(32);

  await page.getByRole('button', { name: '我办完了' }).click();
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  await expect(page.getByText('张桂英，请选择')).toHaveCount(0);
});

test('an unregistered card gets a clear message, shown and spoken, then idle again', async ({
  page,
}) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: '没登记的卡' }).click();
  await expect(page.getByRole('heading', { name: '这张卡还没有登记' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('请到柜台找工作人员');
  await expect(page.getByTestId('caption')).toContainText('这张卡还没有登记');
  await page.screenshot({ path: 'docs/screenshots/unknown-card-zh-CN.png' });
  await page.getByRole('button', { name: '确认' }).click();
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
});

test('呼叫工作人员 records the help call and reassures the elder', async ({ page }) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /沈建国/ }).click();
  await page.getByRole('button', { name: '呼叫工作人员', exact: true }).first().click();
  await expect(page.getByRole('heading', { name: '已通知工作人员' })).toBeVisible();
  await expect(page.getByTestId('caption')).toContainText('已经通知工作人员');
});

test('the idle screen comes prerendered in the page, and the script adopts it without errors', async ({
  page,
  request,
}) => {
  // Painted from the HTML alone, before any script: 请刷卡, the picture, the station's name.
  const html = await (await request.get(kiosk.url)).text();
  const root = /<div id="root" data-prerendered="idle">([\s\S]*?)<\/div>\s*<\/body>/.exec(html);
  expect(root?.[1]).toContain('请刷卡');
  expect(root?.[1]).toContain('南浔镇社区居家养老服务照料中心');
  expect(root?.[1]).not.toContain('\uE000');

  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // Keep hold of the heading the HTML parser made, before any script of the page runs.
  await page.addInitScript(() => {
    const seen = window as unknown as { parsedTitle?: Element };
    new MutationObserver(() => {
      seen.parsedTitle ??= document.querySelector('h1') ?? undefined;
    }).observe(document, { childList: true, subtree: true });
  });
  await openKiosk(page, kiosk.kioskUrl);
  // Adopted (hydrated), not drawn again: the parser's heading is the one on screen, and React
  // reported no mismatch.
  const adopted = await page.evaluate(() => {
    const seen = window as unknown as { parsedTitle?: Element };
    return seen.parsedTitle !== undefined && seen.parsedTitle === document.querySelector('h1');
  });
  expect(adopted).toBe(true);
  expect(errors).toEqual([]);
  await page.getByRole('button', { name: /张桂英/ }).click();
  await expect(page.getByRole('heading', { name: '张桂英，您好' })).toBeVisible();
});

test('a page without the per-launch token cannot reach the core', async ({ page }) => {
  await page.goto(kiosk.url);
  await expect(page.getByRole('alert')).toContainText('#token=');
});

test('after a card tap the caption shows the greeting and the speech log names the engine', async ({
  page,
}) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: /周德明/ }).click();
  await expect(page.getByTestId('caption')).toContainText('周德明');
  // The speech log is read from the core over the kiosk page's own socket (same origin, token).
  const ws = await page.evaluate(
    (url) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () =>
          socket.send(JSON.stringify({ id: 1, call: 'speech.log', payload: {} }));
        socket.onmessage = (m) => {
          const data = JSON.parse(String(m.data)) as { id?: number };
          if (data.id === 1) resolve(String(m.data));
        };
      }),
    `${kiosk.url.replace('http', 'ws')}/api?token=${new URL(kiosk.kioskUrl).hash.slice('#token='.length)}`,
  );
  const reply = JSON.parse(ws) as {
    result: { ok: boolean; value: { key?: string; engine: string }[] };
  };
  expect(reply.result.ok).toBe(true);
  const greeting = reply.result.value.find((l) => l.key === 'greeting.spoken');
  // zh-CN ships no recorded clips and no sherpa-onnx model is configured, so with espeak-ng
  // installed (CI installs it) the greeting must have been synthesised by espeak-ng.
  expect(greeting?.engine).toBe('espeak-ng');
});
