import { randomUUID } from 'node:crypto';
import {
  SPEECH_SYNTHESIS_FALLBACK,
  type AudioSegment,
  type SpeechLogEntry,
  type SpeechParams,
  type SpokenLine,
} from '../../contract/calls/speech-calls';
import {
  expandLine,
  lineText,
  namesIn,
  UnknownPromptError,
  type LinePiece,
} from './line-expansion';
import { readSlot } from './prompt-template';
import type { PromptTexts } from './prompt-text';
import { synthesisLangFor, ttsLocaleFor } from './speech-locales';
import type { SpeechLog } from './speech-log';
import { TtsCache } from './tts-cache';
import type { TtsEngine } from './tts-engine';
import { ClipReader, dataUrl, type VoicePacks } from './voice-pack';

export { UnknownPromptError };

export interface SayRequest {
  key?: string;
  text?: string;
  params?: SpeechParams;
  locale?: string;
  rate?: number;
  volume?: number;
}

export interface SpeechServiceDeps {
  texts: PromptTexts;
  packs: VoicePacks;
  /** offline TTS engines in the order to try (sherpa-onnx when configured, then espeak-ng) */
  engines: TtsEngine[];
  log: SpeechLog;
  defaultLocale: string;
  /** the station's rate and volume (config speech.rate / speech.volume), used when a request brings none */
  defaultRate?: number;
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
    const rate = request.rate ?? this.deps.defaultRate ?? 1;
    const volume = request.volume ?? this.deps.defaultVolume ?? 1;
    const key = request.key ?? null;
    const params = request.params ?? {};
    const ttsLocale = ttsLocaleFor(locale);
    // A literal line (a dish name) is text only: braces in it are not slots.
    const literal = (text: string): LinePiece[] => [
      { kind: 'slot', text, units: null, value: text, format: null, isName: false },
    ];
    const pieces =
      key === null ? literal(request.text ?? '') : expandLine(this.deps.texts, locale, key, params);
    // The TTS voice's own text: the same key laid out in its locale (zh-CN for Wu and Henan),
    // nested keys included, so a Wu line is never read out as Wu characters in Mandarin sounds.
    const ttsPieces =
      key === null || ttsLocale === locale
        ? pieces
        : expandLine(this.deps.texts, ttsLocale, key, params);
    const caption = lineText(pieces);

    const segments =
      (key !== null ? await this.fromClips(locale, pieces, rate) : null) ??
      (await this.fromTts(ttsLocale, ttsPieces, rate));
    const engines = [...new Set((segments ?? []).map((s) => s.engine))];
    const line: SpokenLine = {
      id: randomUUID(),
      key,
      locale,
      caption,
      segments: segments ?? [],
      engine: engines.length > 0 ? engines.join('+') : SPEECH_SYNTHESIS_FALLBACK,
      fallback: segments ? null : { text: lineText(ttsPieces), lang: synthesisLangFor(ttsLocale) },
      volume,
      rate,
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
      volume,
    });
    return line;
  }

  /**
   * Every fixed piece (nested keys' too) from the pack; numbers from unit clips; names by TTS
   * between them. null when any fixed piece has no clip: a line half in a recorded voice and half
   * in a synthetic one is harder to follow, so the whole line then goes to TTS.
   */
  private async fromClips(
    locale: string,
    pieces: LinePiece[],
    rate: number,
  ): Promise<AudioSegment[] | null> {
    // Checked first, so no slot is synthesized for a line that will not use it.
    const promptPaths = new Map<LinePiece, string>();
    for (const piece of pieces) {
      if (piece.kind !== 'prompt') continue;
      const path = this.deps.packs.prompt(locale, piece.key, piece.index);
      if (!path) return null;
      promptPaths.set(piece, path);
    }
    const clip = (path: string): AudioSegment => ({
      src: this.clips.read(path),
      engine: 'clip',
      playbackRate: rate,
    });
    const ttsLocale = ttsLocaleFor(locale);
    const segments: AudioSegment[] = [];
    for (const piece of pieces) {
      if (piece.kind === 'pause') continue;
      if (piece.kind === 'prompt') {
        segments.push(clip(promptPaths.get(piece) ?? ''));
        continue;
      }
      const unitPaths = piece.units?.map((u) => this.deps.packs.unit(locale, u)) ?? null;
      if (unitPaths && unitPaths.every((p): p is string => p !== null)) {
        segments.push(...unitPaths.map(clip));
        continue;
      }
      // A name, a dish, or a number this pack cannot compose: the TTS voice says just that slot,
      // read in its own locale (a Wu 廿五 is 二十五 for the Mandarin voice).
      const spoken = readSlot(piece.value, piece.format, ttsLocale).text;
      const audio = await this.synthesize(ttsLocale, spoken, rate, piece.isName ? [spoken] : []);
      if (!audio) return null;
      segments.push(audio);
    }
    return segments.length > 0 ? segments : null;
  }

  private async fromTts(
    ttsLocale: string,
    pieces: LinePiece[],
    rate: number,
  ): Promise<AudioSegment[] | null> {
    const audio = await this.synthesize(ttsLocale, lineText(pieces), rate, namesIn(pieces));
    return audio ? [audio] : null;
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
