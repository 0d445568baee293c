import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { findPack } from '../../policies/registry';
import { mealTierProblems } from '../ordering/meals-config';
import { configFileSchema, type ConfigFile, type KioskConfig } from './config-schema';

/** A config that cannot be used. The message names the file and the key, for the technician. */
export class ConfigError extends Error {}

/** The demo station's settings: what a config leaves out takes these. */
export const defaultConfig: KioskConfig = {
  station: {
    id: 'nanxun-demo-01',
    name: '南浔镇社区居家养老服务照料中心',
    district: '湖州市南浔区',
    policyPack: 'nanxun-2023',
    defaultLocale: 'zh-CN',
  },
  devices: [{ kind: 'card-reader', driver: 'simulated' }],
  platform: null,
  timeouts: { greetingSeconds: 3, sessionIdleSeconds: 60, messageSeconds: 10 },
  window: { kiosk: true, fullscreen: true },
};

function describeIssue(issue: z.core.$ZodIssue): string {
  const path = issue.path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');
  if (issue.code === 'unrecognized_keys') {
    const where = path ? `${path}.` : '';
    return issue.keys.map((k) => `unknown key '${where}${k}'`).join(', ');
  }
  return `'${path || '(top level)'}': ${issue.message}`;
}

/** Validates a parsed config and fills in the defaults for whatever is missing. */
export function resolveConfig(input: unknown, source = 'config'): KioskConfig {
  const parsed = configFileSchema.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(`${source}: ${parsed.error.issues.map(describeIssue).join('; ')}`);
  }
  const file: ConfigFile = parsed.data;
  const station = { ...defaultConfig.station, ...file.station };
  // Meal tiers name items of the station's pack; an unknown pack is reported by stationPack.
  const pack = findPack(station.policyPack);
  const tierProblems = file.meals && pack ? mealTierProblems(file.meals, pack) : [];
  if (tierProblems.length > 0) throw new ConfigError(`${source}: ${tierProblems.join('; ')}`);
  return {
    station,
    devices: file.devices ?? defaultConfig.devices,
    platform: file.platform ?? null,
    timeouts: { ...defaultConfig.timeouts, ...file.timeouts },
    window: { ...defaultConfig.window, ...file.window },
    ...(file.meals ? { meals: file.meals } : {}),
    ...(file.speech ? { speech: file.speech } : {}),
  };
}

/** Reads, parses and validates a config file; any problem stops start-up with a clear message. */
export function loadConfigFile(path: string | undefined): KioskConfig {
  if (!path) return defaultConfig;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new ConfigError(`cannot read the config file ${path}${code ? ` (${code})` : ''}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${path} is not valid JSON: ${(error as Error).message}`);
  }
  return resolveConfig(json, path);
}
