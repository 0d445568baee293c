import { homedir } from 'node:os';
import { join } from 'node:path';

/** The station's data dir when none is given: the user data dir, as Electron's would be. */
export function defaultDataDir(): string {
  const base = process.env.XDG_DATA_HOME || join(homedir(), '.local', 'share');
  return join(base, 'yiyang-kiosk');
}

export const databaseFile = (dataDir: string): string => join(dataDir, 'station.db');
