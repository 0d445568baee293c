#!/usr/bin/env node
// kioskctl runs the TypeScript sources directly through tsx, so `npx kioskctl …` works in a checkout
// right after `npm ci`, with no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli/kioskctl.ts');
process.exitCode = await main(process.argv.slice(2));
