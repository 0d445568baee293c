import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { ElderRecord } from '../../contract/elder';
import type { DemoCard, SessionState, StaffView, StationInfo } from '../../contract/views';
import type { HelpCallReceipt } from '../../contract/calls/help-calls';
import type { DeviceStatusView, HelpEvent } from '../../contract/calls/device-calls';
import type { KioskConfig } from '../config/config-schema';
import type { Db } from '../store/open-database';
import { appendToOutbox, type OutboxEntry } from '../store/outbox';
import { findElderByCard } from '../roster/elder-repo';
import { isDemoStation } from '../demo/seed-demo-station';
import { demoElders } from '../demo/demo-elders';
import { shanghaiDate, shanghaiIso } from '../clock';
import { ageOn } from '../roster/age';
import { toElderView } from './elder-view';
import { findStaffByCard, pinState } from '../staff/staff-repo';
import { demoStaffCards } from '../staff/demo-staff';
import { backstopLimitMs, isPassiveCall, SessionBackstop } from './session-backstop';

export interface CoreEvents {
  session: [SessionState];
  help: [HelpEvent];
}

export interface KioskCoreOptions {
  db: Db;
  config: KioskConfig;
  now?: () => Date;
  /** where log lines go; never given names or ID numbers */
  log?: (line: string) => void;
  /** told after each outbox row commits (the sync worker sends red help calls at once) */
  onCommitted?: (entry: OutboxEntry, payload: unknown) => void;
}

/**
 * The kiosk core: who is at the kiosk, what their card says, and what they asked for. It knows
 * nothing of Electron, WebSockets or drivers; the shell, the browser host and the device manager
 * all talk to it through these methods and its events.
 */
export class KioskCore {
  readonly events = new EventEmitter<CoreEvents>();
  private state: SessionState = { kind: 'idle' };
  private sessionElder: ElderRecord | null = null;
  private devices: DeviceStatusView[] = [];
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private readonly backstop: SessionBackstop;

  constructor(private readonly options: KioskCoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => undefined);
    this.backstop = new SessionBackstop((limitMs) => {
      this.log(`session ended by the core: no call from the page for ${limitMs / 1000} s`);
      this.endSession();
    });
  }

  get db(): Db {
    return this.options.db;
  }

  get config(): KioskConfig {
    return this.options.config;
  }

  today(): string {
    return shanghaiDate(this.now());
  }

  stationInfo(): StationInfo {
    const { station, timeouts } = this.options.config;
    const demo = isDemoStation(this.options.db);
    return {
      id: station.id,
      name: station.name,
      district: station.district,
      defaultLocale: station.defaultLocale,
      demo,
      demoCards: demo ? this.demoCards() : [],
      timeouts,
    };
  }

  private demoCards(): DemoCard[] {
    const today = this.today();
    return [
      ...demoElders.flatMap((e) =>
        e.cards
          .slice(0, 1)
          .map((uid) => ({ uid, label: `${e.name} ${ageOn(e.birthDate, today)}岁` })),
      ),
      ...demoStaffCards,
    ];
  }

  session(): SessionState {
    return this.state;
  }

  /** The elder of the current session, for features that act on their behalf; null when idle. */
  currentElder(): ElderRecord | null {
    return this.sessionElder;
  }

  /** A card was tapped on any reader (real, HID wedge or the simulated demo tray). */
  cardTapped(uid: string, source: string): SessionState {
    // Staff cards first: a staff card asks for the PIN; a lost one is refused like an elder's.
    const staff = findStaffByCard(this.options.db, uid);
    if (staff.status === 'active') {
      this.sessionElder = null;
      this.setState({
        kind: 'staff-pin',
        staff: staff.staff,
        ...pinState(this.db, staff.staff.id),
      });
      this.log(`staff card from ${source}: PIN asked`);
      return this.state;
    }
    const found = findElderByCard(this.options.db, uid);
    if (found.status === 'active' && this.state.kind === 'staff') {
      // At the counter, an elder's card tapped during a staff session starts assisting them.
      return this.assistElder(found.elder);
    }
    if (this.state.kind === 'staff') {
      // A new or lost card at the counter stays in the console, offered for binding.
      this.setState({ ...this.state, tappedCard: uid });
      return this.state;
    }
    if (staff.status === 'lost') {
      this.sessionElder = null;
      this.setState({ kind: 'card-refused', reason: 'lost-card' });
      this.log(`card refused from ${source}: lost staff card`);
      return this.state;
    }
    if (found.status === 'active') {
      this.sessionElder = found.elder;
      this.setState({
        kind: 'elder',
        sessionId: randomUUID(),
        elder: toElderView(found.elder, this.today()),
      });
      this.log(`card accepted from ${source}`);
    } else {
      this.sessionElder = null;
      this.setState({
        kind: 'card-refused',
        reason: found.status === 'lost' ? 'lost-card' : 'unknown-card',
      });
      this.log(`card refused from ${source}: ${found.status}`);
    }
    return this.state;
  }

  /** After a wrong PIN: the PIN screen shows the attempts left, or that the card is locked. */
  staffPinFailed(staff: StaffView, attemptsLeft: number, locked: boolean): SessionState {
    this.setState({ kind: 'staff-pin', staff, attemptsLeft, locked });
    return this.state;
  }

  /** The right PIN: the staff console, acting for nobody yet. */
  startStaffSession(staff: StaffView): SessionState {
    this.sessionElder = null;
    this.setState({
      kind: 'staff',
      sessionId: randomUUID(),
      staff,
      assisting: null,
      tappedCard: null,
    });
    return this.state;
  }

  /**
   * Staff act for this elder (null: stop). The ordering and benefit calls then see the elder as
   * `currentElder()` and `actingStaffId()` gives the staff id stored next to theirs.
   */
  assistElder(elder: ElderRecord | null): SessionState {
    if (this.state.kind !== 'staff') return this.state;
    this.sessionElder = elder;
    this.setState({
      ...this.state,
      assisting: elder ? toElderView(elder, this.today()) : null,
    });
    return this.state;
  }

  /** The staff member acting in this session, null when an elder uses the kiosk alone. */
  actingStaffId(): string | null {
    return this.state.kind === 'staff' ? this.state.staff.id : null;
  }

  endSession(): SessionState {
    this.sessionElder = null;
    this.setState({ kind: 'idle' });
    return this.state;
  }

  /**
   * A KioskApi call arrived (every call passes here before its handler). Anything but the calls a
   * page makes by itself counts as someone at the kiosk and starts the core's idle clock again.
   */
  callReceived(name: string): void {
    if (!isPassiveCall(name)) this.backstop.touch();
  }

  /** Stops the core's idle clock (the station is closing). */
  close(): void {
    this.backstop.stop();
  }

  /** Records a help call (green: service, red: emergency) with the session's elder, if any. */
  callForHelp(button: 'red' | 'green', source: string): HelpCallReceipt {
    const db = this.options.db;
    const at = shanghaiIso(this.now());
    const payload = {
      button,
      source,
      stationId: this.options.config.station.id,
      elderId: this.sessionElder?.id ?? null,
      at,
    };
    const entry = db.transaction(() => appendToOutbox(db, 'help.call', payload, at))();
    this.options.onCommitted?.(entry, payload);
    this.log(`help call ${button} from ${source}, outbox seq ${entry.seq}`);
    this.events.emit('help', { button, source });
    return { uuid: entry.uuid, seq: entry.seq, button };
  }

  /** The device manager reports here; the staff screen reads it. */
  setDeviceStatuses(statuses: DeviceStatusView[]): void {
    this.devices = statuses;
  }

  deviceStatuses(): DeviceStatusView[] {
    return this.devices;
  }

  private setState(next: SessionState): void {
    this.state = next;
    this.backstop.arm(backstopLimitMs(next, this.options.config.timeouts));
    this.events.emit('session', next);
  }
}
