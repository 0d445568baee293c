import type Database from 'better-sqlite3';
import { dirname } from 'node:path';
import { openKeyedFile } from '../../main/store/cipher';
import { keyFilePath, readKeyFile } from '../../main/store/key-file';

/**
 * Opens a station database file directly (no checks, no migrations) with the key the station
 * uses: the key file beside it. For tests that look inside a station's file.
 */
export function openStationFile(
  file: string,
  options: { readonly?: boolean } = {},
): Database.Database {
  return openKeyedFile(file, stationKeyFor(file), options);
}

/** The key of the station database `file` (from the key file in its directory). */
export const stationKeyFor = (file: string): Buffer =>
  readKeyFile(keyFilePath(dirname(file)), false);
