import { writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, test } from '../support/e2e-test';
import { encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import { makeTempDir } from '../support/temp-dir';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { startServe, type ServeProcess } from '../support/kioskctl';
import { openPtyPair, type PtyPair } from '../support/pty';

// The staff 设备与同步 tab for a station with a real EM4100 reader on a socat PTY and a platform
// that cannot be reached (a closed port on loopback): what a technician needs is on the screen —
// the reader's last read, its errors and the last one, its reconnects; the sync error and how long
// the oldest transaction has waited.
let kiosk: ServeProcess;
let pty: PtyPair;
let temp: { dir: string; remove: () => void };

/** A loopback port nobody listens on: taken, then given back. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === 'object' && address ? address.port : 9;
}

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-health-');
  const platformPort = await closedPort();
  pty = await openPtyPair();
  const config = join(temp.dir, 'station.json');
  writeFileSync(
    config,
    JSON.stringify({
      devices: [{ kind: 'card-reader', driver: 'em4100', path: pty.a, baud: 9600 }],
      platform: {
        url: `http://127.0.0.1:${platformPort}`,
        deviceId: 'e2e-health',
        secret: 'e2e-health-secret-0001',
      },
    }),
  );
  kiosk = await startServe(['--data-dir', temp.dir, '--config', config, '--demo']);
});

test.afterAll(async () => {
  await kiosk?.stop();
  await pty?.close();
  temp?.remove();
});

test('the health tab shows each device’s last read, errors and reconnects, and the sync error', async ({
  page,
}) => {
  await openKiosk(page, kiosk.kioskUrl);
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  // A red help call the unreachable platform cannot take ...
  await page.getByRole('button', { name: '紧急求助' }).click();
  await expect(page.getByRole('heading', { name: '已发出紧急求助' })).toBeVisible();
  // ... a card read on the PTY reader (kept writing until the core has the reader open) ...
  await expect(async () => {
    await writeFile(pty.b, encodeEm4100Frame('0B2C3D4E5F'));
    await expect(page.getByRole('heading', { name: /陆秀珍/ })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // ... and a frame with a bad checksum.
  await writeFile(pty.b, Buffer.from('\x020B2C3D4E5F00\x03', 'latin1'));

  await leaveSession(page);
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  await page.getByRole('button', { name: /工作人员 王晓红/ }).click();
  for (const digit of '123456')
    await page.getByRole('button', { name: digit, exact: true }).click();
  await page.getByTestId('staff-tab-health').click();

  const reader = page.getByTestId(`staff-device-em4100:${pty.a}`);
  await expect(reader).toContainText('已连接');
  await expect(reader).toContainText(/最近一次使用 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/);
  await expect(reader).toContainText(/出错 1 次，最近一次：em4100:.*checksum 00 does not match/);
  await expect(reader).toContainText('重新连接 0 次');
  await expect(page.getByTestId('staff-device-keyboard-wedge')).toContainText('还没有使用过');
  await expect(page.getByTestId('staff-sync')).toContainText(/最早一条已等待 \d+ (秒|分钟)/);
  await expect(page.getByTestId('staff-sync-error')).toContainText(
    /同步出错：.*POST http:\/\/127\.0\.0\.1:\d+\/v1\/device\/push/,
  );
  // Never a success to be newer than it, so the error stands, with its time.
  await expect(page.getByTestId('staff-sync-error')).toContainText(
    /出错时间 \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}/,
  );
  await expect(page.getByText('平台发来、本站没有采用的政策包')).toHaveCount(0);
  await page.getByTestId('staff-exit').click();
});
