import type { PolicyPack } from '../../policies/schema';
import type { Db } from '../store/open-database';
import type { MealsConfig } from './meals-config';

/** What the ordering functions need from the core; the elder is passed to each call. */
export interface OrderingContext {
  db: Db;
  now: () => Date;
  meals: MealsConfig;
  /** the station's policy pack; undefined prices everyone at the standard tier */
  pack: PolicyPack | undefined;
  stationName: string;
  /**
   * the staff member acting for the elder in an assisted session (issue 8), null when the elder
   * acts alone; stored on the record and its outbox row so both identities travel together
   */
  actor?: () => string | null;
}

export const fenToYuan = (fen: number): string => (fen / 100).toFixed(2);
