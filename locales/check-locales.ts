import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The locale completeness check (issue 7): every key of every namespace file in locales/zh-CN/
 * must have text in every locale, with the same {{placeholders}}; a key no longer in zh-CN is
 * reported too, so stale text does not linger. Run: `npx tsx locales/check-locales.ts`.
 */
export const requiredLocales = ['zh-CN', 'en', 'wuu', 'zh-x-henan', 'yue'] as const;
export const sourceLocale = 'zh-CN';

type Tree = { [k: string]: unknown };

function leaves(tree: unknown, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (tree !== null && typeof tree === 'object' && !Array.isArray(tree)) {
    for (const [k, v] of Object.entries(tree as Tree)) {
      const path = prefix ? `${prefix}.${k}` : k;
      if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
        for (const [p, leaf] of leaves(v, path)) out.set(p, leaf);
      } else out.set(path, v);
    }
  }
  return out;
}

const placeholders = (s: string): string[] =>
  [...s.matchAll(/\{\{\s*-?\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1] ?? '').sort();

function readNamespace(file: string, problems: string[]): Map<string, unknown> | null {
  try {
    return leaves(JSON.parse(readFileSync(file, 'utf8')));
  } catch (e) {
    problems.push(`${file}: not JSON (${(e as Error).message})`);
    return null;
  }
}

/** Every problem as one line naming locale, namespace and key; empty when complete. */
export function checkLocales(localesDir: string): string[] {
  const problems: string[] = [];
  const sourceDir = join(localesDir, sourceLocale);
  if (!existsSync(sourceDir)) return [`${sourceDir}: the source locale is missing`];
  const present = readdirSync(localesDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  const locales = [...new Set([...requiredLocales, ...present])].filter((l) => l !== sourceLocale);
  const namespaces = readdirSync(sourceDir).filter((f) => f.endsWith('.json'));
  for (const nsFile of namespaces) {
    const ns = nsFile.slice(0, -'.json'.length);
    const source = readNamespace(join(sourceDir, nsFile), problems);
    if (!source) continue;
    for (const [key, text] of source) {
      if (typeof text !== 'string' || text.trim() === '')
        problems.push(`${sourceLocale}/${ns}: ${key} has no text`);
    }
    for (const locale of locales) {
      const file = join(localesDir, locale, nsFile);
      if (!existsSync(file)) {
        problems.push(`${locale}/${ns}: the file ${file} is missing (${source.size} keys)`);
        continue;
      }
      const target = readNamespace(file, problems);
      if (!target) continue;
      for (const [key, text] of source) {
        const t = target.get(key);
        if (typeof t !== 'string' || t.trim() === '') {
          problems.push(`${locale}/${ns}: ${key} has no text`);
        } else if (
          typeof text === 'string' &&
          placeholders(t).join() !== placeholders(text).join()
        ) {
          problems.push(
            `${locale}/${ns}: ${key} has placeholders {{${placeholders(t).join(', ')}}}, zh-CN has {{${placeholders(text).join(', ')}}}`,
          );
        }
      }
      for (const key of target.keys()) {
        if (!source.has(key))
          problems.push(`${locale}/${ns}: ${key} is not a zh-CN key (stale or misspelt)`);
      }
    }
  }
  return problems;
}

const isMain = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (isMain) {
  const problems = checkLocales(dirname(fileURLToPath(import.meta.url)));
  for (const p of problems) console.error(p);
  console.log(problems.length === 0 ? 'locales complete' : `${problems.length} locale problems`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
