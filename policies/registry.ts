import nanxun2023 from './nanxun-2023.json';
import tongxiang2022 from './tongxiang-2022.json';
import { loadPack } from './load-pack';
import type { PolicyPack } from './schema';

/**
 * The packs shipped with the kiosk, by the id a station names in its config. Imported as modules
 * (not read from disk) so the Electron bundle, the browser host and kioskctl all carry the same
 * files; each is still validated and hashed on first use, like a pack sent by the platform.
 */
const shipped: Record<string, unknown> = {
  'nanxun-2023': nanxun2023,
  'tongxiang-2022': tongxiang2022,
};

const loaded = new Map<string, PolicyPack>();

export const knownPackIds = (): string[] => Object.keys(shipped).sort();

/** The pack with this id, validated; undefined for an id no shipped pack has. */
export function findPack(id: string): PolicyPack | undefined {
  const cached = loaded.get(id);
  if (cached) return cached;
  const raw = Object.hasOwn(shipped, id) ? shipped[id] : undefined;
  if (raw === undefined) return undefined;
  const pack = loadPack(raw, `policy pack ${id}`);
  if (pack.id !== id) throw new Error(`policy pack ${id}: the file says its id is ${pack.id}`);
  loaded.set(id, pack);
  return pack;
}
