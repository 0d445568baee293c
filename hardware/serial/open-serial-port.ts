import { stat } from 'node:fs/promises';
import { SerialPort } from 'serialport';
import { explainOpenError } from './device-access-error';

/**
 * Opens a serial port through the real serialport binding, resolving once it is open. The path is
 * checked first so that a missing device gives ENOENT rather than the binding's bare message.
 */
export async function openSerialPort(path: string, baudRate: number): Promise<SerialPort> {
  try {
    await stat(path);
  } catch (error) {
    throw explainOpenError(path, error);
  }
  const port = new SerialPort({ path, baudRate, autoOpen: false, lock: true });
  await new Promise<void>((resolve, reject) => {
    port.open((error) => (error ? reject(explainOpenError(path, error)) : resolve()));
  });
  return port;
}

/** Closes a port if it is open; never rejects (the device may already be gone). */
export async function closeSerialPort(port: SerialPort): Promise<void> {
  if (!port.isOpen) return;
  await new Promise<void>((resolve) => port.close(() => resolve()));
}

/**
 * Closes a port the driver is done with: its listeners go first, so closing is not mistaken for
 * an unplug, and a no-op error listener stays, so a late error from the native binding cannot
 * become an uncaught 'error' event.
 */
export async function releasePort(port: SerialPort): Promise<void> {
  port.removeAllListeners('data');
  port.removeAllListeners('close');
  await closeSerialPort(port);
  port.removeAllListeners();
  port.on('error', () => undefined);
}

/** Writes bytes and resolves only once the OS has transmitted them (write, then tcdrain). */
export async function writeAndDrain(port: SerialPort, bytes: Buffer): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    port.write(bytes, (error) => (error ? reject(error) : resolve()));
  });
  await new Promise<void>((resolve, reject) => {
    port.drain((error) => (error ? reject(error) : resolve()));
  });
}
