import { describe, expect, it } from 'vitest';
import { computeEntitlements } from '../../../main/entitlements/engine';
import { loadPack } from '../../../policies/load-pack';
import { elder, pack } from './fixtures';

const nanxun = pack('nanxun-2023');
const paid = (birthDate: string, on: string, receiving?: string[]) =>
  computeEntitlements(elder({ birthDate, ...(receiving ? { receiving } : {}) }), nanxun, on)
    .filter((e) => e.id.startsWith('10-') && e.status !== 'not-eligible')
    .map((e) => e.id);

describe('高龄津贴 and 长寿保健补助金 are never both paid', () => {
  it('pays the high-age allowance from 80 to the day before 100', () => {
    expect(paid('1946-06-15', '2026-06-15')).toEqual(['10-high-age-allowance']);
    expect(paid('1926-06-15', '2026-06-14')).toEqual(['10-high-age-allowance']);
  });

  it('switches to the larger longevity allowance on the hundredth birthday', () => {
    expect(paid('1926-06-15', '2026-06-15')).toEqual(['10-longevity-allowance']);
    const loser = computeEntitlements(
      elder({ birthDate: '1926-06-15' }),
      nanxun,
      '2026-06-15',
    ).find((e) => e.id === '10-high-age-allowance');
    expect(loser?.explanation['zh-CN']).toContain(
      '不重复享受：改享长寿保健补助金（每月 500 元，金额更高）',
    );
  });

  it('holds on a 29 February hundredth birthday', () => {
    expect(paid('1928-02-29', '2028-02-28')).toEqual(['10-high-age-allowance']);
    expect(paid('1928-02-29', '2028-02-29')).toEqual(['10-longevity-allowance']);
  });

  it('holds even when the platform says both are being paid', () => {
    expect(
      paid('1920-01-01', '2026-06-15', ['10-high-age-allowance', '10-longevity-allowance']),
    ).toEqual(['10-longevity-allowance']);
  });

  it('lets the largest of three win, whatever the pack order', () => {
    const base = nanxun.items.find((i) => i.id === '10-high-age-allowance');
    if (!base) throw new Error('missing item');
    const { hash: _hash, ...data } = nanxun;
    const make = (id: string, monthlyFen: number) => ({
      ...base,
      id,
      benefit: { kind: 'allowance' as const, monthlyFen, atLeast: false },
    });
    const three = loadPack({
      ...data,
      items: [make('10-a', 100), make('10-b', 300), make('10-c', 200)],
    });
    const result = computeEntitlements(elder({ birthDate: '1940-01-01' }), three, '2026-06-15');
    expect(result.map((e) => [e.id, e.status])).toEqual([
      ['10-a', 'not-eligible'],
      ['10-b', 'can-apply'],
      ['10-c', 'not-eligible'],
    ]);
  });
});
