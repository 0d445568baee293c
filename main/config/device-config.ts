import { z } from 'zod';

/**
 * The `devices` section of the station config (DESIGN.md). Each entry names what the device is for
 * (kind), which driver speaks its protocol, and where it is plugged in.
 */
const serialPath = z.string().min(1, 'a device path such as /dev/ttyUSB0');
const baud = z.number().int().positive().max(4_000_000);

/**
 * Every real device must say where it is: a path, or (HID) a vendor and product id. Said per
 * entry, so the error names the device ("devices.0.path: the em4100 driver needs a path").
 */
function needsWhere(
  d: { driver: string; path?: string | undefined; vendorId?: number; productId?: number },
  ctx: z.RefinementCtx,
): void {
  if (d.driver === 'simulated' || d.driver === 'keyboard-wedge' || d.path !== undefined) return;
  if (d.driver === 'hid-keyboard') {
    if (d.vendorId === undefined || d.productId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message: 'the hid-keyboard driver needs a path (/dev/hidrawN) or vendorId and productId',
      });
    }
    return;
  }
  ctx.addIssue({
    code: 'custom',
    path: ['path'],
    message: `the ${d.driver} driver needs a path (e.g. /dev/ttyUSB0)`,
  });
}

export const cardReaderConfigSchema = z
  .object({
    kind: z.literal('card-reader'),
    driver: z.enum(['em4100', 'line', 'pn532', 'hid-keyboard', 'keyboard-wedge', 'simulated']),
    path: serialPath.optional(),
    baud: baud.optional(),
    /** line, hid-keyboard and keyboard-wedge readers: how the UID is written, in which byte order. */
    format: z.enum(['hex', 'decimal']).optional(),
    byteOrder: z.enum(['msb-first', 'lsb-first']).optional(),
    /** hid-keyboard readers: USB vendor and product id. */
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
    /** pn532: pause between InListPassiveTarget polls */
    pollIntervalMs: z.number().int().min(20).max(5000).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    needsWhere(d, ctx);
    if (d.driver === 'keyboard-wedge' && d.path !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['path'],
        message:
          'the keyboard-wedge driver reads what readers type into the kiosk window; it has no path',
      });
    }
  });

export const printerConfigSchema = z
  .object({
    kind: z.literal('printer'),
    driver: z.enum(['escpos', 'simulated']),
    /** a serial port, a device file such as /dev/usb/lp0, or tcp://host:9100 */
    path: z.string().min(1).optional(),
    baud: baud.optional(),
  })
  .strict()
  .superRefine((d, ctx) => needsWhere(d, ctx));

export const buttonsConfigSchema = z
  .object({
    kind: z.literal('buttons'),
    driver: z.enum(['serial', 'hid-keyboard', 'simulated']),
    path: serialPath.optional(),
    baud: baud.optional(),
    /** serial button boxes: the byte each button sends, 0-255. */
    redByte: z.number().int().min(0).max(255).optional(),
    greenByte: z.number().int().min(0).max(255).optional(),
    vendorId: z.number().int().min(0).max(0xffff).optional(),
    productId: z.number().int().min(0).max(0xffff).optional(),
    /** hid-keyboard button boxes: the HID usage code of each key (default F1 red, F2 green). */
    redKey: z.number().int().min(4).max(0xff).optional(),
    greenKey: z.number().int().min(4).max(0xff).optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    needsWhere(d, ctx);
    if (d.redByte !== undefined && d.redByte === d.greenByte) {
      ctx.addIssue({ code: 'custom', path: ['greenByte'], message: 'must differ from redByte' });
    }
    if (d.redKey !== undefined && d.redKey === d.greenKey) {
      ctx.addIssue({ code: 'custom', path: ['greenKey'], message: 'must differ from redKey' });
    }
  });

export const deviceConfigSchema = z.discriminatedUnion('kind', [
  cardReaderConfigSchema,
  printerConfigSchema,
  buttonsConfigSchema,
]);

/**
 * The whole `devices` list. The renderer catches every keyboard-wedge burst in one place, so there
 * is one keyboard-wedge reader: two entries would be two different ways to read the same keys.
 */
export const devicesConfigSchema = z.array(deviceConfigSchema).superRefine((devices, ctx) => {
  const wedges = devices.flatMap((d, i) =>
    d.kind === 'card-reader' && d.driver === 'keyboard-wedge' ? [i] : [],
  );
  for (const i of wedges.slice(1)) {
    ctx.addIssue({
      code: 'custom',
      path: [i, 'driver'],
      message: `only one keyboard-wedge reader can be configured (devices.${wedges[0]} is one)`,
    });
  }
});

export type DeviceConfig = z.infer<typeof deviceConfigSchema>;
export type CardReaderConfig = z.infer<typeof cardReaderConfigSchema>;
export type PrinterConfig = z.infer<typeof printerConfigSchema>;
export type ButtonsConfig = z.infer<typeof buttonsConfigSchema>;
