import { constants } from 'node:fs';
import { open as openFile, realpath, stat, type FileHandle } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { SerialPort } from 'serialport';
import { DeviceError } from '../driver';
import { explainOpenError } from '../serial/device-access-error';
import { openSerialPort, releasePort, writeAndDrain } from '../serial/open-serial-port';
import { watchPresence } from '../serial/presence-watch';

/**
 * Where printer bytes go. write() resolves only once the bytes have left the process (serial:
 * tcdrain; file: the write syscall returned; TCP: handed to the kernel's socket buffer — which
 * proves nothing about the printer, so the printer confirms by a status answer after the ticket).
 * onData is null where the link cannot answer (a device file: usblp status reads block, so they are
 * not attempted).
 */
export interface PrinterTransport {
  readonly description: string;
  write(bytes: Buffer): Promise<void>;
  onData: ((listener: (chunk: Buffer) => void) => void) | null;
  onLost(listener: (reason: string) => void): void;
  close(): Promise<void>;
}

export type PrinterPath =
  | { kind: 'tcp'; host: string; port: number }
  | { kind: 'file'; path: string }
  | { kind: 'serial'; path: string };

/** How a device path is written to; found from the path unless given (see EscPosOptions.link). */
export type DeviceLink = 'serial' | 'file';

/** A device-file write that has not finished in this long fails (see fileTransport). */
export const DEFAULT_WRITE_TIMEOUT_MS = 5000;

/**
 * tcp://host:9100 is a network printer; a character device is a serial port unless it is a
 * usblp device (/dev/usb/lp*, /dev/lp*); a regular file (a spool or capture file) is written to.
 * `link` overrides the guess for a device path.
 */
export async function resolvePrinterPath(path: string, link?: DeviceLink): Promise<PrinterPath> {
  if (path.startsWith('tcp://')) {
    const url = new URL(path);
    return { kind: 'tcp', host: url.hostname, port: url.port ? Number(url.port) : 9100 };
  }
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw explainOpenError(path, error);
  }
  if (link) return { kind: link, path };
  const real = await realpath(path);
  if (info.isCharacterDevice() && !/^\/dev\/(usb\/)?lp\d+$/.test(real))
    return { kind: 'serial', path };
  return { kind: 'file', path };
}

export async function openPrinterTransport(
  target: PrinterPath,
  baudRate: number,
  writeTimeoutMs = DEFAULT_WRITE_TIMEOUT_MS,
): Promise<PrinterTransport> {
  if (target.kind === 'serial') {
    const port = await openSerialPort(target.path, baudRate);
    const lost: ((reason: string) => void)[] = [];
    const stop = await watchPresence(target.path, (reason) => lost.forEach((l) => l(reason)));
    return serialTransport(port, lost, stop);
  }
  if (target.kind === 'file') return fileTransport(target.path, writeTimeoutMs);
  return tcpTransport(target.host, target.port);
}

function serialTransport(
  port: SerialPort,
  lost: ((reason: string) => void)[],
  stopWatching: () => void,
): PrinterTransport {
  return {
    description: port.path,
    write: (bytes) => writeAndDrain(port, bytes),
    onData: (listener) => port.on('data', listener),
    onLost: (listener) => {
      lost.push(listener);
      port.on('close', () => listener('the port was closed by the system (unplugged?)'));
      port.on('error', (e: Error) => listener(e.message));
    },
    close: async () => {
      stopWatching();
      await releasePort(port);
    },
  };
}

/**
 * A usblp device file (or a plain capture file). usblp blocks a write while the printer is off,
 * out of paper or jammed; a blocking write would park a libuv thread and hang the print queue
 * behind it until someone fixed the printer. So the file is opened non-blocking (usblp then answers
 * EAGAIN, retried until the deadline) and every write has a deadline as well, for devices that
 * ignore O_NONBLOCK: a ticket not taken within `writeTimeoutMs` fails, and is never "printed".
 */
async function fileTransport(path: string, writeTimeoutMs: number): Promise<PrinterTransport> {
  let handle: FileHandle;
  try {
    handle = await openFile(
      path,
      constants.O_WRONLY | constants.O_APPEND | constants.O_NONBLOCK | constants.O_NOCTTY,
    );
  } catch (error) {
    throw explainOpenError(path, error);
  }
  return {
    description: path,
    write: (bytes) => writeWithin(handle, bytes, writeTimeoutMs, path),
    onData: null,
    onLost: () => undefined,
    // not awaited by anyone who must go on: close waits for a write still stuck in the kernel
    close: () => handle.close().catch(() => undefined),
  };
}

async function writeWithin(
  handle: FileHandle,
  bytes: Buffer,
  timeoutMs: number,
  path: string,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let offset = 0;
  const stuck = (): Error =>
    new Error(
      `${path} took ${offset} of ${bytes.length} bytes in ${timeoutMs / 1000} s ` +
        '(is the printer on, with paper and the cover shut?)',
    );
  while (offset < bytes.length) {
    const left = deadline - Date.now();
    if (left <= 0) throw stuck();
    let written: number | 'again' | 'late';
    try {
      written = await raceDeadline(
        handle.write(bytes, offset, bytes.length - offset).then((r) => r.bytesWritten),
        left,
      );
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'EAGAIN') throw error;
      written = 'again';
    }
    if (written === 'late') throw stuck();
    if (written === 'again') await new Promise((r) => setTimeout(r, Math.min(20, left)));
    else offset += written;
  }
}

/** The value, or 'late' when `ms` pass first (the operation itself cannot be cancelled). */
async function raceDeadline<T>(work: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  // a write that fails after its deadline has nobody waiting for it: that is not an unhandled error
  work.catch(() => undefined);
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}

async function tcpTransport(host: string, port: number): Promise<PrinterTransport> {
  const socket = new Socket();
  const where = `tcp://${host}:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new DeviceError('NOT_FOUND', `no printer answered at ${where} within 5 s`, true));
    }, 5000);
    socket.once('error', (error) => {
      clearTimeout(timer);
      reject(explainOpenError(where, error));
    });
    socket.connect(port, host, () => {
      clearTimeout(timer);
      socket.removeAllListeners('error');
      resolve();
    });
  });
  socket.setNoDelay(true);
  return {
    description: where,
    write: (bytes) =>
      new Promise<void>((resolve, reject) =>
        socket.write(bytes, (error) => (error ? reject(error) : resolve())),
      ),
    onData: (listener) => socket.on('data', listener),
    onLost: (listener) => {
      socket.on('close', () => listener('the printer closed the connection'));
      socket.on('error', (e) => listener(e.message));
    },
    close: async () => {
      socket.removeAllListeners('close');
      socket.on('error', () => undefined);
      await new Promise<void>((resolve) => socket.end(() => resolve()));
      socket.destroy();
    },
  };
}
