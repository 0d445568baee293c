import i18next, { type InitOptions, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { addSpokenFormats } from './speech/local-caption';

// Every locales/<lng>/<namespace>.json is bundled: a new locale or feature namespace needs no code.
const files = import.meta.glob<{ default: Record<string, unknown> }>('../locales/*/*.json', {
  eager: true,
});

function collectResources(): Resource {
  const resources: Resource = {};
  for (const [path, module] of Object.entries(files)) {
    const match = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng, ns] = match as unknown as [string, string, string];
    if (ns === 'manifest') continue;
    resources[lng] = { ...resources[lng], [ns]: module.default };
  }
  return resources;
}

export const resources = collectResources();
export const namespaces = [...new Set(Object.values(resources).flatMap((r) => Object.keys(r)))];

/** The one i18next set-up, shared by the page and the idle screen prerendered at build time. */
export function i18nOptions(lng: string): InitOptions {
  return {
    resources,
    lng,
    fallbackLng: 'zh-CN',
    ns: namespaces,
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  };
}

/**
 * Sets an i18next instance up with every bundled resource and the spoken-line formats. Nothing is
 * fetched, so with `initAsync: false` it is ready when this returns: the first render can happen in
 * the same task as the page's script.
 */
export function setUpI18nInstance<T extends typeof i18next>(instance: T, lng: string): T {
  void instance.use(initReactI18next).init(i18nOptions(lng));
  addSpokenFormats(instance);
  return instance;
}

/** The page's i18next (the global instance react-i18next's hooks fall back to). */
export function setUpI18n(lng: string): typeof i18next {
  return setUpI18nInstance(i18next, lng);
}

export async function initI18n(lng: string): Promise<typeof i18next> {
  const i18n = setUpI18n(lng);
  if (!i18n.isInitialized || i18n.language !== lng) await i18n.changeLanguage(lng);
  return i18n;
}
