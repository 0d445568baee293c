import type { ElderRecord } from '../../contract/elder';
import { demoElders } from '../../main/demo/demo-elders';
import { demoIdNumber } from '../../main/demo/id-number';

/**
 * Elders the tests bring to a station besides the demo roster (imported with `kioskctl roster
 * import`). Kept here, not in their spec, so that the privacy scan's list of names that must never
 * reach a log (personal-data.ts) holds every elder any test uses.
 */
export const fengYulan: ElderRecord = {
  ...(demoElders[0] as ElderRecord),
  id: 'privacy-0001',
  name: '冯玉兰',
  idNumber: demoIdNumber('330503', '1944-06-18', 77, 'female'),
  birthDate: '1944-06-18',
  phone: '13905720077',
  cards: ['7E57C0FFEE'],
};

export const testElders: readonly ElderRecord[] = [fengYulan];
