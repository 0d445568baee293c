import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import {
  callChannel,
  callSpecs,
  eventChannel,
  eventSpecs,
  type CallName,
  type EventName,
} from '../../contract/kiosk-api';
import { fail } from '../../contract/result';
import type { Dispatch } from '../api/dispatch';
import type { KioskCore } from '../core/kiosk-core';
import { isTrustedUrl } from './lockdown';

/** Only the kiosk's own top-level page may call the core; a frame or a foreign page is refused. */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'senderFrame'>,
  contents: Pick<WebContents, 'mainFrame'>,
  trustedOrigin: string,
): boolean {
  const frame = event.senderFrame;
  return (
    frame !== null &&
    frame.parent === null &&
    frame === contents.mainFrame &&
    isTrustedUrl(frame.url, trustedOrigin)
  );
}

/**
 * One ipcMain handler per KioskApi call on its fixed channel, each validated by the dispatcher, and
 * the core's events forwarded to the window on their fixed channels.
 */
export function bridgeKioskApi(
  contents: WebContents,
  trustedOrigin: string,
  dispatch: Dispatch,
  core: KioskCore,
): () => void {
  const names = Object.keys(callSpecs) as CallName[];
  for (const name of names) {
    ipcMain.handle(callChannel(name), (event, payload: unknown) =>
      isTrustedSender(event, contents, trustedOrigin)
        ? dispatch(name, payload)
        : fail('refused', 'this frame may not call the kiosk core'),
    );
  }
  const offs = (Object.keys(eventSpecs) as EventName[]).map((name) => {
    const forward = (payload: unknown): void => {
      if (!contents.isDestroyed()) contents.send(eventChannel(name), payload);
    };
    core.events.on(name, forward);
    return () => core.events.off(name, forward);
  });
  return () => {
    names.forEach((name) => ipcMain.removeHandler(callChannel(name)));
    offs.forEach((off) => off());
  };
}
