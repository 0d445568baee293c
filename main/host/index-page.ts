import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StationInfo } from '../../contract/views';
import { pageWithIdleMarkup, readIdleMarkup } from './idle-markup';
import { inlineStyleSheets } from './inline-style';

/** The element id the renderer reads the embedded station info from (renderer/api/embedded-station.ts). */
export const stationInfoElementId = 'yiyang-station';

/**
 * What the page may carry before it holds a socket: the station's own settings, never a person.
 * The demo tray's cards (demo elders' names and card numbers) come later, over the socket.
 */
export type PublicStationInfo = Omit<StationInfo, 'demoCards'>;

export function publicStationInfo(info: StationInfo): PublicStationInfo {
  const { id, name, district, defaultLocale, demo, timeouts } = info;
  return { id, name, district, defaultLocale, demo, timeouts };
}

/**
 * The renderer's index.html with the public station info embedded as a JSON data block, so the
 * idle screen can paint without waiting for the WebSocket handshake and a station.info call. A
 * `type="application/json"` script is data, never executed, so `script-src 'self'` still holds;
 * `<` is escaped so no value can close the element.
 */
export function indexPageWithStationInfo(template: string, info: PublicStationInfo): string {
  const json = JSON.stringify(info).replace(/</g, '\\u003c');
  const block = `<script type="application/json" id="${stationInfoElementId}">${json}</script>`;
  return template.includes('</head>')
    ? template.replace('</head>', `    ${block}\n  </head>`)
    : `${template}\n${block}\n`; // after the doctype, or the page would render in quirks mode
}

/** Reads the built index.html on every request, as the static files are: a rebuild shows at once. */
export function readIndexTemplate(rendererDir: string): string | null {
  try {
    return readFileSync(join(rendererDir, 'index.html'), 'utf8');
  } catch {
    return null;
  }
}

/**
 * The page the browser host serves at /: the built index.html with the station's public settings,
 * the prerendered idle screen and the style sheet in it, and the CSP hashes that sheet needs; null
 * when there is no build.
 */
export function kioskPage(
  rendererDir: string,
  info: PublicStationInfo,
): { page: string; styleHashes: string[] } | null {
  const template = readIndexTemplate(rendererDir);
  if (template === null) return null;
  const withInfo = indexPageWithStationInfo(template, info);
  const idle = readIdleMarkup(rendererDir, info);
  return inlineStyleSheets(
    idle === null ? withInfo : pageWithIdleMarkup(withInfo, idle),
    rendererDir,
  );
}
