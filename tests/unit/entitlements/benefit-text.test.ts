import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/benefits.json';
import zh from '../../../locales/zh-CN/benefits.json';
import { computeEntitlements } from '../../../main/entitlements/engine';
import { ON, elder, pack, turnsToday } from './fixtures';

const i18n = i18next.createInstance();
await i18n.init({
  resources: { 'zh-CN': { benefits: zh }, en: { benefits: en } },
  lng: 'zh-CN',
  ns: ['benefits'],
  interpolation: { escapeValue: false },
});

const nanxun = pack('nanxun-2023');

describe('我的待遇 screen text (locales/*/benefits.json)', () => {
  it('speaks an item as one sentence', () => {
    const line = i18n.getFixedT('zh-CN', 'benefits')('spoken.item', {
      title: '高龄津贴',
      status: '可以申请',
      amount: '每月不少于 60 元。',
      whatToDo: '请到服务站柜台申请',
    });
    expect(line).toBe('高龄津贴，可以申请。每月不少于 60 元。请到服务站柜台申请。');
  });

  it('has a status label for every status the engine gives', () => {
    const statuses = new Set(
      [turnsToday(59), turnsToday(83), turnsToday(100)].flatMap((b) =>
        computeEntitlements(elder({ birthDate: b, lastAssessment: null }), nanxun, ON).map(
          (e) => e.status,
        ),
      ),
    );
    expect([...statuses].sort()).toEqual([
      'ask-staff',
      'can-apply',
      'due',
      'not-eligible',
      'receiving',
    ]);
    for (const lng of ['zh-CN', 'en']) {
      const t = i18n.getFixedT(lng, 'benefits');
      for (const s of statuses)
        expect(i18n.exists(`status.${s}`, { lng, ns: 'benefits' }), `${lng} ${s}`).toBe(true);
      expect(t('amount.monthlyAtLeast', { yuan: '60' })).toMatch(/60/);
    }
  });
});
