import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EscPosPrinter } from '../../hardware/printer/escpos-printer';
import { encodeStatus, type PrinterStatus } from '../../hardware/printer/printer-status';
import type { Ticket } from '../../hardware/printer/ticket';
import { openPtyPair } from '../support/pty';
import { decodeEscPos } from './support/escpos-decoder';
import { SerialPeer, eventually } from './support/serial-peer';

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanup.reverse()) await c();
  cleanup = [];
});

const ticket: Ticket = {
  title: '城东颐养驿站',
  lines: ['红烧肉套餐 x1', '补贴后 ¥6.00', 'bad\x1bV\x00text'],
  queueNumber: 'A012',
  qr: 'https://example.invalid/o/123',
  footer: ['2026-11-23 11:30'],
};

const CUT = Buffer.from([0x1d, 0x56, 0x42, 0x00]);
const OK: PrinterStatus = { online: true, paperOut: false, paperNearEnd: false, coverOpen: false };

/** What the printer on the far end answers to the next DLE EOT, given every byte it has got. */
type Answer = PrinterStatus | null | ((received: Buffer) => PrinterStatus | null);

/**
 * A printer on the far end of a PTY that answers each DLE EOT n with `answer` (silence when it
 * gives null: a printer switched off). The answer can change during a test.
 */
async function rig(answer: Answer) {
  const pair = await openPtyPair();
  const peer = await SerialPeer.open(pair.b);
  let current = answer;
  let seen = 0;
  peer.onData(() => {
    const all = peer.bytes();
    const queries: number[] = [];
    for (let i = 0; i + 2 < all.length; i += 1) {
      if (all[i] === 0x10 && all[i + 1] === 0x04) queries.push(all[i + 2] ?? 1);
    }
    while (seen < queries.length) {
      const n = queries[seen] ?? 1;
      seen += 1;
      const status = typeof current === 'function' ? current(all) : current;
      if (!status) continue;
      const bytes = encodeStatus(status);
      void peer.write(Buffer.from([n === 1 ? bytes[0] : n === 2 ? bytes[1] : bytes[2]]));
    }
  });
  const printer = new EscPosPrinter({ path: pair.a, statusTimeoutMs: 200 });
  cleanup.push(async () => {
    await printer.close();
    await peer.close();
    await pair.close();
  });
  await printer.open();
  return { peer, printer, answer: (a: Answer) => (current = a) };
}

describe('ESC/POS printer on a real PTY pair', () => {
  it('prints GB18030 text, a double-size queue number, a QR code and a cut; resolves after drain', async () => {
    const { peer, printer } = await rig(OK);
    const result = await printer.printTicket(ticket);
    expect(result.status).toEqual(OK);
    const bytes = await peer.waitFor((b) => b.includes(CUT));
    const decoded = decodeEscPos(bytes);
    expect(decoded.initialised).toBe(true);
    // DLE EOT 1, 2, 4 before the ticket, and 1 after it: the printer confirms it got the ticket
    expect(decoded.statusQueries).toBe(4);
    expect(decoded.unknown).toEqual([]);
    const texts = decoded.lines.map((l) => l.text);
    expect(texts).toContain('城东颐养驿站');
    expect(texts).toContain('红烧肉套餐 x1');
    expect(texts).toContain('补贴后 ¥6.00');
    // control characters in text are blanked, never sent as commands
    expect(texts).toContain('bad V text');
    expect(decoded.lines.find((l) => l.text === 'A012')).toMatchObject({
      width: 2,
      height: 2,
      align: 'center',
    });
    expect(decoded.qr).toEqual(['https://example.invalid/o/123']);
    expect(decoded.cuts).toBe(1);
    // the hanzi really went out as GB18030 (城 = B3 C7), not UTF-8
    expect(bytes.includes(Buffer.from([0xb3, 0xc7]))).toBe(true);
    expect(result.bytesWritten).toBe(bytes.length - 12);
  });

  it('paper out: refuses, reports PAPER_OUT and writes no ticket bytes', async () => {
    const { peer, printer } = await rig({ ...OK, online: false, paperOut: true });
    const errors: string[] = [];
    printer.on('error', (e) => errors.push(e.code));
    await expect(printer.printTicket(ticket)).rejects.toMatchObject({ code: 'PAPER_OUT' });
    await new Promise((r) => setTimeout(r, 100));
    expect(decodeEscPos(peer.bytes())).toMatchObject({ lines: [], cuts: 0, statusQueries: 3 });
    expect(errors).toEqual(['PAPER_OUT']);
  });

  it('offline with the cover open: refused as OFFLINE', async () => {
    const { printer } = await rig({ ...OK, online: false, coverOpen: true });
    await expect(printer.printTicket(ticket)).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringMatching(/cover is open; nothing was printed/),
    });
  });

  it('a printer that never answers DLE EOT still prints, with status null, asked only once', async () => {
    const { peer, printer } = await rig(null);
    const first = await printer.printTicket(ticket);
    const second = await printer.printTicket({ title: '第二张', lines: [] });
    expect(first.status).toBeNull();
    expect(second.status).toBeNull();
    const bytes = await peer.waitFor((b) => decodeEscPos(b).cuts === 2);
    expect(decodeEscPos(bytes).statusQueries).toBe(1);
  });

  it('a printer that answered once and then falls silent is OFFLINE: refused, nothing sent', async () => {
    const { peer, printer, answer } = await rig(OK);
    const errors: string[] = [];
    printer.on('error', (e) => errors.push(e.code));
    await printer.printTicket(ticket);
    await peer.waitFor((b) => decodeEscPos(b).cuts === 1);
    answer(null); // switched off
    await expect(printer.printTicket(ticket)).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringMatching(/did not answer the status query.*nothing was printed/),
    });
    await expect(printer.printTicket(ticket)).rejects.toMatchObject({ code: 'OFFLINE' });
    await new Promise((r) => setTimeout(r, 100));
    expect(decodeEscPos(peer.bytes()).cuts).toBe(1);
    expect(errors).toEqual(['OFFLINE', 'OFFLINE']);
    answer(OK); // switched on again: prints, on the same connection
    await printer.printTicket(ticket);
    await peer.waitFor((b) => decodeEscPos(b).cuts === 2);
  });

  it('a printer silent after the ticket (off mid-print) has not printed it', async () => {
    // answers until the ticket's cut has arrived, then nothing
    const { printer } = await rig((received) => (received.includes(CUT) ? null : OK));
    await expect(printer.printTicket(ticket)).rejects.toMatchObject({
      code: 'OFFLINE',
      message: expect.stringMatching(/did not confirm it .*may not have printed/),
    });
  });

  it('fails to print, not "printed", once the port is gone', async () => {
    const { printer } = await rig(OK);
    await printer.close();
    await expect(printer.printTicket(ticket)).rejects.toMatchObject({ code: 'DISCONNECTED' });
  });
});

describe('ESC/POS printer on a device file and on TCP 9100', () => {
  it('appends the ticket to a device file (a plain file stands in for /dev/usb/lp0)', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'yiyang-lp-')), 'lp0');
    writeFileSync(path, '');
    const printer = new EscPosPrinter({ path });
    await printer.open();
    const result = await printer.printTicket(ticket);
    await printer.close();
    expect(result.status).toBeNull();
    const decoded = decodeEscPos(readFileSync(path));
    expect(decoded.lines.map((l) => l.text)).toContain('城东颐养驿站');
    expect(decoded.cuts).toBe(1);
  });

  it('writes to a character device as a device file (a PTY stands in for /dev/usb/lp0)', async () => {
    const pair = await openPtyPair();
    const peer = await SerialPeer.open(pair.b);
    const printer = new EscPosPrinter({ path: pair.a, link: 'file' });
    cleanup.push(async () => {
      await printer.close();
      await peer.close();
      await pair.close();
    });
    await printer.open();
    expect((await printer.printTicket(ticket)).status).toBeNull();
    const decoded = decodeEscPos(await peer.waitFor((b) => decodeEscPos(b).cuts === 1));
    expect(decoded.statusQueries).toBe(0); // a device file cannot answer: never asked
    expect(decoded.lines.map((l) => l.text)).toContain('城东颐养驿站');
  });

  it('a device-file write that blocks fails as WRITE_FAILED in time and does not hang the queue', async () => {
    // Nobody reads the far end: once the tty buffers are full a write cannot go on, as a usblp
    // write cannot while its printer is off.
    const pair = await openPtyPair();
    const printer = new EscPosPrinter({ path: pair.a, link: 'file', writeTimeoutMs: 500 });
    cleanup.push(async () => {
      await printer.close();
      await pair.close();
    });
    await printer.open();
    const long: Ticket = {
      title: '长票',
      lines: new Array<string>(4000).fill('红烧肉套餐 x1 补贴后 ¥6.00'),
    };
    const started = Date.now();
    const first = printer.printTicket(long);
    const second = printer.printTicket(ticket);
    await expect(first).rejects.toMatchObject({
      code: 'WRITE_FAILED',
      message: expect.stringMatching(/took \d+ of \d+ bytes in 0.5 s .*not printed/),
    });
    await expect(second).rejects.toMatchObject({ code: 'DISCONNECTED' });
    expect(Date.now() - started).toBeLessThan(3000);
    expect(printer.status.state).toBe('failed');
  });

  it('talks to a network printer on loopback, including the status query', async () => {
    const received: Buffer[] = [];
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.on('data', (chunk) => {
        received.push(chunk);
        for (let i = 0; i + 2 < chunk.length + 1; i += 1) {
          if (chunk[i] === 0x10 && chunk[i + 1] === 0x04) socket.write(Buffer.from([0x12]));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const printer = new EscPosPrinter({ path: `tcp://127.0.0.1:${port}` });
    cleanup.push(async () => {
      await printer.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    await printer.open();
    const result = await printer.printTicket(ticket);
    expect(result.status).toEqual(OK);
    await eventually(() => decodeEscPos(Buffer.concat(received)).cuts === 1, 'the cut over TCP');
    expect(decodeEscPos(Buffer.concat(received)).qr).toEqual(['https://example.invalid/o/123']);
  });

  it('TCP: a printer that answered and stops (bytes only reach the kernel buffer) is refused', async () => {
    let listening = true;
    const sockets: Socket[] = [];
    const received: Buffer[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.on('data', (chunk) => {
        received.push(chunk);
        if (!listening) return;
        for (let i = 0; i + 1 < chunk.length; i += 1) {
          if (chunk[i] === 0x10 && chunk[i + 1] === 0x04) socket.write(Buffer.from([0x12]));
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    const printer = new EscPosPrinter({ path: `tcp://127.0.0.1:${port}`, statusTimeoutMs: 200 });
    cleanup.push(async () => {
      await printer.close();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    await printer.open();
    await printer.printTicket(ticket);
    // The printer hangs (power cut, no FIN): its socket stays open, writes still succeed locally.
    listening = false;
    for (const s of sockets) s.pause();
    await expect(printer.printTicket(ticket)).rejects.toMatchObject({ code: 'OFFLINE' });
    await expect(printer.printTicket(ticket)).rejects.toMatchObject({ code: 'OFFLINE' });
    expect(decodeEscPos(Buffer.concat(received)).cuts).toBe(1);
  });

  it('a missing device file says ENOENT; a refused TCP port says it cannot reach the printer', async () => {
    await expect(new EscPosPrinter({ path: '/dev/usb/lp9' }).open()).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(new EscPosPrinter({ path: 'tcp://127.0.0.1:1' }).open()).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringMatching(/cannot reach tcp:\/\/127.0.0.1:1 \(ECONNREFUSED\)/),
    });
  });
});
