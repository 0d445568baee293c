/**
 * The idle screen prerendered at build time (renderer/prerender/idle-markup.tsx, written by
 * build/prerender-idle-plugin.ts) and put into the page by the browser host
 * (main/host/idle-markup.ts): where the files are and what stands for the station's name in them.
 */

/** A private-use character never occurs in a station's name. */
export const stationNamePlaceholder = '\uE000station-name\uE000';

/** The file, under the built renderer, for a station's locale and whether it shows the demo tray. */
export const idleMarkupFile = (locale: string, demo: boolean): string =>
  `idle/${locale}${demo ? '.demo' : ''}.html`;

/** The attribute the host sets on #root when it holds the prerendered idle screen. */
export const prerenderedAttribute = 'data-prerendered';
