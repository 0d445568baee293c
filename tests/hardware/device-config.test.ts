import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { deviceConfigSchema } from '../../main/config/device-config';
import { createDriver } from '../../main/devices/create-driver';

const issues = (devices: unknown): string[] => {
  const parsed = z.array(deviceConfigSchema).safeParse(devices);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('devices config', () => {
  it('accepts the DESIGN.md example and builds a driver for each entry', () => {
    const devices = [
      { kind: 'card-reader', driver: 'em4100', path: '/dev/ttyUSB0', baud: 9600 },
      { kind: 'printer', driver: 'escpos', path: '/dev/usb/lp0' },
      { kind: 'buttons', driver: 'serial', path: '/dev/ttyACM0' },
      { kind: 'card-reader', driver: 'hid-keyboard', vendorId: 0x08ff, productId: 0x0009 },
      { kind: 'card-reader', driver: 'simulated' },
    ];
    expect(issues(devices)).toEqual([]);
    const names = z
      .array(deviceConfigSchema)
      .parse(devices)
      .map((d) => createDriver(d).name);
    expect(names).toEqual([
      'em4100:/dev/ttyUSB0',
      'escpos:/dev/usb/lp0',
      'buttons:/dev/ttyACM0',
      'hid-keyboard:08ff:0009',
      'simulated',
    ]);
  });

  it('names the entry and key of each mistake', () => {
    expect(
      issues([
        { kind: 'card-reader', driver: 'em4100' },
        { kind: 'card-reader', driver: 'hid-keyboard', vendorId: 1 },
        { kind: 'buttons', driver: 'serial', path: '/dev/x', redByte: 1, greenByte: 1 },
        { kind: 'printer', driver: 'escpos', path: '/dev/usb/lp0', speed: 1 },
        { kind: 'card-reader', driver: 'em4100', path: '/dev/x', baud: -1 },
      ]),
    ).toEqual([
      '0.path: the em4100 driver needs a path (e.g. /dev/ttyUSB0)',
      '1.path: the hid-keyboard driver needs a path (/dev/hidrawN) or vendorId and productId',
      '2.greenByte: must differ from redByte',
      '3: Unrecognized key: "speed"',
      '4.baud: Too small: expected number to be >0',
    ]);
  });
});
