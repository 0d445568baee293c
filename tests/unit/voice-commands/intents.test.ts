import { describe, expect, it } from 'vitest';
import type { VoiceIntent } from '../../../contract/calls/speech-calls';
import {
  compileTemplate,
  matchGrammar,
  normalizeUtterance,
} from '../../../main/voice-commands/grammar';
import { dishAliases } from '../../../main/voice-commands/dish-names';
import { grammars, matchIntent } from '../../../main/voice-commands/match-intent';

const dishes = ['红烧肉', '清蒸鲈鱼', '番茄炒蛋', '红烧肉饭'];
type Row = [string, VoiceIntent | null];

const tables: Record<string, Row[]> = {
  'zh-CN': [
    ['点餐', { intent: 'meals' }],
    ['我要订饭', { intent: 'meals' }],
    ['我想吃饭。', { intent: 'meals' }],
    ['我的补贴', { intent: 'benefits' }],
    ['查一下我的待遇', { intent: 'benefits' }],
    ['叫人', { intent: 'staff' }],
    ['麻烦帮忙', { intent: 'staff' }],
    ['返回', { intent: 'back' }],
    ['确认', { intent: 'confirm' }],
    ['好的', { intent: 'confirm' }],
    ['取消', { intent: 'cancel' }],
    ['不要了', { intent: 'cancel' }],
    ['预约服务', { intent: 'services' }],
    ['红烧肉', { intent: 'dish', dish: '红烧肉' }],
    ['我要一份清蒸鲈鱼', { intent: 'dish', dish: '清蒸鲈鱼' }],
    ['来个番茄炒蛋吧', { intent: 'dish', dish: '番茄炒蛋' }],
    ['红烧肉饭', { intent: 'dish', dish: '红烧肉饭' }],
    ['今天天气不错', null],
    ['帮我点餐', null],
    ['', null],
  ],
  wuu: [
    ['吃饭', { intent: 'meals' }],
    ['阿拉想吃中饭', { intent: 'meals' }],
    ['我个补贴有几化', { intent: 'benefits' }],
    ['喊人', { intent: 'staff' }],
    ['帮帮忙', { intent: 'staff' }],
    ['回转去', { intent: 'back' }],
    ['好个', { intent: 'confirm' }],
    ['覅了', { intent: 'cancel' }],
    ['勿要', { intent: 'cancel' }],
    ['我要一碗红烧肉', { intent: 'dish', dish: '红烧肉' }],
    ['我要订饭', { intent: 'meals' }],
  ],
  'zh-x-henan': [
    ['俺要吃饭', { intent: 'meals' }],
    ['喝汤', { intent: 'meals' }],
    ['俺的补贴是啥', { intent: 'benefits' }],
    ['喊个人', { intent: 'staff' }],
    ['中', { intent: 'confirm' }],
    ['中嘞', { intent: 'confirm' }],
    ['不中', { intent: 'cancel' }],
    ['拉倒吧', { intent: 'cancel' }],
    ['返回', { intent: 'back' }],
    ['俺要一碗番茄炒蛋', { intent: 'dish', dish: '番茄炒蛋' }],
  ],
  yue: [
    ['食饭', { intent: 'meals' }],
    ['我想食飯', { intent: 'meals' }],
    ['我嘅補貼', { intent: 'benefits' }],
    ['睇下我嘅福利', { intent: 'benefits' }],
    ['帮手', { intent: 'staff' }],
    ['搵人吖', { intent: 'staff' }],
    ['返去', { intent: 'back' }],
    ['得', { intent: 'confirm' }],
    ['冇问题', { intent: 'confirm' }],
    ['唔要喇', { intent: 'cancel' }],
    ['我要食红烧肉', { intent: 'dish', dish: '红烧肉' }],
  ],
  en: [
    ['Order a meal, please', { intent: 'meals' }],
    ['my benefits', { intent: 'benefits' }],
    ['Call staff', { intent: 'staff' }],
    ['go back', { intent: 'back' }],
    ['yes', { intent: 'confirm' }],
    ['cancel', { intent: 'cancel' }],
  ],
};

describe.each(Object.entries(tables))('voice commands in %s', (locale, rows) => {
  it.each(rows)('"%s" → %o', (text, intent) => {
    expect(matchIntent(text, locale, dishes)).toEqual(intent);
  });
});

// The names as the demo canteen's menu gives them: an elder says 红烧肉, not 红烧肉套餐.
const menuNames = [
  '红烧肉套餐',
  '清蒸鲈鱼套餐',
  '番茄炒蛋套餐',
  '小米粥配馒头',
  '荠菜馄饨（小份）',
];
const dishByShortName: Record<string, Row[]> = {
  'zh-CN': [
    ['我要吃红烧肉', { intent: 'dish', dish: '红烧肉套餐' }],
    ['来一份清蒸鲈鱼套餐', { intent: 'dish', dish: '清蒸鲈鱼套餐' }],
    ['我想吃小米粥', { intent: 'dish', dish: '小米粥配馒头' }],
    ['荠菜馄饨', { intent: 'dish', dish: '荠菜馄饨（小份）' }],
    ['我要吃套餐', null],
  ],
  wuu: [
    ['我要吃红烧肉', { intent: 'dish', dish: '红烧肉套餐' }],
    ['阿拉要一碗荠菜馄饨', { intent: 'dish', dish: '荠菜馄饨（小份）' }],
  ],
  'zh-x-henan': [
    ['俺要吃番茄炒蛋', { intent: 'dish', dish: '番茄炒蛋套餐' }],
    ['俺想来一碗小米粥', { intent: 'dish', dish: '小米粥配馒头' }],
  ],
  yue: [
    ['我要食清蒸鲈鱼', { intent: 'dish', dish: '清蒸鲈鱼套餐' }],
    ['我想食红烧肉套餐', { intent: 'dish', dish: '红烧肉套餐' }],
  ],
  en: [['I want 红烧肉 please', { intent: 'dish', dish: '红烧肉套餐' }]],
};

describe.each(Object.entries(dishByShortName))(
  'a dish of the day by the name an elder uses, in %s',
  (locale, rows) => {
    it.each(rows)('"%s" → %o', (text, intent) => {
      expect(matchIntent(text, locale, menuNames)).toEqual(intent);
    });
  },
);

describe('dish aliases', () => {
  it('drops a short form two dishes share instead of guessing', () => {
    expect(matchIntent('红烧肉', 'zh-CN', ['红烧肉套餐', '红烧肉套饭'])).toBeNull();
    expect(matchIntent('红烧肉套饭', 'zh-CN', ['红烧肉套餐', '红烧肉套饭'])).toEqual({
      intent: 'dish',
      dish: '红烧肉套饭',
    });
  });

  it('names without a short form keep only their full name', () => {
    expect(dishAliases('湖羊肉面')).toEqual(['湖羊肉面']);
    expect(dishAliases('红烧肉套餐')).toEqual(['红烧肉套餐', '红烧肉']);
  });
});

describe('grammar', () => {
  it('every locale with a grammar has a rule for every intent', () => {
    const intents = ['meals', 'benefits', 'staff', 'back', 'confirm', 'cancel', 'services', 'dish'];
    for (const g of Object.values(grammars)) {
      expect(new Set(g.rules.map((r) => r.intent))).toEqual(new Set(intents));
    }
  });

  it('every template compiles', () => {
    for (const g of Object.values(grammars)) {
      for (const r of g.rules)
        for (const t of r.templates)
          expect(() => compileTemplate(t, { dish: dishes })).not.toThrow();
    }
  });

  it('templates: alternatives, optional groups with alternatives, slots', () => {
    const g = {
      locale: 't',
      rules: [{ intent: 'meals' as const, templates: ['[请|麻烦](点|订)饭{x}'] }],
    };
    expect(matchGrammar(g, '请点饭甲', { x: ['甲', '乙'] })).toEqual({
      intent: 'meals',
      slots: { x: '甲' },
    });
    expect(matchGrammar(g, '订饭乙', { x: ['甲', '乙'] })?.slots).toEqual({ x: '乙' });
    expect(matchGrammar(g, '订饭丙', { x: ['甲', '乙'] })).toBeNull();
    expect(matchGrammar(g, '订饭甲', {})).toBeNull();
    expect(() => compileTemplate('(a|b', {})).toThrow(/unclosed/);
    expect(() => compileTemplate('a]', {})).toThrow(/unexpected/);
  });

  it('normalises punctuation, spaces, width and traditional characters', () => {
    expect(normalizeUtterance(' 我要 食飯！ ')).toBe('我要食饭');
    expect(normalizeUtterance('ＯＫ')).toBe('ok');
  });

  it('falls back to Mandarin for a dialect speaker who says it in Mandarin', () => {
    expect(matchIntent('查一下我的待遇', 'wuu')).toEqual({ intent: 'benefits' });
    expect(matchIntent('点餐', 'yue')).toEqual({ intent: 'meals' });
  });
});
