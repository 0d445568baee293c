// How `npm start` runs the system Chromium as the kiosk's screen (scripts/start.js); the start-up
// benchmark runs it the same way.

/**
 * Chromium in kiosk mode on the kiosk page. YIYANG_CHROMIUM_FLAGS adds flags (space-separated) for
 * a station's screen, e.g. `--force-device-scale-factor=1.25`, or for the start-up benchmark.
 */
export function chromiumArgs(kioskUrl, profile) {
  const extra = (process.env.YIYANG_CHROMIUM_FLAGS ?? '').split(/\s+/).filter(Boolean);
  return [
    `--app=${kioskUrl}`,
    '--kiosk',
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--noerrdialogs',
    '--disable-translate',
    '--autoplay-policy=no-user-gesture-required',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...extra,
  ];
}
