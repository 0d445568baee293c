/**
 * A pause that something else can end early: a driver waiting for a reply (or for its next poll)
 * is woken when the reply arrives or the driver closes, instead of sleeping out the full timeout.
 */
export function wakeableDelay(ms: number): { done: Promise<void>; wake: () => void } {
  let wake: () => void = () => undefined;
  const done = new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    wake = () => {
      clearTimeout(timer);
      resolve();
    };
  });
  return { done, wake };
}
