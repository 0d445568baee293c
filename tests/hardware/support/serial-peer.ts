import { SerialPort } from 'serialport';

/**
 * The test peer on the far end of a PTY pair, opened through the same real serialport binding:
 * plays the card reader, button box or printer the driver under test talks to.
 */
export class SerialPeer {
  private received: Buffer[] = [];
  private listeners: (() => void)[] = [];

  private constructor(readonly port: SerialPort) {
    port.on('data', (chunk: Buffer) => {
      this.received.push(chunk);
      for (const l of this.listeners) l();
    });
    port.on('error', () => undefined);
  }

  static async open(path: string): Promise<SerialPeer> {
    const port = new SerialPort({ path, baudRate: 9600, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((e) => (e ? reject(e) : resolve())));
    return new SerialPeer(port);
  }

  async write(bytes: Buffer | string): Promise<void> {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    await new Promise<void>((resolve, reject) =>
      this.port.write(data, (e) => (e ? reject(e) : resolve())),
    );
    await new Promise<void>((resolve, reject) =>
      this.port.drain((e) => (e ? reject(e) : resolve())),
    );
  }

  bytes(): Buffer {
    return Buffer.concat(this.received);
  }

  onData(listener: () => void): void {
    this.listeners.push(listener);
  }

  /** Resolves once the bytes received satisfy `done`, or rejects after `timeoutMs`. */
  async waitFor(done: (all: Buffer) => boolean, timeoutMs = 5000): Promise<Buffer> {
    const deadline = Date.now() + timeoutMs;
    while (!done(this.bytes())) {
      if (Date.now() > deadline) {
        throw new Error(
          `peer did not receive what was expected; got ${this.bytes().toString('hex')}`,
        );
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.bytes();
  }

  async close(): Promise<void> {
    if (!this.port.isOpen) return;
    await new Promise<void>((resolve) => this.port.close(() => resolve()));
  }
}

/** Waits until `check` is true, polling; rejects with `what` after `timeoutMs`. */
export async function eventually(
  check: () => boolean,
  what: string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}
