import { stat } from 'node:fs/promises';

/** How often an open device's path is checked. */
export const PRESENCE_INTERVAL_MS = 500;

/**
 * Calls `onGone` once when the device node at `path` disappears or is replaced by another device.
 * Needed because a hang-up is not always reported on an idle port: the native binding only sees
 * EIO when it reads, and an idle reader whose adapter is pulled may sit in poll() indefinitely.
 * Unplugging a USB-serial adapter removes /dev/ttyUSB*; plugging it back in makes a new node.
 * Returns the function that stops watching.
 */
export async function watchPresence(
  path: string,
  onGone: (reason: string) => void,
  intervalMs = PRESENCE_INTERVAL_MS,
): Promise<() => void> {
  const first = await stat(path).catch(() => null);
  const device = first ? `${first.dev}:${first.ino}:${first.rdev}` : null;
  let stopped = false;
  const timer = setInterval(() => {
    void stat(path).then(
      (now) => {
        if (stopped || device === null) return;
        if (`${now.dev}:${now.ino}:${now.rdev}` !== device) gone('the device was replaced');
      },
      () => gone(`${path} disappeared (unplugged?)`),
    );
  }, intervalMs);
  timer.unref();
  function gone(reason: string): void {
    if (stopped) return;
    stopped = true;
    clearInterval(timer);
    onGone(reason);
  }
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
