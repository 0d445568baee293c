// Installs the npm dependencies when a fresh clone has none, so `npm start` and `npm test` work
// as the first command after cloning. Electron's binary cannot be fetched on every network, and
// the kiosk does not need it to run the browser host, so its download is skipped here.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function ensureDependencies() {
  if (existsSync(join(root, 'node_modules', '.package-lock.json'))) return;
  console.log('[yiyang] installing npm dependencies (first run in this checkout)…');
  const result = spawnSync('npm', ['ci'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      ELECTRON_SKIP_BINARY_DOWNLOAD: process.env.ELECTRON_SKIP_BINARY_DOWNLOAD ?? '1',
    },
  });
  if (result.status !== 0) {
    console.error('[yiyang] npm ci failed; see the output above');
    process.exit(result.status ?? 1);
  }
}
