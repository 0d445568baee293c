import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../../main/api/dispatch';
import { createSpeech } from '../../../main/speech/create-speech';
import { speechHandlers } from '../../../main/speech/speech-handlers';
import { createSherpaRecognizer } from '../../../main/voice-commands/sherpa-recognizer';

const localesDir = join(import.meta.dirname, '../../../locales');

// The speech calls through the real dispatcher (validation and envelope), with the repo's locales
// and the real espeak-ng. Only the speech calls are bound: the rest of the table is the core's.
function dispatch() {
  const speech = createSpeech({ localesDir, defaultLocale: 'zh-CN' });
  return createDispatch(speechHandlers(speech, () => 'wuu') as unknown as Handlers);
}

describe('speech KioskApi calls', () => {
  it('speech.say answers the caption and audio in the elder locale, and speech.log names the engine', async () => {
    const call = dispatch();
    const said = await call('speech.say', { key: 'greeting.spoken', params: { name: '王阿姨' } });
    expect(said).toMatchObject({
      ok: true,
      value: { caption: '王阿姨，侬好！欢迎侬。', locale: 'wuu', engine: 'espeak-ng' },
    });
    const log = await call('speech.log', {});
    expect(log).toMatchObject({
      ok: true,
      value: [{ key: 'greeting.spoken', engine: 'espeak-ng', locale: 'wuu' }],
    });
  });

  it('refuses an unknown key, and a payload with both key and text', async () => {
    const call = dispatch();
    expect(await call('speech.say', { key: 'no.such.key' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
    expect(await call('speech.say', { key: 'idle.title', text: '你好' })).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    // nested lines go at most 4 deep: a runaway payload is refused before any work
    const deep = {
      key: 'x',
      params: { a: { key: 'x', params: { a: { key: 'x', params: { a: { list: ['y'] } } } } } },
    };
    expect(
      await call('speech.say', { key: 'ordering:spoken.slots', params: { service: deep } }),
    ).toMatchObject({
      ok: false,
      error: {
        code: 'bad-request',
        issues: [{ path: 'params', message: expect.stringMatching(/deeper than 4/) }],
      },
    });
    // a nested key the locales lack is refused like a top-level one
    expect(
      await call('speech.say', {
        key: 'ordering:spoken.slots',
        params: { service: { key: 'no.such' } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('nested keys are resolved in the line locale for the caption and in zh-CN for the Mandarin voice', async () => {
    const call = dispatch();
    const said = await call('speech.say', {
      key: 'ordering:spoken.closed',
      params: { sitting: { key: 'ordering:meals.sittings.dinner' } },
    });
    expect(said).toMatchObject({
      ok: true,
      value: {
        caption: '夜饭已经过了订饭个辰光哉。',
        engine: 'espeak-ng',
      },
    });
  });

  it('voice.match uses the elder locale grammar; voice.recognize is unavailable without a model', async () => {
    const call = dispatch();
    expect(await call('voice.match', { text: '覅了' })).toEqual({
      ok: true,
      value: { intent: 'cancel' },
    });
    expect(await call('voice.match', { text: '我要一碗红烧肉', dishes: ['红烧肉'] })).toEqual({
      ok: true,
      value: { intent: 'dish', dish: '红烧肉' },
    });
    expect(await call('voice.recognize', { pcm16: 'AAAA', sampleRate: 16_000 })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });

  it('with a recognizer (stand-in sherpa-onnx module: no model can be downloaded here) voice.status says so and speech becomes an intent', async () => {
    const speech = createSpeech({ localesDir, defaultLocale: 'zh-CN' });
    const heard: number[] = [];
    const said = [' 我要订饭 ', '我要吃红烧肉'];
    const recognizer = createSherpaRecognizer(
      { kind: 'sense-voice', model: 'model.onnx', tokens: 'tokens.txt' },
      () =>
        Promise.resolve({
          OfflineRecognizer: class {
            createStream() {
              return {
                acceptWaveform: (w: { samples: Float32Array }) => heard.push(w.samples.length),
              };
            }
            decode() {}
            getResult() {
              return { text: said.shift() ?? '' };
            }
          },
        }),
    );
    const call = createDispatch(
      speechHandlers(speech, () => 'zh-CN', recognizer) as unknown as Handlers,
    );
    expect(await call('voice.status', {})).toEqual({ ok: true, value: { recognition: true } });
    expect(await call('voice.recognize', { pcm16: 'AAAAAA==', sampleRate: 16_000 })).toEqual({
      ok: true,
      value: { text: '我要订饭', intent: { intent: 'meals' } },
    });
    // today's dishes as the menu names them: the elder says the short name
    expect(
      await call('voice.recognize', {
        pcm16: 'AAAAAA==',
        sampleRate: 16_000,
        dishes: ['红烧肉套餐', '清蒸鲈鱼套餐'],
      }),
    ).toEqual({
      ok: true,
      value: { text: '我要吃红烧肉', intent: { intent: 'dish', dish: '红烧肉套餐' } },
    });
    expect(heard).toEqual([2, 2]);
  });

  it('a configured model that will not load is refused as unavailable, with the reason', async () => {
    const speech = createSpeech({ localesDir, defaultLocale: 'zh-CN' });
    const recognizer = createSherpaRecognizer(
      { kind: 'paraformer', model: '/nowhere/model.onnx', tokens: '/nowhere/tokens.txt' },
      () => Promise.reject(new Error("Cannot find module 'sherpa-onnx-node'")),
    );
    const call = createDispatch(
      speechHandlers(speech, () => 'zh-CN', recognizer) as unknown as Handlers,
    );
    const result = await call('voice.recognize', { pcm16: 'AAAA', sampleRate: 16_000 });
    expect(result).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect(JSON.stringify(result)).toContain('sherpa-onnx-node');
  });
});
