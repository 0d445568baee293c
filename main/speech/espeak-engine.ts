import { spawn } from 'node:child_process';
import { toPinyin } from './pinyin-text';
import type { SynthesisRequest, SynthesizedAudio, TtsEngine } from './tts-engine';
import { withTrueSizes } from './wav';

/**
 * espeak-ng as a TTS engine. It is GPL, so it runs as a separate program and is never linked
 * (DESIGN.md). Mandarin goes in as tone-numbered pinyin (see pinyin-text.ts); Cantonese as
 * characters to the `yue` voice, which reads them well.
 */
export interface EspeakOptions {
  /** the program; `espeak-ng` on PATH by default */
  command?: string;
  /** words (syllables, for Chinese) per minute at rate 1 */
  baseWordsPerMinute?: number;
  timeoutMs?: number;
}

const voices: Record<string, string> = {
  'zh-CN': 'cmn-latn-pinyin',
  yue: 'yue',
  en: 'en',
};

/** What espeak-ng reads: pinyin for its Mandarin voice, the text itself otherwise. */
export const espeakInput = (voice: string, text: string, names: string[] = []): string =>
  voice === 'cmn-latn-pinyin' ? toPinyin(text, names) : text;

/** Runs espeak-ng once and answers its WAV (sizes repaired). Exported for the benchmark's bare baseline. */
export function runEspeak(
  command: string,
  args: string[],
  input: string,
  timeoutMs: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, '--stdout', '--stdin'], {
      stdio: ['pipe', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code !== 0) {
        const why = signal ? `killed by ${signal}` : `exit ${code}`;
        reject(new Error(`espeak-ng ${why}: ${Buffer.concat(err).toString().trim()}`));
        return;
      }
      try {
        resolve(withTrueSizes(Buffer.concat(out)));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    });
    child.stdin.end(input);
  });
}

export function createEspeakEngine(options: EspeakOptions = {}): TtsEngine {
  const command = options.command ?? 'espeak-ng';
  const base = options.baseWordsPerMinute ?? 160;
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    id: 'espeak-ng',
    voiceFor: (locale) => voices[locale] ?? null,
    async synthesize(request: SynthesisRequest): Promise<SynthesizedAudio | null> {
      const voice = voices[request.voiceLocale];
      if (!voice) return null;
      const speed = Math.round(base * Math.min(2, Math.max(0.5, request.rate)));
      const wav = await runEspeak(
        command,
        ['-v', voice, '-s', String(speed)],
        espeakInput(voice, request.text, request.names),
        timeoutMs,
      );
      return { wav, engine: 'espeak-ng', voice };
    },
  };
}
