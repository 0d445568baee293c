import type { KioskCore } from '../core/kiosk-core';
import type { PolicyPack } from '../../policies/schema';
import type { SpeechService } from '../speech/speech-service';
import type { Handlers } from '../api/dispatch';
import { coreHandlers } from '../api/core-handlers';
import { benefitCallHandlers } from '../api/benefit-call-handlers';
import { speechHandlers } from '../speech/speech-handlers';
import { deviceCallHandlers } from '../api/device-call-handlers';
import type { DeviceManager } from '../devices';
import type { SpeechRecognizer } from '../voice-commands/sherpa-recognizer';
import { orderingHandlers } from '../ordering/ordering-handlers';
import { stationTicketPrinter } from './station-printer';
import { staffHandlers } from '../staff/staff-handlers';
import { recorderHandlers } from '../speech/recorder-handlers';
import { overrideDirOf } from '../speech/create-speech';
import { dataDirOf } from '../staff/pepper';

export interface StationServices {
  core: KioskCore;
  /** the station's pack, or where to read it at each call (pulled packs replace it while running) */
  pack: PolicyPack | (() => PolicyPack);
  speech: SpeechService;
  devices: DeviceManager;
  /** the station's sherpa-onnx recognizer for 按住说话, when its config names a model */
  recognizer?: SpeechRecognizer | null;
  now?: () => Date;
  log?: (line: string) => void;
}

/** Every KioskApi call, each feature contributing its own handlers. */
export function stationHandlers({
  core,
  pack,
  speech,
  devices,
  recognizer = null,
  now = () => new Date(),
  log,
}: StationServices): Handlers {
  return {
    ...coreHandlers(core),
    ...deviceCallHandlers(core, devices),
    ...orderingHandlers({
      db: core.db,
      elder: () => core.currentElder(),
      actor: () => core.actingStaffId(),
      now,
      config: core.config,
      pack: typeof pack === 'function' ? pack : () => pack,
      printTicket: stationTicketPrinter(devices),
      ...(log ? { log } : {}),
    }),
    ...staffHandlers({
      core,
      now,
      printTicket: stationTicketPrinter(devices),
      ...(log ? { log } : {}),
    }),
    ...benefitsOf(core, pack),
    ...speechHandlers(
      speech,
      () => core.currentElder()?.prefs.locale ?? core.config.station.defaultLocale,
      recognizer,
    ),
    ...recorderHandlers({
      speech,
      // The same folder createSpeech reads first: the station.db's folder is the data dir.
      overrideDir: ((dir) => (dir === null ? null : overrideDirOf(dir)))(dataDirOf(core.db)),
      session: () => core.session(),
      ...(log ? { log } : {}),
    }),
  };
}

/** 我的待遇 under the pack as it is at the moment of the call. */
function benefitsOf(
  core: KioskCore,
  pack: PolicyPack | (() => PolicyPack),
): ReturnType<typeof benefitCallHandlers> {
  if (typeof pack !== 'function') return benefitCallHandlers(core, pack);
  return {
    'benefits.list': (p) => benefitCallHandlers(core, pack())['benefits.list'](p),
    'benefits.reminders': (p) => benefitCallHandlers(core, pack())['benefits.reminders'](p),
  };
}
