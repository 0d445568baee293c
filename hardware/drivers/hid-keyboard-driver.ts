import { access, constants } from 'node:fs/promises';
import { BaseDriver, DeviceError, type DeviceKind } from '../driver';
import type { ButtonFrame } from '../framing/button-box-framer';
import type { CardFrame } from '../framing/em4100-framer';
import type { FramingTransform } from '../framing/framing-transform';
import { nodeHidApi, type HidApi, type HidHandle } from '../hid/hid-api';

export interface HidKeyboardOptions {
  kind: DeviceKind;
  /** a hidraw path (/dev/hidraw3); when absent the device is found by vendor and product id */
  path?: string | undefined;
  vendorId?: number | undefined;
  productId?: number | undefined;
  makeDecoder: () => FramingTransform<CardFrame | ButtonFrame>;
  /** node-hid by default; a fake in tests (there is no HID hardware in CI) */
  hid?: HidApi;
}

/**
 * USB HID devices in keyboard mode (card readers, button boxes) read as raw HID reports through
 * node-hid, so the UID is decoded from the reports rather than typed into whatever has focus.
 */
export class HidKeyboardDriver extends BaseDriver {
  readonly kind: DeviceKind;
  private handle: HidHandle | null = null;
  private closing = false;

  constructor(private readonly options: HidKeyboardOptions) {
    super(`hid-keyboard:${options.path ?? hidId(options.vendorId, options.productId)}`);
    this.kind = options.kind;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    this.closing = false;
    this.setStatus('opening');
    try {
      const hid = this.options.hid ?? (await nodeHidApi());
      const path = await this.findPath(hid);
      await checkAccess(path);
      const handle = await hid.open(path);
      this.attach(handle);
    } catch (error) {
      const e =
        error instanceof DeviceError
          ? error
          : new DeviceError('OPEN_FAILED', `${this.name}: ${String(error)}`, true, {
              cause: error,
            });
      this.setStatus('failed', e.message);
      throw e;
    }
    this.setStatus('open');
  }

  async close(): Promise<void> {
    this.closing = true;
    const handle = this.handle;
    this.handle = null;
    if (handle) {
      handle.removeAllListeners();
      handle.on('error', () => undefined);
      await handle.close().catch(() => undefined);
    }
    this.setStatus('closed');
  }

  private async findPath(hid: HidApi): Promise<string> {
    if (this.options.path) return this.options.path;
    const { vendorId, productId } = this.options;
    if (vendorId === undefined || productId === undefined) {
      throw new DeviceError(
        'OPEN_FAILED',
        'a HID device needs a path or vendorId and productId',
        true,
      );
    }
    const found = (await hid.devicesAsync(vendorId, productId)).find((d) => d.path);
    if (!found?.path) {
      throw new DeviceError(
        'NOT_FOUND',
        `no HID device ${hidId(vendorId, productId)} is connected (check lsusb)`,
        true,
      );
    }
    return found.path;
  }

  private attach(handle: HidHandle): void {
    this.handle = handle;
    const decoder = this.options.makeDecoder();
    decoder.on('data', (frame: CardFrame | ButtonFrame) => {
      this.counters.framesOk += 1;
      if (frame.type === 'card') this.emit('card', frame.uid);
      else this.emit('button', frame.button);
    });
    decoder.on('reject', (reason: string) => {
      this.counters.framesBad += 1;
      this.reportError(new DeviceError('BAD_FRAME', `${this.name}: ${reason}`, false));
    });
    handle.on('data', (report: Buffer) => {
      this.counters.bytesIn += report.length;
      decoder.write(report);
    });
    // node-hid reports an unplugged device as an error on the handle
    handle.on('error', (error: unknown) => {
      if (this.closing || this.handle !== handle) return;
      this.handle = null;
      void handle.close().catch(() => undefined);
      const reason = error instanceof Error ? error.message : String(error);
      this.setStatus('failed', reason);
      this.reportError(new DeviceError('DISCONNECTED', `${this.name}: ${reason}`, true));
    });
  }
}

async function checkAccess(path: string): Promise<void> {
  if (!path.startsWith('/dev/')) return;
  try {
    await access(path, constants.R_OK | constants.W_OK);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') {
      throw new DeviceError(
        'NOT_FOUND',
        `${path} does not exist (ENOENT): is the reader plugged in?`,
        true,
      );
    }
    throw new DeviceError(
      'PERMISSION_DENIED',
      `permission denied opening ${path} (${code ?? 'EACCES'}): add a udev rule giving the kiosk ` +
        'user access to the reader (e.g. KERNEL=="hidraw*", GROUP="plugdev", MODE="0660") and join plugdev',
      true,
    );
  }
}

function hidId(vendorId: number | undefined, productId: number | undefined): string {
  const h = (n: number | undefined): string => (n ?? 0).toString(16).padStart(4, '0');
  return `${h(vendorId)}:${h(productId)}`;
}
