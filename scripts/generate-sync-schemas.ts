// Writes docs/schemas/<name>.json from the zod schemas in contract/sync-protocol.ts, so the
// published wire format is the one both sides actually parse. `--check` only compares, for tests.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';
import { z } from 'zod';
import { publishedSchemas } from '../contract/sync-protocol';

export const schemasDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'schemas');

/** Each published schema as the JSON text committed under docs/schemas/. */
export async function renderSchemas(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  // Formatted as the repository's Prettier would, so `prettier --check .` and this agree.
  const options = (await prettier.resolveConfig(join(schemasDir, 'x.json'))) ?? {};
  for (const [name, schema] of Object.entries(publishedSchemas)) {
    // 'input' describes what a sender may send (optional fields stay optional); unrepresentable
    // refinements (e.g. a real calendar date) are left to the zod parse on the receiving side.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    const text = JSON.stringify({ $id: `https://yiyang.invalid/schemas/${name}.json`, ...json });
    out.set(`${name}.json`, await prettier.format(text, { ...options, parser: 'json' }));
  }
  return out;
}

async function main(): Promise<number> {
  const check = process.argv.includes('--check');
  mkdirSync(schemasDir, { recursive: true });
  let stale = 0;
  for (const [file, text] of await renderSchemas()) {
    const path = join(schemasDir, file);
    let current = '';
    try {
      current = readFileSync(path, 'utf8');
    } catch {
      // missing: written below, or reported as stale
    }
    if (current === text) continue;
    stale += 1;
    if (check)
      process.stderr.write(
        `docs/schemas/${file} is out of date: run npx tsx scripts/generate-sync-schemas.ts\n`,
      );
    else writeFileSync(path, text);
  }
  return check && stale > 0 ? 1 : 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  process.exitCode = await main();
