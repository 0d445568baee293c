import { randomUUID } from 'node:crypto';
import type { AudioSegment, SpeechLogEntry, SpokenLine } from '../../contract/calls/speech-calls';
import { numberStyleFor } from './number-styles';
import { parseTemplate, readSlot, renderTemplate, type TemplatePart } from './prompt-template';
import type { PromptTexts } from './prompt-text';
import { synthesisLangFor, ttsLocaleFor } from './speech-locales';
import type { SpeechLog } from './speech-log';
import { TtsCache } from './tts-cache';
import type { TtsEngine } from './tts-engine';
import { ClipReader, dataUrl, type VoicePacks } from './voice-pack';

export interface SayRequest {
  key?: string;
  text?: string;
  params?: Record<string, string | number>;
  locale?: string;
  rate?: number;
  volume?: number;
}

export class UnknownPromptError extends Error {}

export interface SpeechServiceDeps {
  texts: PromptTexts;
  packs: VoicePacks;
  /** offline TTS engines in the order to try (sherpa-onnx when configured, then espeak-ng) */
  engines: TtsEngine[];
  log: SpeechLog;
  defaultLocale: string;
  /** the station's volume, used when the request brings none */
  defaultVolume?: number;
  cache?: TtsCache;
  warn?: (line: string) => void;
  now?: () => Date;
}

/**
 * The engine chain (issue 7): the elder's dialect pack clips → an offline TTS in the core → none,
 * meaning "let the renderer's speechSynthesis try". Every line is logged with its engine.
 */
export class SpeechService {
  private readonly cache: TtsCache;
  private readonly clips = new ClipReader();
  private readonly warn: (line: string) => void;
  private readonly now: () => Date;
  private readonly lastWarning = new Map<string, string>();

  constructor(private readonly deps: SpeechServiceDeps) {
    this.cache = deps.cache ?? new TtsCache();
    this.warn = deps.warn ?? (() => undefined);
    this.now = deps.now ?? (() => new Date());
  }

  /** the prompt texts the lines are made from (the staff recorder lists them) */
  get texts(): PromptTexts {
    return this.deps.texts;
  }

  /** the voice packs; the recorder reloads them after it saves a clip */
  get packs(): VoicePacks {
    return this.deps.packs;
  }

  /** the most recent lines, newest last ('speech.log') */
  recentLines(limit?: number): SpeechLogEntry[] {
    return this.deps.log.recent(limit);
  }

  async say(request: SayRequest): Promise<SpokenLine> {
    const started = performance.now();
    const locale = request.locale ?? this.deps.defaultLocale;
    const rate = request.rate ?? 1;
    const params = request.params ?? {};
    const key = request.key ?? null;
    const template = key === null ? null : this.deps.texts.template(locale, key);
    if (key !== null && template === null)
      throw new UnknownPromptError(`no prompt text for '${key}'`);
    // A literal line (a dish name) is text only: braces in it are not slots.
    const parts: TemplatePart[] =
      template === null ? [{ kind: 'text', text: request.text ?? '' }] : parseTemplate(template);
    const caption = renderTemplate(parts, params, numberStyleFor(locale));

    const segments =
      (key !== null ? await this.fromClips(locale, key, parts, params, rate) : null) ??
      (await this.fromTts(locale, key, request.text ?? caption, params, rate));
    const ttsLocale = ttsLocaleFor(locale);
    const engines = [...new Set((segments ?? []).map((s) => s.engine))];
    const line: SpokenLine = {
      id: randomUUID(),
      key,
      locale,
      caption,
      segments: segments ?? [],
      engine: engines.length > 0 ? engines.join('+') : 'none',
      fallback: segments
        ? null
        : {
            text: this.ttsText(ttsLocale, key, request.text ?? caption, params),
            lang: synthesisLangFor(ttsLocale),
          },
      volume: request.volume ?? this.deps.defaultVolume ?? 1,
    };
    this.deps.log.add({
      at: this.now().toISOString(),
      lineId: line.id,
      key,
      locale,
      caption,
      engine: line.engine,
      ms: Math.round((performance.now() - started) * 10) / 10,
      rate,
      volume: line.volume,
    });
    return line;
  }

  /** Every fixed piece from the pack; slots from unit clips, or TTS for names. null if any piece has no clip. */
  private async fromClips(
    locale: string,
    key: string,
    parts: TemplatePart[],
    params: Record<string, string | number>,
    rate: number,
  ): Promise<AudioSegment[] | null> {
    const style = numberStyleFor(locale);
    // Every fixed piece must be recorded, else the whole line goes to TTS: a line half in a
    // recorded voice and half in a synthetic one is harder to follow. Checked first, so no slot is
    // synthesized for a line that will not use it.
    const literalCount = parts.filter((p) => p.kind === 'text' && p.text.trim() !== '').length;
    const literalPaths: string[] = [];
    for (let i = 0; i < literalCount; i += 1) {
      const path = this.deps.packs.prompt(locale, key, i);
      if (!path) return null;
      literalPaths.push(path);
    }
    const segments: AudioSegment[] = [];
    const clip = (path: string): AudioSegment => ({
      src: this.clips.read(path),
      engine: 'clip',
      playbackRate: rate,
    });
    let piece = 0;
    for (const part of parts) {
      if (part.kind === 'text') {
        if (part.text.trim() === '') continue;
        segments.push(clip(literalPaths[piece] ?? ''));
        piece += 1;
        continue;
      }
      const slot = readSlot(params[part.name], part.format, style);
      if (slot.text === '') continue;
      const unitPaths = slot.units?.map((u) => this.deps.packs.unit(locale, u)) ?? null;
      if (unitPaths && unitPaths.every((p): p is string => p !== null)) {
        segments.push(...unitPaths.map(clip));
        continue;
      }
      // A name, or a number this pack cannot compose: the TTS voice says just that slot.
      const ttsLocale = ttsLocaleFor(locale);
      const spoken = readSlot(params[part.name], part.format, numberStyleFor(ttsLocale)).text;
      const names = part.format === null && typeof params[part.name] === 'string' ? [spoken] : [];
      const audio = await this.synthesize(ttsLocale, spoken, rate, names);
      if (!audio) return null;
      segments.push(audio);
    }
    return segments.length > 0 ? segments : null;
  }

  private async fromTts(
    locale: string,
    key: string | null,
    literal: string,
    params: Record<string, string | number>,
    rate: number,
  ): Promise<AudioSegment[] | null> {
    const ttsLocale = ttsLocaleFor(locale);
    const text = this.ttsText(ttsLocale, key, literal, params);
    const audio = await this.synthesize(
      ttsLocale,
      text,
      rate,
      namesIn(key === null ? null : this.deps.texts.template(ttsLocale, key), params),
    );
    return audio ? [audio] : null;
  }

  /** The line in the TTS voice's own language: the key's text in that locale (zh-CN for Wu and Henan). */
  private ttsText(
    ttsLocale: string,
    key: string | null,
    literal: string,
    params: Record<string, string | number>,
  ): string {
    const template = key === null ? null : this.deps.texts.template(ttsLocale, key);
    if (template === null) return literal;
    return renderTemplate(parseTemplate(template), params, numberStyleFor(ttsLocale));
  }

  private async synthesize(
    ttsLocale: string,
    text: string,
    rate: number,
    names: string[] = [],
  ): Promise<AudioSegment | null> {
    if (text.trim() === '') return null;
    for (const engine of this.deps.engines) {
      const voice = engine.voiceFor(ttsLocale);
      if (!voice) continue;
      // Names change how the text is read (曾 as Zēng), so they are part of what is cached.
      const cacheKey = TtsCache.key(engine.id, voice, [text, ...names].join('\u0000'), rate);
      let wav = this.cache.get(cacheKey);
      if (!wav) {
        try {
          const audio = await engine.synthesize({ text, voiceLocale: ttsLocale, rate, names });
          if (!audio) continue;
          wav = audio.wav;
          this.cache.set(cacheKey, wav);
        } catch (e) {
          // A broken engine (espeak-ng not installed, a bad model) must not silence the kiosk,
          // nor fill the log with the same complaint for every line.
          const message = `speech: ${engine.id} failed: ${(e as Error).message}`;
          if (this.lastWarning.get(engine.id) !== message) this.warn(message);
          this.lastWarning.set(engine.id, message);
          continue;
        }
      }
      return { src: dataUrl(wav, 'audio/wav'), engine: engine.id, playbackRate: 1 };
    }
    return null;
  }
}

/** The values of a template's plain string slots ({{name}}): people's names, read as names. */
function namesIn(template: string | null, params: Record<string, string | number>): string[] {
  if (template === null) return [];
  return parseTemplate(template).flatMap((p) => {
    const v = p.kind === 'slot' && p.format === null ? params[p.name] : undefined;
    return typeof v === 'string' && v.trim() !== '' ? [v] : [];
  });
}
