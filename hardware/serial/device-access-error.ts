import { DeviceError } from '../driver';

/** Which Unix group opens a device: line printers belong to `lp`, serial ports to `dialout`. */
export function groupFor(path: string): string {
  return /^\/dev\/(usb\/)?lp\d/.test(path) ? 'lp' : 'dialout';
}

/**
 * Turns an OS error from opening a device into an error a technician can act on. serialport's
 * native binding gives only a message ("Error: No such file or directory, cannot open …"), Node's
 * fs gives a code; both are recognised.
 */
export function explainOpenError(path: string, error: unknown): DeviceError {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === 'ENOENT' || /No such file or directory/i.test(message)) {
    return new DeviceError(
      'NOT_FOUND',
      `${path} does not exist (ENOENT): is the device plugged in, and is the path right? ` +
        'USB-serial adapters appear as /dev/ttyUSB* or /dev/ttyACM*, printers as /dev/usb/lp*.',
      true,
      { cause: error },
    );
  }
  if (code === 'EACCES' || code === 'EPERM' || /Permission denied/i.test(message)) {
    const group = groupFor(path);
    return new DeviceError(
      'PERMISSION_DENIED',
      `permission denied opening ${path} (EACCES): add the kiosk user to the '${group}' group ` +
        `(sudo usermod -aG ${group} $USER, then log in again)`,
      true,
      { cause: error },
    );
  }
  if (code === 'EBUSY' || /Resource temporarily unavailable|Cannot lock port|busy/i.test(message)) {
    return new DeviceError(
      'BUSY',
      `${path} is in use by another program (close it, e.g. a serial terminal or ModemManager)`,
      true,
      { cause: error },
    );
  }
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ETIMEDOUT') {
    return new DeviceError('NOT_FOUND', `cannot reach ${path} (${String(code)})`, true, {
      cause: error,
    });
  }
  return new DeviceError('OPEN_FAILED', `cannot open ${path}: ${message}`, true, { cause: error });
}
