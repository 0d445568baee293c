import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { checkLocales, requiredLocales } from '../../../locales/check-locales';
import { loadLocaleTree } from '../../../main/speech/prompt-text';
import { validateVoicePack } from '../../../main/speech/voice-pack-manifest';

const localesDir = join(import.meta.dirname, '../../../locales');

describe('locales', () => {
  it('every zh-CN key has text, with the same placeholders, in every locale', () => {
    expect(checkLocales(localesDir)).toEqual([]);
  });

  it('the check names a missing key, a missing file, a placeholder mismatch and a stale key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'locales-'));
    const write = (lng: string, value: unknown) => {
      mkdirSync(join(dir, lng), { recursive: true });
      writeFileSync(join(dir, lng, 'translation.json'), JSON.stringify(value));
    };
    write('zh-CN', { a: { b: '您好', c: '{{name}}，您好' } });
    write('en', { a: { b: 'Hello', c: 'Hello, {{name}}' } });
    write('wuu', { a: { b: '侬好', c: '{{nam}}，侬好', old: '老' } });
    write('zh-x-henan', { a: { b: '', c: '{{name}}，恁好' } });
    expect(checkLocales(dir).sort()).toEqual(
      [
        'wuu/translation: a.c has placeholders {{nam}}, zh-CN has {{name}}',
        'wuu/translation: a.old is not a zh-CN key (stale or misspelt)',
        'zh-x-henan/translation: a.b has no text',
        `yue/translation: the file ${join(dir, 'yue', 'translation.json')} is missing (2 keys)`,
      ].sort(),
    );
  });

  it('i18next accepts zh-x-henan, wuu and yue and falls back to zh-CN', async () => {
    const resources = Object.fromEntries(
      requiredLocales.map((l) => [l, Object.fromEntries(loadLocaleTree(localesDir, l))]),
    );
    const i18n = i18next.createInstance();
    await i18n.init({
      resources,
      lng: 'zh-x-henan',
      fallbackLng: 'zh-CN',
      interpolation: { escapeValue: false },
    });
    expect(i18n.language).toBe('zh-x-henan');
    expect(i18n.t('greeting.spoken', { name: '李大爷' })).toBe('李大爷，恁好！欢迎恁来。');
    await i18n.changeLanguage('wuu');
    expect(i18n.t('greeting.spoken', { name: '王阿姨' })).toBe('王阿姨，侬好！欢迎侬。');
    await i18n.changeLanguage('yue');
    expect(i18n.t('idle.title')).toBe('请拍卡');
    expect(i18n.t('no.such.key.anywhere')).toBe('no.such.key.anywhere');
  });

  it.each(['zh-CN', 'wuu', 'zh-x-henan', 'yue'])(
    'the shipped %s voice pack manifest is valid',
    (lng) => {
      const { manifest, problems } = validateVoicePack(join(localesDir, lng, 'voice'));
      expect(problems).toEqual([]);
      expect(manifest?.locale).toBe(lng);
    },
  );
});
