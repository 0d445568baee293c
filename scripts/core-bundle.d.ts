// Types for scripts/core-bundle.js, which bin/kioskctl.js runs as plain JavaScript.
export const coreBundlePath: string;
export function coreBundleIsStale(): boolean;
export function buildCoreBundle(): Promise<string>;
export function ensureCoreBundle(): Promise<string>;
