import { parseTemplate, textPieces } from './prompt-template';
import type { PromptTexts } from './prompt-text';
import { unitIds, type UnitId } from './unit-tokens';
import type { VoicePacks } from './voice-pack';

/**
 * What a locale's voice pack still lacks, for the staff recorder: each prompt key with the pieces
 * of text the speaker must read aloud (the fixed text between {{slots}}) and which are recorded,
 * and the unit clips (digits, 百, 块 …) still missing.
 */
export interface PromptCoverage {
  key: string;
  pieces: { text: string; recorded: boolean }[];
}

export interface PackCoverage {
  locale: string;
  prompts: PromptCoverage[];
  missingUnits: UnitId[];
}

export function packCoverage(
  texts: PromptTexts,
  packs: VoicePacks,
  locale: string,
  keys: string[],
): PackCoverage {
  const prompts = keys.flatMap((key) => {
    const template = texts.template(locale, key);
    if (template === null) return [];
    const pieces = textPieces(parseTemplate(template)).map((text, i) => ({
      text,
      recorded: packs.prompt(locale, key, i) !== null,
    }));
    return [{ key, pieces }];
  });
  return { locale, prompts, missingUnits: unitIds.filter((u) => packs.unit(locale, u) === null) };
}
