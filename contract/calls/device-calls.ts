import { z } from 'zod';
import { defineCall, defineEvent } from '../define';

/** One device as the staff screen shows it (the device manager's status, as plain data). */
export interface DeviceStatusView {
  source: string;
  kind: string;
  driver: string;
  connected: boolean;
  state: string;
  detail: string | null;
  lastEventAt: string | null;
  errors: number;
  lastError: string | null;
  reconnects: number;
}

export interface HelpEvent {
  button: 'red' | 'green';
  /** 'screen', or the device that sent it, e.g. "serial:/dev/ttyUSB1" */
  source: string;
}

export const deviceCalls = {
  /** every configured device's status, for the staff screen */
  'devices.status': defineCall<DeviceStatusView[]>()(z.object({}).strict()),
};

export const deviceEvents = {
  /** a help call was recorded (on-screen or a physical red/green button) */
  help: defineEvent<HelpEvent>(),
};
