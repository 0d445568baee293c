import type { ElderRecord } from '../../contract/elder';
import type { ElderView } from '../../contract/views';
import { ageOn } from '../roster/age';
import { maskIdNumber } from './masking';

/** The part of an elder record the renderer may hold during the elder's session. */
export function toElderView(elder: ElderRecord, today: string): ElderView {
  return {
    id: elder.id,
    name: elder.name,
    gender: elder.gender,
    age: ageOn(elder.birthDate, today),
    idNumberMasked: maskIdNumber(elder.idNumber),
    prefs: elder.prefs,
  };
}
