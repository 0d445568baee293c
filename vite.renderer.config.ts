import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { prerenderIdle } from './build/prerender-idle-plugin.ts';

const outDir = resolve(import.meta.dirname, 'out', 'renderer');

/**
 * Writes a .br copy of each JS and CSS asset next to it: the browser host serves those to Chromium
 * (fewer bytes through its loopback socket and network service before the first paint). Electron
 * reads the plain files from disk and never looks at them.
 */
function brotliCopies(): Plugin {
  return {
    name: 'yiyang-brotli-copies',
    apply: 'build',
    writeBundle(options, bundle) {
      const dir = options.dir ?? outDir;
      for (const file of Object.keys(bundle).filter((f) => /\.(js|css)$/.test(f))) {
        const path = join(dir, file);
        const compressed = brotliCompressSync(readFileSync(path), {
          params: { [constants.BROTLI_PARAM_QUALITY]: 9 },
        });
        writeFileSync(`${path}.br`, compressed);
      }
    },
  };
}

/** The renderer's build, shared by electron-vite (Electron) and `kioskctl serve` (browser host). */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react(), brotliCopies(), prerenderIdle()],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'chrome120',
    // one style sheet, linked from index.html: the prerendered idle screen is painted styled
    cssCodeSplit: false,
    sourcemap: false,
    rollupOptions: { input: resolve(import.meta.dirname, 'renderer', 'index.html') },
  },
  server: { fs: { allow: [import.meta.dirname] } },
};

export default defineConfig(rendererConfig);
