import { join } from 'node:path';
import { defaultConfig } from '../../main/config/load-config';
import { KioskCore } from '../../main/core/kiosk-core';
import { seedDemoStation } from '../../main/demo/seed-demo-station';
import { openStationDatabase, type Db } from '../../main/store/open-database';
import { createDispatch, type Dispatch } from '../../main/api/dispatch';
import { stationHandlers } from '../../main/boot/station-handlers';
import { stationPack } from '../../main/boot/station-pack';
import { createSpeech } from '../../main/speech/create-speech';
import { projectRoot } from './kioskctl';
import { stationDevices } from '../../main/boot/station-devices';

/** An in-memory demo station with a fixed clock: 2026-11-23 10:00 in Shanghai. */
export function demoStation(
  file = ':memory:',
  now = new Date('2026-11-23T02:00:00Z'),
): { db: Db; core: KioskCore; log: string[]; dispatch: Dispatch } {
  const db = openStationDatabase(file);
  seedDemoStation(db, '2026-11-23');
  const log: string[] = [];
  const core = new KioskCore({
    db,
    config: defaultConfig,
    now: () => now,
    log: (l) => log.push(l),
  });
  const speech = createSpeech({ localesDir: join(projectRoot, 'locales'), defaultLocale: 'zh-CN' });
  const devices = stationDevices(core, defaultConfig.devices, true);
  void devices.start();
  const dispatch = createDispatch(
    stationHandlers({ core, pack: stationPack('nanxun-2023'), speech, devices, now: () => now }),
    (l) => log.push(l),
  );
  return { db, core, log, dispatch };
}
