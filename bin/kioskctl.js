#!/usr/bin/env node
// kioskctl runs the kiosk core from its bundle (scripts/core-bundle.js), made from the TypeScript
// sources when a checkout has none or a source changed since, so `npx kioskctl …` works right after
// `npm ci` with no build step and always runs the current code.
import { pathToFileURL } from 'node:url';
import { ensureCoreBundle } from '../scripts/core-bundle.js';

async function loadCore() {
  try {
    return await import(pathToFileURL(await ensureCoreBundle()).href);
  } catch (error) {
    const code = error && typeof error === 'object' && 'code' in error ? error.code : undefined;
    if (!['EACCES', 'EPERM', 'EROFS'].includes(code)) throw error;
    // A checkout this user may not write to (a technician probing a reader as another user):
    // compile the sources as they load instead of bundling them.
    const { register } = await import('tsx/esm/api');
    register();
    return import('../main/cli/kioskctl.ts');
  }
}

const { main } = await loadCore();
process.exitCode = await main(process.argv.slice(2));
