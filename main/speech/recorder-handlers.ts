import {
  MAX_CLIP_BYTES,
  type RecorderPrompt,
  type recorderCalls,
} from '../../contract/calls/recorder-calls';
import type { SessionState } from '../../contract/views';
import { ApiRefusal, type Handlers } from '../api/dispatch';
import { extensionOf, sniffAudio } from './clip-audio';
import { exportRecordedPack, importPack, PackFileError } from './pack-file';
import { packCoverage } from './pack-coverage';
import type { SpeechService } from './speech-service';
import { saveOverrideClip } from './voice-pack';

type RecorderCallName = keyof typeof recorderCalls;

/**
 * Namespaces an elder never hears: the staff console's own words. Everything else can be spoken,
 * so everything else can be recorded.
 */
const STAFF_ONLY_NAMESPACES = new Set(['staff', 'recorder']);

export interface RecorderDeps {
  speech: SpeechService;
  /** <data dir>/voice-packs, where the speech chain looks first; null when the station has no data dir */
  overrideDir: string | null;
  /** the session now: only a signed-in staff member may record */
  session: () => SessionState;
  log?: (line: string) => void;
}

/** The staff recorder's KioskApi calls (issue 7, item 6). */
export function recorderHandlers(deps: RecorderDeps): Pick<Handlers, RecorderCallName> {
  const { speech } = deps;
  const log = deps.log ?? (() => undefined);
  const texts = speech.texts;

  const staffOnly = (): string => {
    const s = deps.session();
    if (s.kind !== 'staff')
      throw new ApiRefusal('refused', 'the recorder needs a staff member signed in');
    if (deps.overrideDir === null)
      throw new ApiRefusal('unavailable', 'this station has no data folder to save clips in');
    return deps.overrideDir;
  };
  const knownLocale = (locale: string): void => {
    if (!texts.locales().includes(locale))
      throw new ApiRefusal(
        'not-found',
        `unknown locale '${locale}' (known: ${texts.locales().join(', ')})`,
      );
  };
  const recordableKeys = (): string[] =>
    texts.keys().filter((k) => !STAFF_ONLY_NAMESPACES.has(k.slice(0, Math.max(0, k.indexOf(':')))));
  const promptOf = (locale: string, key: string): RecorderPrompt | null => {
    const coverage = packCoverage(texts, speech.packs, locale, [key]).prompts[0];
    const text = texts.template(locale, key);
    return coverage && text !== null ? { key, text, pieces: coverage.pieces } : null;
  };

  return {
    'recorder.prompts': ({ locale }) => {
      staffOnly();
      knownLocale(locale);
      const keys = recordableKeys();
      const coverage = packCoverage(texts, speech.packs, locale, keys);
      return {
        locale,
        locales: texts.locales(),
        // A key that is only a slot ({{label}}) has nothing to read aloud.
        prompts: coverage.prompts
          .filter((p) => p.pieces.length > 0)
          .map((p) => ({
            key: p.key,
            text: texts.template(locale, p.key) ?? '',
            pieces: p.pieces,
          })),
      };
    },
    'recorder.saveClip': ({ locale, key, index, mime, audio }) => {
      const overrideDir = staffOnly();
      knownLocale(locale);
      if (!recordableKeys().includes(key))
        throw new ApiRefusal('not-found', `no prompt key '${key}'`);
      const template = texts.template(locale, key) ?? '';
      const pieces = promptOf(locale, key)?.pieces.length ?? 0;
      if (pieces === 0)
        throw new ApiRefusal('refused', `'${key}' has no fixed text to record (${template})`);
      if (index >= pieces)
        throw new ApiRefusal(
          'refused',
          `'${key}' has ${pieces} piece(s) of text to record; piece ${index} does not exist`,
        );
      const bytes = Buffer.from(audio, 'base64');
      if (bytes.length > MAX_CLIP_BYTES)
        throw new ApiRefusal('refused', `the recording is over ${MAX_CLIP_BYTES} bytes`);
      const sniffed = sniffAudio(bytes);
      if (sniffed !== mime)
        throw new ApiRefusal(
          'refused',
          `the recording is not ${mime} audio (its bytes look like ${sniffed ?? 'no audio format'})`,
        );
      saveOverrideClip(overrideDir, locale, { key, index, pieces }, bytes, extensionOf[mime]);
      // The chain caches manifests per locale: the next speech.say must see this clip.
      speech.packs.reload();
      log(`recorder: saved ${locale} ${key}[${index}] (${bytes.length} bytes, ${mime})`);
      const saved = promptOf(locale, key);
      if (!saved) throw new Error(`saved ${key} but cannot read it back`);
      return saved;
    },
    'recorder.exportPack': ({ locale }) => {
      const overrideDir = staffOnly();
      knownLocale(locale);
      const { file, skipped } = exportRecordedPack(overrideDir, locale);
      const clips = Object.keys(file.files).length;
      const day = new Date().toISOString().slice(0, 10);
      return {
        filename: `yiyang-voice-pack-${locale}-${day}.json`,
        content: JSON.stringify(file),
        clips,
        skipped,
      };
    },
    'recorder.importPack': ({ content }) => {
      const overrideDir = staffOnly();
      let document: unknown;
      try {
        document = JSON.parse(content);
      } catch (e) {
        throw new ApiRefusal(
          'refused',
          `not a voice pack file: not JSON (${(e as Error).message})`,
        );
      }
      const locale =
        typeof document === 'object' && document !== null && 'manifest' in document
          ? (document.manifest as { locale?: unknown } | null)?.locale
          : undefined;
      if (typeof locale === 'string') knownLocale(locale);
      try {
        const result = importPack(overrideDir, document, { maxClipBytes: MAX_CLIP_BYTES });
        speech.packs.reload();
        log(`recorder: imported ${result.clips} clip(s) for ${result.locale}`);
        return result;
      } catch (e) {
        if (e instanceof PackFileError) throw new ApiRefusal('refused', e.message);
        throw e;
      }
    },
  };
}
