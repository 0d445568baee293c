// Types for scripts/core-bundle.js, which bin/kioskctl.js and scripts/start.js run as plain
// JavaScript.
import type * as kioskctl from '../main/cli/kioskctl';

export const coreBundlePath: string;
export function coreBundleIsStale(): boolean;
export function buildCoreBundle(): Promise<string>;
export function ensureCoreBundle(): Promise<string>;
/** The core's CLI module (main/cli/kioskctl.ts). */
export function loadCore(): Promise<typeof kioskctl>;
