import type { DemoCard } from '../../contract/views';
import { shanghaiIso } from '../clock';
import { demoElders } from '../demo/demo-elders';
import type { Db } from '../store/open-database';
import { dataDirOf, loadPepper } from './pepper';
import { addStaff, type NewStaff } from './staff-repo';

/**
 * The demo station's counter: one staff member and one supervisor. Their PINs are public on
 * purpose (docs/staff.md, README): a demo station holds no real people. A real station gets its
 * staff from the platform or a technician, never these.
 */
export const demoStaff: readonly NewStaff[] = [
  { id: 'staff-01', name: '王晓红', role: 'staff', pin: '123456', cards: ['5A000001'] },
  { id: 'staff-02', name: '李主任', role: 'supervisor', pin: '654321', cards: ['5A000002'] },
];

/** Shown on the demo tray so whoever tries the demo can reach the staff console. */
export const demoStaffCards: readonly DemoCard[] = demoStaff.map((s) => ({
  uid: s.cards[0] ?? '',
  label: `${s.role === 'supervisor' ? '主管' : '工作人员'} ${s.name}（PIN ${s.pin}）`,
}));

const streets = ['南浔镇人瑞路', '南浔镇适园路', '南浔镇东大街', '南浔镇宝善街', '南浔镇西大街'];

/** Made-up addresses for the demo elders, so the delivery list has somewhere to send meals. */
export function demoAddress(index: number): string {
  return `${streets[index % streets.length] ?? streets[0]}${12 + index * 7}号`;
}

/** Seeds the demo staff and the demo elders' addresses; running it again changes nothing. */
export function seedDemoStaff(db: Db, now: Date = new Date()): void {
  const at = shanghaiIso(now);
  const pepper = loadPepper(dataDirOf(db));
  for (const s of demoStaff) addStaff(db, pepper, s, at);
  const address = db.prepare(
    'INSERT OR IGNORE INTO elder_addresses (elder_id, address, updated_at) VALUES (?, ?, ?)',
  );
  demoElders.forEach((e, i) => address.run(e.id, demoAddress(i), at));
}
