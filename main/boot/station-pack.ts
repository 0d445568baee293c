import { ConfigError } from '../config/load-config';
import { findPack, knownPackIds } from '../../policies/registry';
import type { PolicyPack } from '../../policies/schema';

/** The station's policy pack; an unknown id stops start-up naming the key and the known packs. */
export function stationPack(id: string): PolicyPack {
  const pack = findPack(id);
  if (!pack) {
    throw new ConfigError(
      `station.policyPack: unknown policy pack '${id}' (known: ${knownPackIds().join(', ')})`,
    );
  }
  return pack;
}
