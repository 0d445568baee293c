#!/usr/bin/env node
// kioskctl runs the kiosk core from its bundle (scripts/core-bundle.js), made from the sources when
// a checkout has none or a source changed since, so `npx kioskctl …` works right after `npm ci`
// with no build step and always runs the current code.
import { loadCore } from '../scripts/core-bundle.js';

const { main } = await loadCore();
process.exitCode = await main(process.argv.slice(2));
