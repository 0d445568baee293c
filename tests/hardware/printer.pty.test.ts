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

/** A printer on the far end of a PTY that answers DLE EOT with `status` (or never, when null). */
async function rig(status: PrinterStatus | null) {
  const pair = await openPtyPair();
  const peer = await SerialPeer.open(pair.b);
  let answered = 0;
  peer.onData(() => {
    const all = peer.bytes();
    // answer each DLE EOT n seen so far, once
    const queries: number[] = [];
    for (let i = 0; i + 2 < all.length + 1; i += 1) {
      if (all[i] === 0x10 && all[i + 1] === 0x04 && all[i + 2] !== undefined)
        queries.push(all[i + 2] ?? 0);
    }
    if (!status) return;
    const bytes = encodeStatus(status);
    while (answered < queries.length) {
      const n = queries[answered] ?? 1;
      answered += 1;
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
  return { peer, printer };
}

describe('ESC/POS printer on a real PTY pair', () => {
  it('prints GB18030 text, a double-size queue number, a QR code and a cut; resolves after drain', async () => {
    const { peer, printer } = await rig(OK);
    const result = await printer.printTicket(ticket);
    expect(result.status).toEqual(OK);
    const bytes = await peer.waitFor((b) => b.includes(CUT));
    const decoded = decodeEscPos(bytes);
    expect(decoded.initialised).toBe(true);
    expect(decoded.statusQueries).toBe(3);
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
    expect(result.bytesWritten).toBe(bytes.length - 9);
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
