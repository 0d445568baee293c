/** The command-line flags `npm start` gives the system Chromium (scripts/chromium-kiosk.js). */
export function chromiumArgs(kioskUrl: string, profile: string): string[];
