import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The prompt texts the core speaks, read from the same locales/<lng>/<namespace>.json files the
 * renderer bundles, so caption and screen never disagree. Keys follow i18next: "ns:a.b" or "a.b"
 * in the default namespace `translation`; a locale without the key falls back to zh-CN.
 */
export interface PromptTexts {
  template(locale: string, key: string): string | null;
  locales(): string[];
  /** every key of the source locale, as speech.say takes it ("a.b", "ns:a.b"), sorted */
  keys(): string[];
}

type Tree = { [k: string]: string | Tree };

export function loadLocaleTree(localesDir: string, locale: string): Map<string, Tree> {
  const dir = join(localesDir, locale);
  const namespaces = new Map<string, Tree>();
  if (!existsSync(dir)) return namespaces;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    namespaces.set(
      file.slice(0, -'.json'.length),
      JSON.parse(readFileSync(join(dir, file), 'utf8')) as Tree,
    );
  }
  return namespaces;
}

function leafPaths(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => {
    const path = prefix ? `${prefix}.${k}` : k;
    return typeof v === 'string' ? [path] : leafPaths(v, path);
  });
}

function lookup(tree: Tree | undefined, path: string): string | null {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return null;
    node = node[part];
  }
  return typeof node === 'string' ? node : null;
}

export function createPromptTexts(localesDir: string, fallbackLocale = 'zh-CN'): PromptTexts {
  const cache = new Map<string, Map<string, Tree>>();
  const trees = (locale: string) => {
    let t = cache.get(locale);
    if (!t) {
      t = loadLocaleTree(localesDir, locale);
      cache.set(locale, t);
    }
    return t;
  };
  const find = (locale: string, key: string): string | null => {
    const colon = key.indexOf(':');
    const ns = colon > 0 ? key.slice(0, colon) : 'translation';
    return lookup(trees(locale).get(ns), colon > 0 ? key.slice(colon + 1) : key);
  };
  return {
    template: (locale, key) => find(locale, key) ?? find(fallbackLocale, key),
    locales: () =>
      existsSync(localesDir)
        ? readdirSync(localesDir, { withFileTypes: true })
            .filter((d) => d.isDirectory())
            .map((d) => d.name)
        : [],
    keys: () =>
      [...trees(fallbackLocale)]
        .flatMap(([ns, tree]) =>
          leafPaths(tree).map((k) => (ns === 'translation' ? k : `${ns}:${k}`)),
        )
        .sort(),
  };
}
