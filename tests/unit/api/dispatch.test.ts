import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../../main/api/dispatch';
import { stationHandlers } from '../../../main/boot/station-handlers';
import { stationPack } from '../../../main/boot/station-pack';
import { stationDevices } from '../../../main/boot/station-devices';
import { createSpeech } from '../../../main/speech/create-speech';
import { demoStation } from '../../support/station';

describe('KioskApi dispatch: every payload validated, every answer an envelope', () => {
  const { core, dispatch, log } = demoStation();

  it('answers a good call with {ok: true, value}', async () => {
    const result = await dispatch('station.info', {});
    expect(result).toMatchObject({ ok: true, value: { id: 'nanxun-demo-01', demo: true } });
  });

  it.each([
    ['a missing field', {}],
    ['a lower-case UID', { uid: '0a1b2c3d4e' }],
    ['a number for the UID', { uid: 1234 }],
    ['an extra field', { uid: '0A1B2C3D4E', admin: true }],
    ['a string payload', 'tap'],
  ])('answers %s with a typed bad-request error naming the field', async (_what, payload) => {
    const result = await dispatch('session.tapSimulatedCard', payload);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('bad-request');
    expect(result.error.issues?.length).toBeGreaterThan(0);
    expect(core.session()).toEqual({ kind: 'idle' });
  });

  it('answers an unknown call name with unknown-call, including prototype names', async () => {
    for (const name of ['session.explode', 'toString', '__proto__', 'constructor']) {
      const result = await dispatch(name, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    }
  });

  it('answers a handler bug with internal, logs it, and keeps working', async () => {
    const broken = createDispatch(
      {
        ...stationHandlers({
          core,
          pack: stationPack('nanxun-2023'),
          speech: createSpeech({ localesDir: 'locales', defaultLocale: 'zh-CN' }),
          devices: stationDevices(core, [], false),
        }),
        'station.info': () => {
          throw new Error('boom');
        },
      },
      (l) => log.push(l),
    );
    expect(await broken('station.info', {})).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
    expect(log.some((l) => l.includes('boom'))).toBe(true);
    expect(await broken('session.current', {})).toMatchObject({ ok: true });
  });
});
