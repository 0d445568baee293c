import { CliUsageError, type CliIo } from '../cli-io';
import { shanghaiIso } from '../../clock';
import { DeviceError, EscPosPrinter, type Ticket } from '../../../hardware';
import { readOptions } from './probe';

const usage =
  'usage: kioskctl print-test --path DEV [--baud N]\n' +
  '  DEV is a serial port (/dev/ttyUSB0), a device file (/dev/usb/lp0) or tcp://host:9100';

/** The test ticket: Chinese text, a double-size queue number and a QR code exercise the printer. */
export function testTicket(now: Date = new Date()): Ticket {
  return {
    title: '颐养 打印测试',
    lines: [
      '中文打印正常 (GB18030)',
      '红烧肉套餐 x1    ¥6.00',
      `时间 ${shanghaiIso(now).slice(0, 19)}`,
    ],
    queueNumber: 'A001',
    qr: 'https://example.invalid/yiyang/print-test',
    footer: ['如果您能读到这些字, 打印机工作正常'],
  };
}

/**
 * For technicians: prints a test ticket and says what happened as JSON lines:
 * {"type":"status",…} (where the printer answers DLE EOT), then {"type":"printed","bytes":N}
 * or {"type":"error","code":…,"message":…} with exit code 1.
 */
export async function runPrintTest(args: string[], io: CliIo): Promise<number> {
  const opts = readOptions(args, usage, ['path', 'baud']);
  if (!opts.path) throw new CliUsageError(`--path is required\n${usage}`);
  const baud = opts.baud === undefined ? undefined : Number(opts.baud);
  if (baud !== undefined && (!Number.isInteger(baud) || baud <= 0)) {
    throw new CliUsageError(`--baud must be a positive whole number, not '${opts.baud}'`);
  }
  const printer = new EscPosPrinter({ path: opts.path, baudRate: baud });
  const print = (line: Record<string, unknown>): void => io.out(JSON.stringify(line));
  try {
    await printer.open();
    const status = await printer.queryStatus();
    print({ type: 'status', answers: status !== null, ...(status ?? {}) });
    const result = await printer.printTicket(testTicket());
    print({ type: 'printed', bytes: result.bytesWritten });
    return 0;
  } catch (error) {
    const e =
      error instanceof DeviceError ? error : new DeviceError('WRITE_FAILED', String(error), true);
    print({ type: 'error', code: e.code, message: e.message });
    io.err(`kioskctl print-test: ${e.message}`);
    return 1;
  } finally {
    await printer.close();
  }
}
