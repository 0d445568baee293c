import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A pair of connected pseudo-terminals made by socat, for tests that drive real serial code: what
 * is written to one end is read on the other, through the kernel's tty layer, exactly as with a
 * USB-serial adapter (except that baud rate settings have no effect on a PTY).
 */
export interface PtyPair {
  /** the end the code under test opens (a symlink to /dev/pts/N) */
  readonly a: string;
  /** the far end, where the test peer writes and reads */
  readonly b: string;
  /** Ends socat; both ends then report a hang-up, as when a USB adapter is pulled out. */
  close(): Promise<void>;
}

const SOCAT = '/usr/bin/socat';

/**
 * Starts socat with two raw, no-echo PTYs linked at fixed paths and resolves once both links exist.
 * Pass `paths` to re-create a pair at the same paths (an adapter plugged back in).
 */
export async function openPtyPair(paths?: { a: string; b: string }): Promise<PtyPair> {
  const dir = paths ? null : mkdtempSync(join(tmpdir(), 'yiyang-pty-'));
  const a = paths?.a ?? join(dir ?? '', 'a');
  const b = paths?.b ?? join(dir ?? '', 'b');
  const child = spawn(SOCAT, ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitUntil(
      async () =>
        (await exists(a)) && (await exists(b)) && stderr.includes('starting data transfer'),
      5000,
      () => child.exitCode !== null,
    );
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`socat did not make a PTY pair: ${String(error)}\n${stderr}`);
  }
  let closed = false;
  return {
    a,
    b,
    async close() {
      if (closed) return;
      closed = true;
      await stop(child, exited);
      // socat removes its links on a clean exit; make sure, so a re-created pair starts clean
      rmSync(a, { force: true });
      rmSync(b, { force: true });
      if (dir && !paths) rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
  await exited;
  clearTimeout(timer);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

async function waitUntil(
  ready: () => Promise<boolean>,
  timeoutMs: number,
  failed: () => boolean,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (failed()) throw new Error('socat exited');
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
