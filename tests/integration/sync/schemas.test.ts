import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('published JSON Schemas of the sync protocol', () => {
  it('match the zod schemas in contract/sync-protocol.ts (regenerate with npx tsx scripts/generate-sync-schemas.ts)', () => {
    // Run as its own process: scripts/ is outside the TypeScript projects, and this is how CI would run it.
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(root, 'scripts', 'generate-sync-schemas.ts'), '--check'],
      {
        cwd: root,
        encoding: 'utf8',
      },
    );
    expect(r.stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(r.status).toBe(0);
  });
});
