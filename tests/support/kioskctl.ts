import { writeFileSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const kioskctlBin = join(projectRoot, 'bin', 'kioskctl.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `kioskctl …` as a real child process, the way a technician would, and collects its output. */
export function runKioskctl(
  args: string[],
  options: { timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kioskctlBin, ...args], {
      cwd: projectRoot,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new Error(
          `kioskctl ${args.join(' ')} did not finish in time\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, options.timeoutMs ?? 30_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

export interface ServeProcess {
  child: ChildProcess;
  url: string;
  kioskUrl: string;
  stderr: () => string;
  /** everything it has printed so far, stdout then stderr: the station's log */
  output: () => string;
  stop: () => Promise<void>;
}

/** The `kioskctl serve` processes running now, so a fixture can read every station's log. */
export const runningServes = new Set<ServeProcess>();

/** Starts `kioskctl serve` and waits for it to print its address and kiosk page. */
export function startServe(args: string[], timeoutMs = 60_000): Promise<ServeProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [kioskctlBin, 'serve', '--port', '0', ...args], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let started = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`kioskctl serve did not start\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeoutMs);
    child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kioskctl serve exited with ${code}\nstderr: ${stderr}`));
    });
    child.stdout?.on('data', (d: Buffer) => {
      stdout += d.toString();
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
      const kioskUrl = /kiosk page: (\S+)/.exec(stdout)?.[1];
      if (url && kioskUrl && !started) {
        started = true;
        clearTimeout(timer);
        child.removeAllListeners('exit');
        const serve: ServeProcess = {
          child,
          url,
          kioskUrl,
          stderr: () => stderr,
          output: () => `${stdout}${stderr}`,
          stop: () =>
            new Promise<void>((done) => {
              runningServes.delete(serve);
              if (child.exitCode !== null) return done();
              child.once('exit', () => done());
              child.kill('SIGTERM');
            }),
        };
        runningServes.add(serve);
        child.once('exit', () => runningServes.delete(serve));
        resolve(serve);
      }
    });
  });
}

/**
 * `kioskctl serve --demo` with the demo's simulated card reader and an ESC/POS printer at
 * `printerPath` (one end of a PTY pair, say), from a config file written into `dataDir`.
 */
export function startServeWithPrinter(dataDir: string, printerPath: string): Promise<ServeProcess> {
  const config = join(dataDir, 'station.json');
  writeFileSync(
    config,
    JSON.stringify({
      devices: [
        { kind: 'card-reader', driver: 'simulated' },
        { kind: 'printer', driver: 'escpos', path: printerPath },
      ],
    }),
  );
  return startServe(['--data-dir', dataDir, '--config', config, '--demo']);
}
