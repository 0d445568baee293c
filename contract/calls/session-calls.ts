import { z } from 'zod';
import { cardUid } from '../elder';
import { defineCall, defineEvent } from '../define';
import type { SessionState, StationInfo } from '../views';

const empty = z.object({}).strict();

export const sessionCalls = {
  /** the station's name, locale, timeouts and, in demo mode, the demo cards */
  'station.info': defineCall<StationInfo>()(empty),
  /** the session as it is now (a renderer that (re)loads asks once, then follows the events) */
  'session.current': defineCall<SessionState>()(empty),
  /** a card tapped on the simulated reader (the demo tray); real readers report in the core */
  'session.tapSimulatedCard': defineCall<SessionState>()(z.object({ uid: cardUid }).strict()),
  /**
   * a card read by a keyboard-wedge reader (a USB reader that types the UID and Enter): the
   * renderer catches the burst and hands over the UID as typed, hex or decimal digits
   */
  'session.tapKeyboardCard': defineCall<SessionState>()(
    z
      .object({ uid: z.string().regex(/^[0-9A-Fa-f]{6,20}$/, 'expected 6 to 20 hex digits') })
      .strict(),
  ),
  /**
   * someone touched the screen: the page tells the core (at most every few seconds) so that the
   * core's own idle clock, the backstop for a page that crashed, starts again
   */
  'session.touch': defineCall<SessionState>()(empty),
  /** the elder is done, walked away, or the message was read: back to idle */
  'session.end': defineCall<SessionState>()(empty),
};

export const sessionEvents = {
  session: defineEvent<SessionState>(),
};
