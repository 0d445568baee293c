import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  idleMarkupFile,
  prerenderedAttribute,
  stationNamePlaceholder,
} from '../../contract/prerender';
import type { PublicStationInfo } from './index-page';

const escapes: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => escapes[c] ?? c);

/**
 * The idle screen the build prerendered for this station's locale (and demo tray or not), with
 * the station's name put in, or null when the build made none for that locale. Read on every
 * request, as index.html is, so a rebuild shows at once.
 */
export function readIdleMarkup(rendererDir: string, info: PublicStationInfo): string | null {
  let markup: string;
  try {
    markup = readFileSync(join(rendererDir, idleMarkupFile(info.defaultLocale, info.demo)), 'utf8');
  } catch {
    return null;
  }
  return markup.split(stationNamePlaceholder).join(escapeHtml(info.name));
}

/**
 * Puts the prerendered idle screen into the page's empty #root, marked so the page's script takes
 * it over (hydrateRoot) instead of drawing it again. The browser paints it before any script runs.
 */
export function pageWithIdleMarkup(page: string, markup: string): string {
  const empty = '<div id="root"></div>';
  if (!page.includes(empty)) return page;
  return page.replace(empty, () => `<div id="root" ${prerenderedAttribute}="idle">${markup}</div>`);
}
