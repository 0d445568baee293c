import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Where the Electron app finds its config: `--config F` on the command line, else YIYANG_CONFIG,
 * else config.json in the user data dir if a technician put one there, else none (demo defaults).
 */
export function electronConfigPath(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
  userDataDir: string,
): string | undefined {
  const flag = argv.findIndex((a) => a === '--config');
  if (flag >= 0 && argv[flag + 1]) return argv[flag + 1];
  const inline = argv.find((a) => a.startsWith('--config='));
  if (inline) return inline.slice('--config='.length);
  if (env.YIYANG_CONFIG) return env.YIYANG_CONFIG;
  const local = join(userDataDir, 'config.json');
  return existsSync(local) ? local : undefined;
}
