import type { ElderRecord } from '../../../contract/elder';
import type { EngineElder } from '../../../main/entitlements/engine';
import { findPack } from '../../../policies/registry';
import type { PolicyPack } from '../../../policies/schema';

/** The date most table rows are evaluated on: a plain common-year day, Asia/Shanghai. */
export const ON = '2026-06-15';

/** Born so that the elder turns `age` on ON itself (the birthday is today). */
export const turnsToday = (age: number): string => `${2026 - age}-06-15`;
/** Born so that the elder turns `age` tomorrow: today they are age − 1. */
export const turnsTomorrow = (age: number): string => `${2026 - age}-06-16`;

/**
 * A record that qualifies for as little as possible beyond age: local, with family, not
 * low-income, independent, no disability, no pension. Rows change only what they test.
 */
export const baseElder: ElderRecord = {
  id: 'e-test',
  name: '测试老人',
  gender: 'male',
  birthDate: turnsToday(70),
  idNumber: '330503195606150012',
  phone: '0572-1234567',
  hukou: 'local',
  living: 'with-family',
  economic: 'none',
  selfCare: 'independent',
  disability: null,
  specialFamily: false,
  merit: 'none',
  pension: 'none',
  medicalInsurance: false,
  lastAssessment: '2026-01-10',
  cards: ['0A1B2C3D'],
  prefs: { locale: 'zh-CN', speechRate: 1, volume: 0.8, fontScale: 1.2 },
};

export const elder = (over: Partial<EngineElder> = {}): EngineElder => ({ ...baseElder, ...over });

/** The record without some of its fields, as a roster from an older platform might send it. */
export function without(...fields: (keyof ElderRecord)[]): EngineElder {
  return dropFields(baseElder, fields);
}

/** A copy of the record without the named fields. */
export function dropFields(record: EngineElder, fields: readonly string[]): EngineElder {
  return Object.fromEntries(
    Object.entries(record).filter(([key]) => !fields.includes(key)),
  ) as EngineElder;
}

export function pack(id: string): PolicyPack {
  const found = findPack(id);
  if (!found) throw new Error(`test pack ${id} missing`);
  return found;
}
