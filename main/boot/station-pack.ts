import { ConfigError } from '../config/load-config';
import { findPack, knownPackIds } from '../../policies/registry';
import type { PolicyPack } from '../../policies/schema';
import type { Db } from '../store/open-database';
import { pulledPackStamp, readPulledPack } from '../sync/pulled-packs';

/** The shipped pack of this id; an unknown id stops start-up naming the key and the known packs. */
export function stationPack(id: string): PolicyPack {
  const pack = findPack(id);
  if (!pack) {
    throw new ConfigError(
      `station.policyPack: unknown policy pack '${id}' (known: ${knownPackIds().join(', ')})`,
    );
  }
  return pack;
}

/**
 * The station's pack as it should be used right now: the pack of its configured id pulled from the
 * platform (checked with the same loader as the shipped ones when it arrived), unless the shipped
 * pack of that id has a higher version. Read at each use, so a pull takes effect at the next call
 * with no restart. An id neither shipped nor pulled stops start-up as before.
 */
export function stationPackSource(
  db: Db,
  id: string,
  log: (line: string) => void = () => undefined,
): () => PolicyPack {
  const shipped = findPack(id) ?? null;
  if (!shipped && pulledPackStamp(db, id) === null) stationPack(id);
  let cached: { stamp: string | null; pack: PolicyPack } | null = null;
  return () => {
    const stamp = pulledPackStamp(db, id);
    if (cached && cached.stamp === stamp) return cached.pack;
    const pulled = stamp === null ? null : readPulledPack(db, id);
    if (pulled?.problem) log(`${pulled.problem}; using the shipped pack`);
    // A pack only the platform has, withdrawn or spoilt later, leaves the last good one in use.
    const chosen =
      (pulled?.pack && (!shipped || compareVersions(pulled.pack.version, shipped.version) >= 0)
        ? pulled.pack
        : shipped) ?? cached?.pack;
    if (!chosen) throw new ConfigError(`station.policyPack: no usable policy pack '${id}'`);
    cached = { stamp, pack: chosen };
    return chosen;
  };
}

/** Pack versions are x.y.z (policies/schema.ts); compared as numbers, part by part. */
function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
