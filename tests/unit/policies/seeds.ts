import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The seed documents the packs quote live outside the repository, in `../shared/seeds/` beside
 * the checkout (DESIGN.md). A checkout without them cannot check a single quote, so the tests say
 * where the folder was looked for instead of failing on an ENOENT deep in a test.
 */
export const seedsDir = resolve(
  join(dirname(fileURLToPath(import.meta.url)), '../../../../shared/seeds'),
);

export class MissingSeedsError extends Error {}

/** The text of one seed file, e.g. `readSeed('001_bbdd73ef92731b3c.txt')`. */
export function readSeed(file: string, dir = seedsDir): string {
  if (!existsSync(dir))
    throw new MissingSeedsError(
      `the policy tests need the seed documents in ${dir} (../shared/seeds beside the checkout, ` +
        'see DESIGN.md), and that folder does not exist: put the seeds there to run them',
    );
  const path = join(dir, file);
  if (!existsSync(path))
    throw new MissingSeedsError(`seed file ${file} is not in ${dir}, where the packs cite it from`);
  return readFileSync(path, 'utf8');
}
