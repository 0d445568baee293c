import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import config from '../../playwright.config';
import { expect, test } from '../support/e2e-test';
import { leaveSession, openKiosk } from '../support/e2e-session';
import { makeTempDir } from '../support/temp-dir';
import { startServe, type ServeProcess } from '../support/kioskctl';

// Issue 7's voice pieces end to end: the staff recorder (Chromium's fake microphone, a beep, stands
// in for a speaker: it is a test signal, not speech), a pack exported and imported again, the
// elder's on-screen voice controls, 按住说话 on a station without a recognition model,
// 再听一遍, and a real screen's line (the meal confirmation) spoken from fen. The station's config sets its own voice (speech.rate / speech.volume), different from
// every demo elder's, so a session that leaves its voice behind is seen.
const STATION_VOICE = { rate: 1.2, volume: 0.7 };
const base = config.use?.launchOptions ?? {};
test.use({
  launchOptions: {
    ...base,
    args: [
      ...(base.args ?? []),
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
    ],
  },
  permissions: ['microphone'],
});

let kiosk: ServeProcess;
let temp: { dir: string; remove: () => void };

test.beforeAll(async () => {
  temp = makeTempDir('yiyang-e2e-voice-');
  const config = join(temp.dir, 'station.json');
  writeFileSync(config, JSON.stringify({ speech: STATION_VOICE }));
  kiosk = await startServe(['--data-dir', temp.dir, '--config', config, '--demo']);
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

/** One KioskApi call over the kiosk page's own socket (same origin, the launch token). */
async function kioskCall<T>(page: Page, call: string, payload: unknown): Promise<T> {
  const reply = await page.evaluate(
    ({ url, call, payload }) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () => socket.send(JSON.stringify({ id: 1, call, payload }));
        socket.onmessage = (m) => {
          const data = JSON.parse(String(m.data)) as { id?: number };
          if (data.id === 1) {
            socket.close();
            resolve(String(m.data));
          }
        };
      }),
    {
      url: `${kiosk.url.replace('http', 'ws')}/api?token=${new URL(kiosk.kioskUrl).hash.slice('#token='.length)}`,
      call,
      payload,
    },
  );
  const { result } = JSON.parse(reply) as {
    result: { ok: true; value: T } | { ok: false; error: { message: string } };
  };
  if (!result.ok) throw new Error(`${call}: ${result.error.message}`);
  return result.value;
}

interface LogLine {
  key: string | null;
  locale: string;
  caption: string;
  engine: string;
  rate: number;
  volume: number;
}
const speechLog = (page: Page): Promise<LogLine[]> =>
  kioskCall<LogLine[]>(page, 'speech.log', { limit: 200 });

async function audit(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page })
    .options({ rules: { 'color-contrast-enhanced': { enabled: true } } })
    .analyze();
  expect(result.violations.map((v) => `${screen}: ${v.id} (${v.nodes.length})`)).toEqual([]);
}

async function openIdle(page: Page): Promise<void> {
  await openKiosk(page, kiosk.kioskUrl);
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  await expect(page.getByTestId('caption')).not.toBeEmpty();
}

async function signInStaff(page: Page): Promise<void> {
  await page.getByRole('button', { name: /工作人员 王晓红/ }).click();
  await expect(page.getByRole('heading', { name: /王晓红，请输入 6 位密码/ })).toBeVisible();
  for (const digit of '123456')
    await page.getByRole('button', { name: digit, exact: true }).click();
  await expect(page.getByRole('heading', { name: '工作人员：王晓红' })).toBeVisible();
}

test('staff record a Wu clip with the microphone, save it, and the kiosk says that line from it', async ({
  page,
}) => {
  await openIdle(page);
  await signInStaff(page);
  await page.getByTestId('staff-tab-recorder').click();
  await expect(page.getByRole('heading', { name: '录方言提示音' })).toBeVisible();
  await page.getByTestId('recorder-locale-wuu').click();
  await expect(page.getByTestId('recorder-locale-wuu')).toHaveAttribute('aria-pressed', 'true');
  await page.getByTestId('recorder-search').fill('idle.spoken');
  const item = page.getByTestId('recorder-key-idle.spoken');
  await expect(item).toContainText('未录');
  await item.click();
  await expect(page.getByTestId('recorder-read')).toHaveText('侬好，请拿老年卡摆到读卡器浪。');

  await page.getByTestId('recorder-record').click();
  await expect(page.getByTestId('recorder-status')).toContainText('正在录音');
  await page.waitForTimeout(1500); // a second and a half of the fake microphone's beep
  await page.getByTestId('recorder-stop').click();
  await expect(page.getByTestId('recorder-status')).toContainText('录好了');
  await page.getByTestId('recorder-play').click();
  await page.screenshot({ path: 'docs/screenshots/staff-recorder-zh-CN.png' });
  await audit(page, 'recorder with a take');
  await page.getByTestId('recorder-save').click();
  await expect(page.getByTestId('recorder-status')).toContainText('已保存');
  await expect(item).toContainText('已录');

  const clip = join(temp.dir, 'voice-packs', 'wuu', 'prompts', 'idle.spoken.0.webm');
  expect(existsSync(clip)).toBe(true);
  const recorded = readFileSync(clip);
  expect(recorded.readUInt32BE(0)).toBe(0x1a45dfa3); // a WebM file from MediaRecorder
  expect(recorded.length).toBeGreaterThan(1000);

  const line = await kioskCall<{ engine: string; segments: { src: string }[] }>(
    page,
    'speech.say',
    { key: 'idle.spoken', locale: 'wuu' },
  );
  expect(line.engine).toBe('clip');
  expect(line.segments[0]?.src).toMatch(/^data:audio\/webm;base64,/);
  const logged = (await speechLog(page)).filter((l) => l.key === 'idle.spoken');
  expect(logged.at(-1)).toMatchObject({ locale: 'wuu', engine: 'clip' });
  // Mandarin has no clip: its line still comes from TTS.
  expect(
    (await kioskCall<{ engine: string }>(page, 'speech.say', { key: 'idle.spoken' })).engine,
  ).not.toBe('clip');

  // Export the Wu pack as one file, lose the station's copy, import the file: the clip is back.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('recorder-export').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^yiyang-voice-pack-wuu-.*\.json$/);
  await expect(page.getByTestId('recorder-status')).toContainText('已导出 1 段录音');
  const file = join(temp.dir, 'exported-pack.json');
  await download.saveAs(file);
  const pack = JSON.parse(readFileSync(file, 'utf8')) as {
    kind: string;
    manifest: { locale: string; prompts: Record<string, string> };
    files: Record<string, string>;
  };
  expect(pack.kind).toBe('yiyang-voice-pack');
  expect(pack.manifest.prompts['idle.spoken']).toBe('prompts/idle.spoken.0.webm');

  // A bad file first: refused with a message, nothing written.
  rmSync(join(temp.dir, 'voice-packs', 'wuu'), { recursive: true });
  await page.getByTestId('recorder-import-file').setInputFiles({
    name: 'not-a-pack.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ kind: 'something-else' })),
  });
  await expect(page.getByTestId('recorder-error')).toContainText('导入失败，什么都没有改动');
  expect(existsSync(join(temp.dir, 'voice-packs', 'wuu'))).toBe(false);

  await page.getByTestId('recorder-import-file').setInputFiles(file);
  await expect(page.getByTestId('recorder-status')).toContainText('已导入 1 段录音（吴语）');
  expect(readFileSync(clip).equals(recorded)).toBe(true);
  expect(
    (await kioskCall<{ engine: string }>(page, 'speech.say', { key: 'idle.spoken', locale: 'wuu' }))
      .engine,
  ).toBe('clip');
  await audit(page, 'recorder after import');
});

test('the recorder calls refuse without a staff member signed in', async ({ page }) => {
  await openIdle(page);
  const refused = await page.evaluate(
    ({ url }) =>
      new Promise<string>((resolve) => {
        const socket = new WebSocket(url);
        socket.onopen = () =>
          socket.send(
            JSON.stringify({ id: 1, call: 'recorder.prompts', payload: { locale: 'wuu' } }),
          );
        socket.onmessage = (m) => resolve(String(m.data));
      }),
    {
      url: `${kiosk.url.replace('http', 'ws')}/api?token=${new URL(kiosk.kioskUrl).hash.slice('#token='.length)}`,
    },
  );
  expect(JSON.parse(refused)).toMatchObject({
    result: { ok: false, error: { code: 'refused' } },
  });
});

test('an elder changes speed, loudness and language on screen; each change is heard at once', async ({
  page,
}) => {
  await openIdle(page);
  await page.getByRole('button', { name: /张桂英/ }).click();
  await expect(page.getByRole('heading', { name: '张桂英，请选择' })).toBeVisible({
    timeout: 15_000,
  });
  // No recognition model at the demo station: no 按住说话 button (see ElderVoiceBar for why).
  expect(await kioskCall(page, 'voice.status', {})).toEqual({ recognition: false });
  await expect(page.getByTestId('voicectl-open')).toBeVisible();
  await expect(page.getByTestId('hold-to-talk')).toHaveCount(0);
  await expect(page.getByRole('button', { name: '按住说话' })).toHaveCount(0);
  // The first line home speaks at her rate: her 服务找人 reminders (the home prompt follows them).
  await expect
    .poll(async () => (await speechLog(page)).at(-1)?.key)
    .toMatch(/^(home\.spoken|benefits:spoken\.reminders)$/);
  const home = (await speechLog(page)).at(-1);

  await page.getByTestId('voicectl-open').click();
  await expect(page.getByRole('heading', { name: '说话的声音' })).toBeVisible();
  await page.getByTestId('voicectl-slower').click();
  await expect(page.getByTestId('caption')).toHaveText('现在就是这样说话。您听得清楚吗？');
  await expect
    .poll(async () => (await speechLog(page)).filter((l) => l.key === 'voicectl:sample').length)
    .toBeGreaterThan(0);
  const slower = (await speechLog(page)).filter((l) => l.key === 'voicectl:sample').at(-1);
  expect(slower?.rate).toBeLessThan(home?.rate ?? 0);
  await expect(page.getByTestId('voicectl-slower')).toHaveAttribute('aria-pressed', 'true');

  // 小声一点 twice: her 0.9 goes to 0.8 (still 4 of 5 bars), then 0.6 (3 bars). (大声一点 would
  // reach 1, which is also what a station without speech.volume says, so a lost reset would hide.)
  const bars = await page.getByTestId('voicectl-bars').textContent();
  const lastSample = async (): Promise<LogLine | undefined> =>
    (await speechLog(page)).filter((l) => l.key === 'voicectl:sample').at(-1);
  await page.getByTestId('voicectl-quieter').click();
  await expect.poll(lastSample).toMatchObject({ volume: 0.8 });
  await page.getByTestId('voicectl-quieter').click();
  await expect.poll(lastSample).toMatchObject({ volume: 0.6 });
  await expect(page.getByTestId('voicectl-bars')).not.toHaveText(bars ?? '');
  // The screenshot from the top of the panel (the louder button scrolled it down).
  await page.evaluate(() => document.querySelector('.screen__body')?.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshots/voice-controls-zh-CN.png' });
  await audit(page, 'voice controls');

  await page.getByTestId('voicectl-locale-wuu').click();
  await expect(page.getByTestId('caption')).toHaveText('现在就是迭能讲闲话。侬听得清爽伐？');
  await expect(page.getByRole('heading', { name: '讲闲话个声音' })).toBeVisible();
  await audit(page, 'voice controls in Wu');
  await page.getByTestId('nav-home').click();
  await expect(page.getByRole('heading', { name: '张桂英，请侬拣一样' })).toBeVisible();

  // The session ends: the station's language and voice (its config's, not 1 and 1) come back for
  // the next line. (Lines are logged when their audio is ready, so a long line asked for earlier
  // may be logged later.)
  const idleLines = async (): Promise<LogLine[]> =>
    (await speechLog(page)).filter((l) => l.key === 'idle.spoken');
  const before = (await idleLines()).length;
  await page.getByTestId('home-done').click();
  await expect(page.getByRole('heading', { name: '请刷卡' })).toBeVisible();
  await expect.poll(async () => (await idleLines()).length).toBeGreaterThan(before);
  expect((await idleLines()).at(-1)).toMatchObject({ locale: 'zh-CN', ...STATION_VOICE });
});

test('再听一遍 plays the last line again and shows it again', async ({ page }) => {
  // Every play() of the page's audio element, with what it played.
  await page.addInitScript(() => {
    const played: string[] = [];
    Object.assign(window, { yiyangPlayed: played });
    const play = HTMLMediaElement.prototype.play;
    HTMLMediaElement.prototype.play = function (this: HTMLMediaElement) {
      played.push(this.src);
      return play.call(this);
    };
  });
  const played = (): Promise<string[]> =>
    page.evaluate(() => [...(window as unknown as { yiyangPlayed: string[] }).yiyangPlayed]);

  await openIdle(page);
  await page.getByRole('button', { name: /周德明/ }).click();
  await expect(page.getByRole('heading', { name: /周德明/ })).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('voicectl-open').click();
  const line = '在这里可以换一种话，说慢一点或者快一点，声音大一点或者小一点。';
  await expect(page.getByTestId('caption')).toHaveText(line);
  // The audio of that line: the core makes the same bytes for the same text and rate (cached).
  await expect
    .poll(async () => (await speechLog(page)).some((l) => l.key === 'voicectl:spoken'))
    .toBe(true);
  const logged = (await speechLog(page)).filter((l) => l.key === 'voicectl:spoken').at(-1);
  const audio = await kioskCall<{ segments: { src: string }[] }>(page, 'speech.say', {
    key: 'voicectl:spoken',
    locale: 'zh-CN',
    rate: logged?.rate,
  });
  const src = audio.segments[0]?.src ?? '';
  expect(src).toMatch(/^data:audio\/wav;base64,/);
  const times = async (): Promise<number> => (await played()).filter((p) => p === src).length;
  await expect.poll(times).toBe(1);

  await page.getByRole('button', { name: '再听一遍' }).click();
  await expect.poll(times).toBe(2);
  expect((await played()).at(-1)).toBe(src);
  await expect(page.getByTestId('caption')).toHaveText(line);
});

test('the meal confirmation is spoken from fen: the funder split and the price in words', async ({
  page,
}) => {
  await openIdle(page);
  await page.getByRole('button', { name: /张桂英/ }).click();
  await page.getByRole('button', { name: '订餐', exact: true }).click({ timeout: 15_000 });
  await expect(page.getByTestId('ordering-day')).toBeVisible();
  await page.locator('.ordering__grid button').first().click();
  await expect(page.getByTestId('ordering-total')).toBeVisible();
  const caption = page.getByTestId('caption');
  await expect(caption).toContainText('对的话请按确认');
  // 政府补…元，…您付…元: words, no "2.00" anywhere (dish names carry no digits)
  await expect(caption).toHaveText(
    /份，堂食。(政府补|企业让|慈善捐).+元.*您付.+元.*。对的话请按确认。$/,
  );
  expect(await caption.textContent()).not.toMatch(/\d/);
  await expect
    .poll(async () => (await speechLog(page)).find((l) => l.key === 'ordering:spoken.confirm'))
    .toMatchObject({ engine: 'espeak-ng', locale: 'zh-CN' });
});
