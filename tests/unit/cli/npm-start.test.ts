import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { projectRoot } from '../../support/kioskctl';
import { makeTempDir } from '../../support/temp-dir';

interface Started {
  lines: string[];
  alive: () => boolean;
  stop: () => Promise<void>;
}

/** Runs scripts/start.js (what `npm start` runs) until it prints a line matching `until`. */
function start(command: string[], env: NodeJS.ProcessEnv, until: RegExp): Promise<Started> {
  return new Promise((resolve, reject) => {
    const [bin, ...args] = command as [string, ...string[]];
    const child = spawn(bin, args, {
      cwd: projectRoot,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: string[] = [];
    let err = '';
    const timer = setTimeout(
      () => reject(new Error(`npm start printed no matching line:\n${lines.join('\n')}\n${err}`)),
      60_000,
    );
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      lines.push(...d.toString().split('\n').filter(Boolean));
      if (lines.some((l) => until.test(l))) {
        clearTimeout(timer);
        resolve({
          lines,
          alive: () => child.exitCode === null,
          stop: () =>
            new Promise((done) => {
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              process.kill(-(child.pid ?? 0), 'SIGTERM');
            }),
        });
      }
    });
  });
}

describe('npm start (scripts/start.js as a real process)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  it('without Electron and with the browser turned off, runs the browser host alone and says why', async () => {
    const run = await start(
      ['node', 'scripts/start.js', '--data-dir', temp.dir, '--port', '0'],
      { YIYANG_BROWSER: 'none' },
      /browser host only/,
    );
    try {
      const line = run.lines.find((l) => l.includes('browser host only')) ?? '';
      expect(line).toMatch(/\(YIYANG_BROWSER=none\); open http:\/\/127\.0\.0\.1:\d+\/#token=/);
      const url = /open (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
      expect((await fetch(`${url}/`)).status).toBe(200);
    } finally {
      await run.stop();
    }
  });

  it.runIf(existsSync('/usr/bin/xvfb-run') && existsSync('/usr/bin/chromium'))(
    'without Electron, opens the browser host in Chromium kiosk mode (under Xvfb) and says why',
    async () => {
      const run = await start(
        [
          'xvfb-run',
          '-a',
          'node',
          join('scripts', 'start.js'),
          '--data-dir',
          temp.dir,
          '--port',
          '0',
        ],
        { CHROMIUM_PATH: '/usr/bin/chromium' },
        /Chromium kiosk/,
      );
      try {
        expect(run.lines.join('\n')).toMatch(
          /browser host \+ Chromium kiosk \(\/usr\/bin\/chromium\): no Electron binary is installed/,
        );
        await new Promise((r) => setTimeout(r, 3000));
        expect(run.alive()).toBe(true); // Chromium stayed up: closing it would have stopped the host
      } finally {
        await run.stop();
      }
    },
  );
});
