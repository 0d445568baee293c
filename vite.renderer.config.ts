import { resolve } from 'node:path';
import { defineConfig, type UserConfig } from 'vite';
import react from '@vitejs/plugin-react';

/** The renderer's build, shared by electron-vite (Electron) and `kioskctl serve` (browser host). */
export const rendererConfig: UserConfig = {
  root: resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: resolve(import.meta.dirname, 'out', 'renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: false,
    rollupOptions: { input: resolve(import.meta.dirname, 'renderer', 'index.html') },
  },
  server: { fs: { allow: [import.meta.dirname] } },
};

export default defineConfig(rendererConfig);
