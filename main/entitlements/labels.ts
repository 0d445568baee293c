import type { LocalText } from '../../contract/calls/benefit-calls';

/**
 * The words explanations are built from, in both shipped locales. Explanations are data the core
 * sends (like titles from the pack), so they live here rather than in the renderer's locale files.
 */
type Labels<K extends string> = Record<K, LocalText>;

export const valueLabels = {
  gender: { male: t('男性', 'male'), female: t('女性', 'female') },
  hukou: { local: t('本地户籍', 'local hukou'), nonlocal: t('外地户籍', 'non-local hukou') },
  living: {
    alone: t('独居', 'lives alone'),
    'empty-nest': t('空巢', 'empty-nest (children live elsewhere)'),
    'left-behind': t('留守', 'left behind (children work away)'),
    'with-family': t('与家人同住', 'lives with family'),
  },
  economic: {
    none: t('非经济困难', 'not low-income'),
    hardship: t('低边（经济困难）', 'low-income (低边)'),
    dibao: t('低保', 'minimum living guarantee (低保)'),
    tekun: t('特困', 'extreme hardship (特困)'),
  },
  selfCare: {
    independent: t('能自理', 'independent'),
    mild: t('轻度失能', 'mildly disabled'),
    moderate: t('中度失能', 'moderately disabled'),
    severe: t('重度失能', 'severely disabled'),
  },
  merit: {
    none: t('非优抚对象', "not a veteran or martyr's family"),
    veteran: t('退役军人', 'veteran'),
    'disabled-veteran': t('残疾军人', 'disabled veteran'),
    'martyr-family': t('"三属"人员', "martyr's family"),
  },
  pension: {
    employee: t('领取职工养老金', 'on the employee pension'),
    resident: t('领取城乡居民养老金', "on the residents' pension"),
    none: t('未领取养老金', 'no pension'),
  },
} as const satisfies Record<string, Labels<string>>;

export const disabilityTypeLabels: Labels<
  'physical' | 'visual' | 'hearing' | 'speech' | 'intellectual' | 'mental' | 'multiple'
> = {
  physical: t('肢体', 'physical'),
  visual: t('视力', 'visual'),
  hearing: t('听力', 'hearing'),
  speech: t('言语', 'speech'),
  intellectual: t('智力', 'intellectual'),
  mental: t('精神', 'mental'),
  multiple: t('多重', 'multiple'),
};

const zhGrade = ['', '一', '二', '三', '四'];
export const gradeLabel = (grade: number): LocalText =>
  t(`${zhGrade[grade] ?? grade}级`, `grade ${grade}`);

/** Record fields by the words staff use, for "the record lacks: …". */
export const fieldLabels: Labels<string> = {
  birthDate: t('出生日期', 'birth date'),
  gender: t('性别', 'gender'),
  hukou: t('户籍', 'hukou'),
  living: t('居住情况', 'living arrangement'),
  economic: t('经济状况', 'economic status'),
  selfCare: t('自理能力', 'self-care level'),
  disability: t('残疾情况', 'disability'),
  specialFamily: t('是否计划生育特殊家庭', 'special family status'),
  merit: t('优抚情况', 'veteran status'),
  pension: t('养老金', 'pension'),
  medicalInsurance: t('是否参加医保', 'medical insurance'),
  lastAssessment: t('上次能力评估日期', 'last capability assessment'),
  cards: t('老年卡卡号', 'elder card number'),
};

export function t(zh: string, en: string): LocalText {
  return { 'zh-CN': zh, en };
}

/**
 * Joins fragments with the punctuation each language uses, once each: two branches of a rule may
 * rest on the same fact ("84 周岁") and the elder should hear it once.
 */
export function join(parts: readonly LocalText[], zhSep = '；', enSep = '; '): LocalText {
  const seen = new Set<string>();
  const unique = parts.filter((p) => {
    const key = `${p['zh-CN']}\u0000${p.en}`;
    if (seen.has(key) || p['zh-CN'] === '') return false;
    seen.add(key);
    return true;
  });
  return t(unique.map((p) => p['zh-CN']).join(zhSep), unique.map((p) => p.en).join(enSep));
}

/** 6000 fen → "60 元" / "¥60"; cents only when there are any. */
export function money(fen: number): LocalText {
  const yuan = fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2);
  return t(`${yuan} 元`, `¥${yuan}`);
}
