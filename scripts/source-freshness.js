// Whether a build output is older than the sources it is made from, by file times: how the core's
// bundle (scripts/core-bundle.js) and the renderer's build (main/host/renderer-files.ts) know to
// rebuild after a pull or an edit.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  if (!statSync(dir).isDirectory()) return statSync(dir).mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** True when `built` does not exist, or a file in or under one of `sourceDirs` changed after it. */
export function isOlderThanSources(built, sourceDirs) {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sourceDirs.some((dir) => newestMtime(dir) > builtAt);
}
