import { join } from 'node:path';
import type { BenefitReminder, BenefitsView } from '../../../contract/calls/benefit-calls';
import { createDispatch, type Dispatch } from '../../../main/api/dispatch';
import { stationDevices } from '../../../main/boot/station-devices';
import { stationHandlers } from '../../../main/boot/station-handlers';
import { stationPack } from '../../../main/boot/station-pack';
import { defaultConfig } from '../../../main/config/load-config';
import { KioskCore } from '../../../main/core/kiosk-core';
import { seedDemoStation } from '../../../main/demo/seed-demo-station';
import { createSpeech } from '../../../main/speech/create-speech';
import { openStationDatabase, type Db } from '../../../main/store/open-database';
import { projectRoot } from '../../support/kioskctl';
import { makeTempDir } from '../../support/temp-dir';

/**
 * The demo station on a real (encrypted) SQLite file in a temp dir, with the real core, the real
 * KioskApi dispatcher over every feature's handlers, and a clock the test moves. For tests that go
 * through the calls the renderer makes, not the engine's functions.
 */
export interface TestStation {
  db: Db;
  core: KioskCore;
  dispatch: Dispatch;
  clock: { now: Date };
  call<T>(name: string, payload?: unknown): Promise<T>;
  /** 我的待遇 and 服务找人 for the elder of this card, as the kiosk would show them now */
  benefitsOf(uid: string): Promise<{ view: BenefitsView; reminders: BenefitReminder[] }>;
  close(): void;
}

export function testStation(now: Date, policyPack = 'nanxun-2023'): TestStation {
  const temp = makeTempDir('yiyang-benefits-');
  const clock = { now };
  const db = openStationDatabase(join(temp.dir, 'station.db'));
  seedDemoStation(db, '2026-11-23');
  const config = { ...defaultConfig, station: { ...defaultConfig.station, policyPack } };
  const core = new KioskCore({ db, config, now: () => clock.now, log: () => undefined });
  const speech = createSpeech({ localesDir: join(projectRoot, 'locales'), defaultLocale: 'zh-CN' });
  const devices = stationDevices(core, [], true);
  const dispatch = createDispatch(
    stationHandlers({
      core,
      pack: stationPack(policyPack),
      speech,
      devices,
      now: () => clock.now,
    }),
  );
  const call = async <T>(name: string, payload: unknown = {}): Promise<T> => {
    const result = await dispatch(name, payload);
    if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
    return result.value as T;
  };
  return {
    db,
    core,
    dispatch,
    clock,
    call,
    async benefitsOf(uid) {
      core.cardTapped(uid, 'test');
      const view = await call<BenefitsView>('benefits.list');
      const reminders = await call<BenefitReminder[]>('benefits.reminders');
      core.endSession();
      return { view, reminders };
    },
    close() {
      db.close();
      temp.remove();
    },
  };
}
