import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '../support/e2e-test';
import { encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import { makeTempDir } from '../support/temp-dir';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { startServe, type ServeProcess } from '../support/kioskctl';
import { openPtyPair, type PtyPair } from '../support/pty';

// Real serial code end to end: an EM4100 reader and a red/green button box, each on a socat PTY
// pair, configured like a technician would, and the far ends writing what the devices send when a
// card is tapped or a button pressed.
let kiosk: ServeProcess;
let pty: PtyPair;
let buttons: PtyPair;
let temp: { dir: string; remove: () => void };

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-');
  pty = await openPtyPair();
  buttons = await openPtyPair();
  const config = join(temp.dir, 'station.json');
  writeFileSync(
    config,
    JSON.stringify({
      devices: [
        { kind: 'card-reader', driver: 'em4100', path: pty.a, baud: 9600 },
        { kind: 'buttons', driver: 'serial', path: buttons.a, redByte: 0x52, greenByte: 0x47 },
      ],
    }),
  );
  kiosk = await startServe(['--data-dir', temp.dir, '--config', config, '--demo']);
});

test.afterEach(async ({ page }) => {
  await leaveSession(page);
});

test.afterAll(async () => {
  await kiosk?.stop();
  await pty?.close();
  await buttons?.close();
  temp?.remove();
});

test('a card frame written to the PTY reader reaches the greeting screen', async ({ page }) => {
  await openKiosk(page, kiosk.kioskUrl);
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  const { writeFile } = await import('node:fs/promises');
  // The reader is opened in the background: keep tapping until the core has it open.
  await expect(async () => {
    await writeFile(pty.b, encodeEm4100Frame('0B2C3D4E5F'));
    await expect(page.getByRole('heading', { name: /陆秀珍/ })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
});

test('a keyboard-wedge reader typing a UID and Enter greets the elder', async ({ page }) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('heading', { name: '请刷卡' }).waitFor();
  await page.keyboard.type('04A1B2C3', { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /沈建国/ })).toBeVisible();
});

test('a keyboard-wedge reader typing the UID in decimal greets the right elder', async ({
  page,
}) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('heading', { name: '请刷卡' }).waitFor();
  // 蔡国平's card 04B2C3D4 as a 10-digit decimal reader types it; dispatched in one burst, at
  // machine speed, like a reader
  await page.evaluate(() => {
    for (const key of [...'0078824404', 'Enter'])
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  });
  await expect(page.getByRole('heading', { name: /蔡国平/ })).toBeVisible();
});

test('the red button of a serial button box on a PTY shows the emergency screen', async ({
  page,
}) => {
  await openKiosk(page, kiosk.kioskUrl);
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  const { writeFile } = await import('node:fs/promises');
  // The box is opened in the background: press until the core has it open.
  await expect(async () => {
    await writeFile(buttons.b, Buffer.from([0x52]));
    await expect(page.getByRole('heading', { name: '已发出紧急求助' })).toBeVisible({
      timeout: 1000,
    });
  }).toPass({ timeout: 20_000 });
  await expect(page.getByTestId('caption')).toContainText('紧急求助');
});

test('the red on-screen button records an emergency call and says so', async ({ page }) => {
  await openKiosk(page, kiosk.kioskUrl);
  await page.getByRole('button', { name: '紧急求助' }).click();
  await expect(page.getByRole('heading', { name: '已发出紧急求助' })).toBeVisible();
  await expect(page.getByTestId('caption')).toContainText('紧急求助');
});
