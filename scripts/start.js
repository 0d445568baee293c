// `npm start`: Electron if its binary is installed; otherwise the browser host plus the system
// Chromium in kiosk mode if one is found; otherwise the browser host alone, printing its URL. It
// prints one line saying which and why.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureDependencies, root } from './ensure-deps.js';
import { chromiumArgs } from './chromium-kiosk.js';
import { loadCore } from './core-bundle.js';

ensureDependencies();

function electronBinary() {
  const pathFile = join(root, 'node_modules', 'electron', 'path.txt');
  if (!existsSync(pathFile)) return null;
  const exe = join(root, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(exe) ? exe : null;
}

function findChromium() {
  // YIYANG_BROWSER=none: a headless server, or a technician who opens the page elsewhere.
  if (process.env.YIYANG_BROWSER === 'none') return null;
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ];
  return candidates.find((c) => c && existsSync(c)) ?? null;
}

const passThrough = process.argv.slice(2);
const electron = electronBinary();
if (electron) {
  console.log(`[yiyang] starting Electron (${electron}): its binary is installed`);
  const build = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
  const child = spawn(electron, [root, ...passThrough], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  const chromium = findChromium();
  let browser = null;
  let profile = null;
  // The browser host runs in this process (one Node start-up instead of two), and Chromium starts
  // as soon as it prints the kiosk page, which `kioskctl serve` does before loading the station.
  const openBrowser = (kioskUrl) => {
    if (!chromium) {
      const why =
        process.env.YIYANG_BROWSER === 'none'
          ? 'YIYANG_BROWSER=none'
          : 'no Electron binary and no Chromium found';
      console.log(`[yiyang] browser host only (${why}); open ${kioskUrl}`);
      return;
    }
    console.log(
      `[yiyang] browser host + Chromium kiosk (${chromium}): no Electron binary is installed`,
    );
    profile = mkdtempSync(join(tmpdir(), 'yiyang-chromium-'));
    browser = spawn(chromium, chromiumArgs(kioskUrl, profile), { stdio: 'ignore' });
    // Closing the kiosk window stops the host too (serve stops on SIGTERM).
    browser.on('exit', () => process.kill(process.pid, 'SIGTERM'));
  };
  const io = {
    out: (line) => {
      console.log(line);
      const kioskUrl = /^kiosk page: (\S+)/.exec(line)?.[1];
      if (kioskUrl && browser === null) openBrowser(kioskUrl);
    },
    err: (line) => console.error(line),
  };
  const { main } = await loadCore();
  const code = await main(['serve', ...passThrough], io);
  // The host has stopped (closed, or a bad config): no browser is left behind on a dead page.
  if (browser && browser.exitCode === null) {
    browser.removeAllListeners('exit');
    await new Promise((resolve) => {
      browser.once('exit', resolve);
      browser.kill('SIGTERM');
    });
  }
  if (profile) rmSync(profile, { recursive: true, force: true });
  process.exit(code);
}
