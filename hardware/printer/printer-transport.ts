import { open as openFile, realpath, stat, type FileHandle } from 'node:fs/promises';
import { Socket } from 'node:net';
import type { SerialPort } from 'serialport';
import { DeviceError } from '../driver';
import { explainOpenError } from '../serial/device-access-error';
import { openSerialPort, releasePort, writeAndDrain } from '../serial/open-serial-port';
import { watchPresence } from '../serial/presence-watch';

/**
 * Where printer bytes go. write() resolves only once the bytes have left the process (serial:
 * tcdrain; file: the write syscall returned; TCP: flushed to the socket), which is what lets the
 * printer say "printed" honestly. onData is null where the link cannot answer (a device file:
 * usblp status reads block, so they are not attempted).
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

/**
 * tcp://host:9100 is a network printer; a character device is a serial port unless it is a
 * usblp device (/dev/usb/lp*, /dev/lp*); a regular file (a spool or capture file) is written to.
 */
export async function resolvePrinterPath(path: string): Promise<PrinterPath> {
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
  const real = await realpath(path);
  if (info.isCharacterDevice() && !/^\/dev\/(usb\/)?lp\d+$/.test(real))
    return { kind: 'serial', path };
  return { kind: 'file', path };
}

export async function openPrinterTransport(
  target: PrinterPath,
  baudRate: number,
): Promise<PrinterTransport> {
  if (target.kind === 'serial') {
    const port = await openSerialPort(target.path, baudRate);
    const lost: ((reason: string) => void)[] = [];
    const stop = await watchPresence(target.path, (reason) => lost.forEach((l) => l(reason)));
    return serialTransport(port, lost, stop);
  }
  if (target.kind === 'file') return fileTransport(target.path);
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

async function fileTransport(path: string): Promise<PrinterTransport> {
  let handle: FileHandle;
  try {
    // usblp device files and plain files (a spool file, a test capture) are both opened for append
    handle = await openFile(path, 'a');
  } catch (error) {
    throw explainOpenError(path, error);
  }
  return {
    description: path,
    write: async (bytes) => {
      let offset = 0;
      while (offset < bytes.length) {
        const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset);
        offset += bytesWritten;
      }
    },
    onData: null,
    onLost: () => undefined,
    close: () => handle.close().catch(() => undefined),
  };
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
