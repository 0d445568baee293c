import type { EventEmitter } from 'node:events';

/** What the HID driver needs from node-hid; tests pass a fake where no HID hardware exists. */
export interface HidDeviceInfo {
  vendorId: number;
  productId: number;
  path?: string | undefined;
  product?: string | undefined;
}

export interface HidHandle extends EventEmitter {
  close(): Promise<void>;
}

export interface HidApi {
  devicesAsync(vendorId: number, productId: number): Promise<HidDeviceInfo[]>;
  open(path: string): Promise<HidHandle>;
}

/**
 * node-hid's asynchronous API only: HIDAsync.open and devicesAsync run off the main thread, where
 * readSync or devices() would block the kiosk's event loop. Loaded lazily so that code paths and
 * tests that never touch HID do not load the native module.
 */
export async function nodeHidApi(): Promise<HidApi> {
  const hid = await import('node-hid');
  return {
    devicesAsync: (vendorId, productId) => hid.devicesAsync(vendorId, productId),
    open: (path) => hid.HIDAsync.open(path),
  };
}
