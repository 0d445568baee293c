// Types for scripts/source-freshness.js.
export function isOlderThanSources(built: string, sourceDirs: string[]): boolean;
