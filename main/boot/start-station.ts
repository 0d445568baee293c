import { existsSync } from 'node:fs';
import type { KioskConfig } from '../config/config-schema';
import { openStationDatabase, type Db } from '../store/open-database';
import { migrations } from '../store/migrations';
import type { KeySource } from '../store/cipher';
import { isDemoStation, seedDemoStation } from '../demo/seed-demo-station';
import type { DeviceManager } from '../devices';
import { stationDevices } from './station-devices';
import { startSyncWorker, type SyncWorker } from '../sync';
import { countElders } from '../roster/elder-repo';
import { KioskCore } from '../core/kiosk-core';
import { heardByCore } from '../core/session-backstop';
import { createDispatch, type Dispatch } from '../api/dispatch';
import { createSpeech } from '../speech/create-speech';
import { stationSpeechLogLine } from '../speech/station-speech-log';
import { createSherpaRecognizer } from '../voice-commands/sherpa-recognizer';
import { stationPack, stationPackSource } from './station-pack';
import type { PolicyPack } from '../../policies/schema';
import { stationHandlers } from './station-handlers';
import { shanghaiDate } from '../clock';
import { databaseFile } from './data-dir';

export interface StationOptions {
  dataDir: string;
  config: KioskConfig;
  /** seed the demo station even if the database already has a roster */
  demo: boolean;
  /** a station that starts with no config and an empty roster gets the demo station */
  firstRunDemo: boolean;
  /** the shipped locales/ folder: prompt texts and voice packs */
  localesDir: string;
  log: (line: string) => void;
  /** the database key; by default the key file (Electron passes its safeStorage-held key) */
  dbKey?: KeySource;
}

export interface Station {
  db: Db;
  core: KioskCore;
  dispatch: Dispatch;
  devices: DeviceManager;
  /** the sync worker, null when the config has no platform link */
  sync: SyncWorker | null;
  /** settles once every device has had its first try at opening (the demo tray works from then) */
  ready: Promise<void>;
  /** stops the devices, then closes the database */
  close(): Promise<void>;
}

/**
 * Opens the station's database, seeds the demo station when asked (or on a first run with nothing
 * else to show), and builds the core and its KioskApi dispatcher. Shared by Electron and the
 * browser host so both start the same way.
 */
export function startStation(options: StationOptions): Station {
  const packId = options.config.station.policyPack;
  const file = databaseFile(options.dataDir);
  const isNew = !existsSync(file);
  // An id no shipped pack has may still have been pulled from the platform; a new station has none.
  if (isNew) stationPack(packId);
  const db = openStationDatabase(file, migrations, { key: options.dbKey, log: options.log });
  let pack: () => PolicyPack;
  try {
    pack = stationPackSource(db, packId, options.log);
  } catch (error) {
    db.close();
    throw error;
  }
  const seed = options.demo || (options.firstRunDemo && isNew && countElders(db) === 0);
  if (seed && seedDemoStation(db, shanghaiDate())) options.log('seeded the demo station');
  const sync = startSyncWorker(db, options.config.platform, {
    onEvent: (e) => {
      if (e.type === 'error')
        options.log(`sync: ${e.message} (retry in ${Math.round(e.retryInMs / 1000)} s)`);
      if (e.type === 'refused') options.log(`sync: kept the old ${e.kind} ${e.key}: ${e.reason}`);
    },
  });
  const core = new KioskCore({
    db,
    config: options.config,
    log: options.log,
    onCommitted: (entry, payload) => sync?.notifyAppended(entry, payload),
  });
  const voice = options.config.speech;
  const speech = createSpeech({
    localesDir: options.localesDir,
    dataDir: options.dataDir,
    defaultLocale: options.config.station.defaultLocale,
    warn: options.log,
    // every line's key, locale, engine and time in the station log (never its words)
    onLine: (entry) => options.log(stationSpeechLogLine(entry)),
    ...(voice?.rate !== undefined ? { defaultRate: voice.rate } : {}),
    ...(voice?.volume !== undefined ? { defaultVolume: voice.volume } : {}),
    ...(voice?.sherpaTts ? { sherpaOnnx: voice.sherpaTts } : {}),
  });
  const recognizerConfig = options.config.speech?.recognizer;
  const recognizer = recognizerConfig ? createSherpaRecognizer(recognizerConfig) : null;
  const devices = stationDevices(core, options.config.devices, isDemoStation(db));
  // Never rejects: a device that cannot open is retried in the background and shown to staff.
  const ready = devices.start();
  // The core's idle backstop hears of every call the page makes (KioskCore.callReceived).
  const dispatch = heardByCore(
    core,
    createDispatch(
      stationHandlers({ core, pack, speech, devices, recognizer, log: options.log }),
      options.log,
    ),
  );
  return {
    db,
    core,
    dispatch,
    devices,
    sync,
    ready,
    close: async () => {
      core.close();
      await devices.stop();
      await sync?.stop();
      db.close();
    },
  };
}
