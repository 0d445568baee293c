import { join } from 'node:path';
import type { CallName, CallPayload, CallValue } from '../../../contract/kiosk-api';
import { createDispatch } from '../../../main/api/dispatch';
import { stationDevices } from '../../../main/boot/station-devices';
import { stationHandlers } from '../../../main/boot/station-handlers';
import { stationPack } from '../../../main/boot/station-pack';
import { defaultConfig } from '../../../main/config/load-config';
import type { KioskConfig } from '../../../main/config/config-schema';
import { KioskCore } from '../../../main/core/kiosk-core';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';
import { createSpeech } from '../../../main/speech/create-speech';
import { openStationDatabase, type Db } from '../../../main/store/open-database';
import { projectRoot } from '../../support/kioskctl';
import { PrinterPeer } from '../../support/printer-peer';
import { openPtyPair, type PtyPair } from '../../support/pty';
import { makeTempDir } from '../../support/temp-dir';

export const TODAY = '2026-11-23';

export interface PrinterStation {
  db: Db;
  core: KioskCore;
  printer: PrinterPeer;
  clock: { now: Date };
  call<N extends CallName>(name: N, payload: CallPayload<N>): Promise<CallValue<N>>;
  /** the refusal as "code message"; throws when the call succeeded */
  refused(name: CallName, payload: unknown): Promise<string>;
  close(): Promise<void>;
}

/**
 * The demo station as `kioskctl serve` builds it (every handler, the device manager, a file
 * database in a temp data dir) with its ESC/POS printer on a real PTY pair, on the morning of
 * TODAY: the whole path from a KioskApi call to the bytes at the printer.
 */
export async function printerStation(): Promise<PrinterStation> {
  const temp = makeTempDir('yiyang-reprint-');
  const pty: PtyPair = await openPtyPair();
  const printer = await PrinterPeer.open(pty.b);
  const db = openStationDatabase(join(temp.dir, 'station.db'));
  seedDemoStation(db, TODAY);
  const clock = { now: new Date(`${TODAY}T08:30:00+08:00`) };
  const now = (): Date => clock.now;
  const config: KioskConfig = {
    ...defaultConfig,
    devices: [
      { kind: 'card-reader', driver: 'simulated' },
      { kind: 'printer', driver: 'escpos', path: pty.a },
    ],
  };
  const log: string[] = [];
  const core = new KioskCore({ db, config, now, log: (l) => log.push(l) });
  const devices = stationDevices(core, config.devices, true);
  await devices.start();
  const speech = createSpeech({ localesDir: join(projectRoot, 'locales'), defaultLocale: 'zh-CN' });
  const dispatch = createDispatch(
    stationHandlers({ core, pack: stationPack('nanxun-2023'), speech, devices, now }),
    (l) => log.push(l),
  );
  return {
    db,
    core,
    printer,
    clock,
    call: async (name, payload) => {
      const r = await dispatch(name, payload);
      if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}\n${log.join('\n')}`);
      return r.value as CallValue<typeof name>;
    },
    refused: async (name, payload) => {
      const r = await dispatch(name, payload);
      if (r.ok) throw new Error(`${name} was expected to be refused`);
      return `${r.error.code} ${r.error.message}`;
    },
    close: async () => {
      await devices.stop();
      await printer.close();
      await pty.close();
      db.close();
      temp.remove();
    },
  };
}
