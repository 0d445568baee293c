import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, realpathSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeEm4100Frame } from '../../hardware/framing/em4100-framer';
import { openPtyPair } from '../support/pty';
import { decodeEscPos } from './support/escpos-decoder';
import { Pn532Responder } from './support/pn532-responder';
import { SerialPeer, eventually } from './support/serial-peer';

const KIOSKCTL = 'bin/kioskctl.js';
const AS_NOBODY = ['/usr/bin/setpriv', '--reuid=65534', '--regid=65534', '--clear-groups'];

/**
 * The permission test needs root (to drop to nobody) and a checkout that nobody can read (not the
 * case under /root, say); asked of the system rather than guessed.
 */
const canRunAsNobody =
  process.getuid?.() === 0 &&
  spawnSync(AS_NOBODY[0] ?? '', [
    ...AS_NOBODY.slice(1),
    process.execPath,
    '-e',
    `require('fs').accessSync(${JSON.stringify(KIOSKCTL)}); require.resolve('tsx/esm/api', { paths: [process.cwd()] })`,
  ]).status === 0;

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

interface Run {
  lines: () => Record<string, unknown>[];
  stderr: () => string;
  exit: Promise<number>;
  signal: (name: NodeJS.Signals) => void;
}

/** Runs kioskctl as a child process, as a technician would; `prefix` runs it through e.g. setpriv. */
function kioskctl(args: string[], prefix: string[] = []): Run {
  const [command, ...rest] = [...prefix, process.execPath, KIOSKCTL, ...args];
  const child = spawn(command ?? process.execPath, rest, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  cleanup.push(async () => {
    if (child.exitCode === null) child.kill('SIGKILL');
    await exit;
  });
  return {
    lines: () =>
      stdout
        .split('\n')
        .filter((l) => l.trim().length > 0)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    stderr: () => stderr,
    exit,
    signal: (name) => child.kill(name),
  };
}

async function pty() {
  const pair = await openPtyPair();
  cleanup.push(() => pair.close());
  return pair;
}

describe('kioskctl probe (child process against a PTY)', () => {
  it('prints one JSON line per card and stops after --count', async () => {
    const pair = await pty();
    const run = kioskctl(['probe', '--driver', 'em4100', '--path', pair.a, '--count', '2']);
    const peer = await SerialPeer.open(pair.b);
    cleanup.push(() => peer.close());
    await eventually(() => run.lines().some((l) => l.state === 'open'), 'the port to open', 20_000);
    await peer.write(
      Buffer.concat([encodeEm4100Frame('0A1B2C3D4E'), Buffer.from('\x02garbage\x03')]),
    );
    await peer.write(encodeEm4100Frame('1122334455'));
    expect(await run.exit).toBe(0);
    const events = run.lines().filter((l) => l.type !== 'status');
    expect(events.filter((l) => l.type === 'card')).toEqual([
      { type: 'card', uid: '0A1B2C3D4E' },
      { type: 'card', uid: '1122334455' },
    ]);
    // the garbage between them: a non-hex byte inside a frame, then bytes outside any frame
    expect(events.slice(1, -1).map((l) => l.code)).toEqual(['BAD_FRAME', 'BAD_FRAME']);
  });

  it('prints button presses from a serial button box and stops after --seconds', async () => {
    const pair = await pty();
    const run = kioskctl(['probe', '--driver', 'buttons', '--path', pair.a, '--seconds', '3']);
    const peer = await SerialPeer.open(pair.b);
    cleanup.push(() => peer.close());
    await eventually(() => run.lines().some((l) => l.state === 'open'), 'the port to open', 20_000);
    await peer.write('GR');
    expect(await run.exit).toBe(0);
    expect(run.lines().filter((l) => l.type === 'button')).toEqual([
      { type: 'button', button: 'green' },
      { type: 'button', button: 'red' },
    ]);
  });

  it('says bytes arrive but no valid frame: check the baud rate', async () => {
    const pair = await pty();
    const run = kioskctl([
      'probe',
      '--driver',
      'line',
      '--path',
      pair.a,
      '--baud',
      '115200',
      '--seconds',
      '5',
    ]);
    const peer = await SerialPeer.open(pair.b);
    cleanup.push(() => peer.close());
    await eventually(() => run.lines().some((l) => l.state === 'open'), 'the port to open', 20_000);
    // what a 9600-baud reader looks like to a port set to 115200: bytes, never a line end
    await peer.write(Buffer.from([0x80, 0xf8, 0x00, 0x78, 0xe6, 0x9e, 0x18, 0xfe]));
    await eventually(
      () => run.lines().some((l) => l.code === 'NO_VALID_FRAMES'),
      'the hint',
      10_000,
    );
    const hint = run.lines().find((l) => l.code === 'NO_VALID_FRAMES');
    expect(hint?.message).toMatch(
      /8 bytes received at 115200 baud but no valid line frame within 3 s: check the baud rate/,
    );
    // the probe stops there (well before --seconds 5) and says so in its exit code
    expect(await run.exit).toBe(3);
    expect(run.lines().at(-1)).toEqual({ type: 'status', state: 'closed', detail: null });
  });

  it('warns, as a JSON line, about options the driver does not use, and goes on', async () => {
    const pair = await pty();
    const run = kioskctl([
      'probe',
      '--driver',
      'em4100',
      '--path',
      pair.a,
      '--format',
      'decimal',
      '--byte-order',
      'lsb-first',
      '--count',
      '1',
    ]);
    const peer = await SerialPeer.open(pair.b);
    cleanup.push(() => peer.close());
    await eventually(() => run.lines().some((l) => l.state === 'open'), 'the port to open', 20_000);
    await peer.write(encodeEm4100Frame('0A1B2C3D4E'));
    expect(await run.exit).toBe(0);
    expect(run.lines().slice(0, 2)).toEqual([
      {
        type: 'warning',
        option: '--format',
        message: 'the em4100 driver does not use --format; it is ignored',
      },
      {
        type: 'warning',
        option: '--byte-order',
        message: 'the em4100 driver does not use --byte-order; it is ignored',
      },
    ]);
    expect(run.lines().find((l) => l.type === 'card')).toEqual({ type: 'card', uid: '0A1B2C3D4E' });
  });

  it('hid-buttons by VID:PID through node-hid: warns --baud is ignored, exit 1 when not connected', async () => {
    const run = kioskctl([
      'probe',
      '--driver',
      'hid-buttons',
      '--path',
      'fffe:fffc',
      '--baud',
      '9600',
    ]);
    expect(await run.exit).toBe(1);
    expect(run.lines()[0]).toEqual({
      type: 'warning',
      option: '--baud',
      message: 'the hid-buttons driver does not use --baud; it is ignored',
    });
    expect(run.lines().at(-1)).toMatchObject({
      type: 'error',
      code: 'NOT_FOUND',
      message: 'no HID device fffe:fffc is connected (check lsusb)',
    });
  });

  it('PN532: wakes the chip and prints the card it polls', async () => {
    const pair = await pty();
    const peer = await SerialPeer.open(pair.b);
    cleanup.push(() => peer.close());
    const chip = new Pn532Responder(peer);
    chip.card = Buffer.from('04112233445566', 'hex');
    const run = kioskctl(['probe', '--driver', 'pn532', '--path', pair.a, '--count', '1']);
    expect(await run.exit).toBe(0);
    expect(run.lines().filter((l) => l.type === 'card')).toEqual([
      { type: 'card', uid: '04112233445566' },
    ]);
    expect(run.lines().find((l) => l.state === 'open')?.detail).toBe('PN532 firmware 1.6');
  });

  it('hid-keyboard by VID:PID through node-hid: exit 1 when no such reader is connected', async () => {
    const run = kioskctl(['probe', '--driver', 'hid-keyboard', '--path', 'fffe:fffd']);
    expect(await run.exit).toBe(1);
    expect(run.lines().at(-1)).toMatchObject({
      type: 'error',
      code: 'NOT_FOUND',
      message: 'no HID device fffe:fffd is connected (check lsusb)',
    });
  });

  it('runs until Ctrl-C (SIGINT), then closes the port and exits 0', async () => {
    const pair = await pty();
    const run = kioskctl(['probe', '--driver', 'line', '--path', pair.a]);
    await eventually(() => run.lines().some((l) => l.state === 'open'), 'the port to open', 20_000);
    run.signal('SIGINT');
    expect(await run.exit).toBe(0);
    expect(run.lines().at(-1)).toEqual({ type: 'status', state: 'closed', detail: null });
  });

  it('a missing port: exit 1 with ENOENT', async () => {
    const run = kioskctl(['probe', '--driver', 'pn532', '--path', '/dev/ttyUSB-nothing']);
    expect(await run.exit).toBe(1);
    expect(run.lines().at(-1)).toMatchObject({ type: 'error', code: 'NOT_FOUND' });
    expect(run.stderr()).toMatch(/\/dev\/ttyUSB-nothing does not exist \(ENOENT\)/);
  });

  it.skipIf(!canRunAsNobody)(
    'permission denied (run as nobody via setpriv): says to join the dialout group',
    async () => {
      const pair = await pty();
      chmodSync(realpathSync(pair.a), 0o600);
      const run = kioskctl(['probe', '--driver', 'em4100', '--path', pair.a], AS_NOBODY);
      expect(await run.exit).toBe(1);
      expect(run.lines().at(-1)).toMatchObject({ type: 'error', code: 'PERMISSION_DENIED' });
      expect(run.stderr()).toMatch(
        /permission denied opening .* \(EACCES\): add the kiosk user to the 'dialout' group/,
      );
    },
  );

  it('bad arguments: exit 2 with usage', async () => {
    const run = kioskctl(['probe', '--driver', 'rfid9000', '--path', '/dev/null']);
    expect(await run.exit).toBe(2);
    expect(run.stderr()).toMatch(
      /--driver must be one of em4100, line, pn532, hid-keyboard, buttons/,
    );
  });
});

describe('kioskctl print-test (child process against a PTY)', () => {
  it('prints the test ticket; the bytes read back as GB18030 text, queue number, QR and cut', async () => {
    const pair = await pty();
    const peer = await SerialPeer.open(pair.b);
    cleanup.push(() => peer.close());
    const run = kioskctl(['print-test', '--path', pair.a]);
    expect(await run.exit).toBe(0);
    const printed = run.lines().find((l) => l.type === 'printed');
    expect(run.lines()[0]).toMatchObject({ type: 'status', answers: false });
    const bytes = await peer.waitFor((b) => decodeEscPos(b).cuts === 1);
    expect(printed?.bytes).toBe(bytes.length - 3); // the unanswered DLE EOT 1 is not ticket bytes
    const ticket = decodeEscPos(bytes);
    expect(ticket.lines.map((l) => l.text)).toContain('颐养 打印测试');
    expect(ticket.lines.find((l) => l.text === 'A001')).toMatchObject({ width: 2, height: 2 });
    expect(ticket.qr).toHaveLength(1);
  });

  it('a missing printer: exit 1 with ENOENT', async () => {
    const run = kioskctl(['print-test', '--path', '/dev/usb/lp7']);
    expect(await run.exit).toBe(1);
    expect(run.lines().at(-1)).toMatchObject({ type: 'error', code: 'NOT_FOUND' });
  });
});
