import type { KioskApi } from '../../contract/kiosk-api';
import { createWsKioskApi } from './ws-kiosk-api';

declare global {
  interface Window {
    /** set by the Electron preload through contextBridge */
    kioskApi?: KioskApi;
  }
}

/** What the renderer could not connect to, in words staff can act on. */
export class KioskApiMissing extends Error {}

/**
 * The renderer's one way to the core: the preload's bridge inside Electron, otherwise the browser
 * host's WebSocket with the per-launch token from the page's URL fragment.
 */
export function connectKioskApi(): KioskApi {
  if (window.kioskApi) return window.kioskApi;
  const token = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (!token)
    throw new KioskApiMissing(
      'open the kiosk page address that `kioskctl serve` printed (it carries #token=…)',
    );
  const url = `ws://${window.location.host}/api?token=${encodeURIComponent(token)}`;
  return createWsKioskApi(url);
}
