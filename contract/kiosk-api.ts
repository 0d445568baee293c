import type { z } from 'zod';
import type { CallSpec, EventSpec } from './define';
import type { Result } from './result';
import { sessionCalls, sessionEvents } from './calls/session-calls';
import { benefitCalls } from './calls/benefit-calls';
import { helpCalls } from './calls/help-calls';
import { deviceCalls, deviceEvents } from './calls/device-calls';
import { speechCalls } from './calls/speech-calls';
import { orderingCalls } from './calls/ordering-calls';
import { staffCalls } from './calls/staff-calls';
import { counterCalls } from './calls/counter-calls';
import { recorderCalls } from './calls/recorder-calls';

/**
 * The one typed boundary between renderer and core (DESIGN.md). Each feature declares its calls
 * and events in contract/calls/; they are gathered here. The preload and the browser-host client
 * both implement KioskApi, so the same renderer code runs in Electron and in Chromium.
 */
export const callSpecs = {
  ...sessionCalls,
  ...benefitCalls,
  ...helpCalls,
  ...deviceCalls,
  ...speechCalls,
  ...orderingCalls,
  ...staffCalls,
  ...counterCalls,
  ...recorderCalls,
};

export const eventSpecs = {
  ...sessionEvents,
  ...deviceEvents,
};

export type CallName = keyof typeof callSpecs;
export type EventName = keyof typeof eventSpecs;

type SpecPayload<S> = S extends CallSpec<infer P, unknown> ? z.input<P> : never;
type SpecValue<S> = S extends CallSpec<z.ZodType, infer V> ? V : never;
type SpecEvent<S> = S extends EventSpec<infer T> ? T : never;

export type CallPayload<N extends CallName> = SpecPayload<(typeof callSpecs)[N]>;
export type CallValue<N extends CallName> = SpecValue<(typeof callSpecs)[N]>;
export type EventPayload<E extends EventName> = SpecEvent<(typeof eventSpecs)[E]>;

export interface KioskApi {
  call<N extends CallName>(name: N, payload: CallPayload<N>): Promise<Result<CallValue<N>>>;
  /** Subscribes to a core event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Electron IPC channel names: fixed, one per call and event, never built from renderer input. */
export const callChannel = (name: CallName): string => `kiosk:call:${name}`;
export const eventChannel = (name: EventName): string => `kiosk:event:${name}`;

export type { Result } from './result';
