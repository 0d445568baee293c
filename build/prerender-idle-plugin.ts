import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { idleMarkupFile } from '../contract/prerender.ts';

const projectRoot = resolve(import.meta.dirname, '..');
const entry = join(projectRoot, 'renderer', 'prerender', 'idle-markup.tsx');
/** Inside the project, so the built module finds react and i18next in node_modules. */
const ssrOutDir = join(projectRoot, 'out', 'prerender');

/** What renderer/prerender/idle-markup.tsx exports. */
interface IdleMarkupModule {
  idleMarkup(locale: string, demo: boolean): string;
  prerenderLocales: string[];
}

/**
 * After the page's own build: renders the idle screen to HTML for every locale, with and without
 * the demo tray, next to index.html. A server-side build of the same React tree does it, so the
 * markup is what the page itself would draw.
 */
export function prerenderIdle(): Plugin {
  return {
    name: 'yiyang-prerender-idle',
    apply: 'build',
    async writeBundle(options) {
      if (!options.dir) return;
      await build({
        configFile: false,
        root: join(projectRoot, 'renderer'),
        plugins: [react()],
        logLevel: 'warn',
        build: {
          ssr: entry,
          outDir: ssrOutDir,
          emptyOutDir: true,
          sourcemap: false,
          rollupOptions: { output: { entryFileNames: 'idle-markup.js', format: 'es' } },
        },
      });
      const module = (await import(
        `${pathToFileURL(join(ssrOutDir, 'idle-markup.js')).href}?t=${Date.now()}`
      )) as IdleMarkupModule;
      mkdirSync(join(options.dir, 'idle'), { recursive: true });
      for (const locale of module.prerenderLocales)
        for (const demo of [false, true]) {
          const markup = module.idleMarkup(locale, demo);
          // The page's CSP (style-src 'self') refuses style attributes in HTML: the browser would
          // paint this screen without them.
          if (/\sstyle="/.test(markup))
            throw new Error(`the prerendered idle screen (${locale}) has a style attribute`);
          writeFileSync(join(options.dir, idleMarkupFile(locale, demo)), markup);
        }
    },
  };
}
