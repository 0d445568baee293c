import type { KioskApi } from '../../contract/kiosk-api';
import type { SessionState } from '../../contract/views';
import { StaffConsole } from './StaffConsole';
import { StaffPinScreen } from './StaffPinScreen';

export type StaffSession = Extract<SessionState, { kind: 'staff' | 'staff-pin' }>;

export const isStaffSession = (s: SessionState): s is StaffSession =>
  s.kind === 'staff' || s.kind === 'staff-pin';

/** What App shows for the staff session states: the PIN, then the console. */
export function StaffRoot({
  api,
  session,
  idleSeconds,
}: {
  api: KioskApi;
  session: StaffSession;
  /** how long the PIN screen waits for a key before going back to 请刷卡 */
  idleSeconds: number;
}) {
  return session.kind === 'staff-pin' ? (
    <StaffPinScreen
      api={api}
      staff={session.staff}
      attemptsLeft={session.attemptsLeft}
      locked={session.locked}
      idleSeconds={idleSeconds}
    />
  ) : (
    <StaffConsole api={api} session={session} />
  );
}
