import { describe, expect, it } from 'vitest';
import { ConfigError, resolveConfig } from '../../../main/config/load-config';
import { defaultMealsConfig } from '../../../main/ordering/meals-config';

const tiers = defaultMealsConfig.tiers;
const withTiers = (t: unknown[], station?: Record<string, string>) =>
  resolveConfig(
    { meals: { ...defaultMealsConfig, tiers: t }, ...(station ? { station } : {}) },
    'station.json',
  );

describe('meal tiers are checked against the station’s policy pack when the config loads', () => {
  it('accepts tiers that name items of the pack', () => {
    expect(withTiers([...tiers]).meals?.tiers.map((t) => t.id)).toEqual(['hardship', 'elder']);
  });

  it('refuses an entitlement the pack does not have, naming the key, the file and the pack', () => {
    const wrong = [tiers[0], { ...tiers[1], entitlement: '9-meal-discunt' }];
    expect(() => withTiers(wrong)).toThrow(ConfigError);
    expect(() => withTiers(wrong)).toThrow(
      /^station\.json: 'meals\.tiers\[1\]\.entitlement': '9-meal-discunt' is not an item of policy pack nanxun-2023 \(its items: 1-employee-pension, .*9-meal-discount/,
    );
  });

  it('refuses Nanxun tiers on a station whose pack is Tongxiang’s', () => {
    expect(() => withTiers([...tiers], { policyPack: 'tongxiang-2022' })).toThrow(
      /'meals\.tiers\[0\]\.entitlement': '27-meal-extra-discount' is not an item of policy pack tongxiang-2022.*'meals\.tiers\[1\]\.entitlement'/,
    );
  });

  it('refuses two tiers with one id, and a tier called standard', () => {
    expect(() => withTiers([tiers[0], { ...tiers[1], id: 'hardship' }])).toThrow(
      /'meals\.tiers\[1\]\.id': 'hardship' is used by an earlier tier/,
    );
    expect(() => withTiers([{ ...tiers[0], id: 'standard' }])).toThrow(
      /'meals\.tiers\[0\]\.id': 'standard' is the name of the full-price tier/,
    );
  });
});
