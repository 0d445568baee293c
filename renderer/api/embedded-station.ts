import type { StationInfo } from '../../contract/views';

/** The data block the browser host puts into index.html (main/host/index-page.ts). */
const elementId = 'yiyang-station';

/**
 * The station's public settings as the browser host embedded them in the page, with no demo cards
 * yet (those name demo elders and come over the socket), or null when the page carries none:
 * inside Electron, under the Vite dev server, or a page from an older host.
 */
export function embeddedStationInfo(): StationInfo | null {
  const text = document.getElementById(elementId)?.textContent;
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<StationInfo> | null;
    if (
      !value ||
      typeof value.name !== 'string' ||
      typeof value.defaultLocale !== 'string' ||
      typeof value.timeouts !== 'object'
    )
      return null;
    return { ...(value as Omit<StationInfo, 'demoCards'>), demoCards: [] };
  } catch {
    return null;
  }
}
