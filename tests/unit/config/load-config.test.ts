import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  ConfigError,
  defaultConfig,
  loadConfigFile,
  resolveConfig,
} from '../../../main/config/load-config';
import { makeTempDir } from '../../support/temp-dir';

describe('station config', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.remove());

  it('fills every missing section from the demo defaults: a technician’s file may hold only devices', () => {
    const config = resolveConfig({
      devices: [{ kind: 'card-reader', driver: 'em4100', path: '/dev/ttyUSB0', baud: 9600 }],
    });
    expect(config.station).toEqual(defaultConfig.station);
    expect(config.timeouts).toEqual(defaultConfig.timeouts);
    expect(config.devices).toEqual([
      { kind: 'card-reader', driver: 'em4100', path: '/dev/ttyUSB0', baud: 9600 },
    ]);
  });

  it('takes the offline speech models: a sherpa-onnx voice and a recognizer for 按住说话', () => {
    const speech = {
      sherpaTts: {
        locales: ['zh-CN'],
        vits: { model: '/models/vits.onnx', tokens: '/models/t.txt' },
      },
      recognizer: { kind: 'sense-voice', model: '/models/sv.onnx', tokens: '/models/sv.txt' },
    } as const;
    expect(resolveConfig({ speech }).speech).toEqual(speech);
    expect(resolveConfig({}).speech).toBeUndefined();
    expect(resolveConfig({ speech: { rate: 0.9, volume: 0.7 } }).speech).toEqual({
      rate: 0.9,
      volume: 0.7,
    });
  });

  it('merges a partial section over its defaults', () => {
    const config = resolveConfig({
      station: { name: '练市镇照料中心' },
      timeouts: { sessionIdleSeconds: 90 },
    });
    expect(config.station.name).toBe('练市镇照料中心');
    expect(config.station.policyPack).toBe('nanxun-2023');
    expect(config.timeouts).toEqual({ ...defaultConfig.timeouts, sessionIdleSeconds: 90 });
  });

  it.each([
    [{ statoin: {} }, /unknown key 'statoin'/],
    [{ station: { polcyPack: 'x' } }, /unknown key 'station\.polcyPack'/],
    [
      { devices: [{ kind: 'card-reader', driver: 'em4100', baud: 'fast' }] },
      /'devices\[0\]\.baud'/,
    ],
    [{ devices: [{ kind: 'toaster' }] }, /'devices\[0\]\.kind'/],
    [{ platform: { url: 'not a url', deviceId: 'd', secret: 'x'.repeat(32) } }, /'platform\.url'/],
    [{ timeouts: { sessionIdleSeconds: 2 } }, /'timeouts\.sessionIdleSeconds'/],
    [
      { speech: { recognizer: { kind: 'whisper', model: 'm.onnx', tokens: 't.txt' } } },
      /'speech\.recognizer\.kind'/,
    ],
    [
      { speech: { sherpaTts: { locales: [], vits: { model: 'm', tokens: 't' } } } },
      /'speech\.sherpaTts\.locales'/,
    ],
    [{ speech: { volume: 0 } }, /'speech\.volume': at least 0\.2, or elders cannot hear it/],
    [{ speech: { rate: 3 } }, /'speech\.rate': at most 2/],
    [{ speech: { volume: '80%' } }, /'speech\.volume'/],
  ])('names the bad key in %j', (input, expected) => {
    expect(() => resolveConfig(input, 'station.json')).toThrow(ConfigError);
    expect(() => resolveConfig(input, 'station.json')).toThrow(expected);
  });

  it('reports a file that is missing or not JSON, naming the file', () => {
    expect(() => loadConfigFile(join(temp.dir, 'nope.json'))).toThrow(
      /cannot read the config file .*nope\.json \(ENOENT\)/,
    );
    const bad = join(temp.dir, 'bad.json');
    writeFileSync(bad, '{ "station": { "name": "x", } }');
    expect(() => loadConfigFile(bad)).toThrow(/bad\.json is not valid JSON/);
  });

  it('uses the defaults when no file is given', () => {
    expect(loadConfigFile(undefined)).toEqual(defaultConfig);
  });
});
