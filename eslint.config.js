// Lint enforces the process boundaries of DESIGN.md: the renderer never reaches Node, Electron or
// the drivers; the drivers never reach Electron, the DOM or the core; only the Electron shell
// imports `electron`; the contract stays free of all of them.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'net',
  'http',
  'https',
  'crypto',
  'stream',
  'events',
  'url',
  'worker_threads',
];
const nativeAndDevice = [
  'better-sqlite3',
  'serialport',
  '@serialport/*',
  'node-hid',
  'pg',
  'fastify',
  '@fastify/*',
  'ws',
];

const restrict = (groups, message) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'reports/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['main/index.ts', 'main/preload.ts', 'main/electron/**', 'tests/**'],
    rules: restrict(
      [['electron', 'electron/*']],
      'Only the Electron shell (main/index.ts, main/preload.ts, main/electron/) imports electron.',
    ),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [
          ['electron', 'electron/*'],
          nodeBuiltins,
          nativeAndDevice,
          ['**/main/**', '**/hardware/**', '**/platform/**', '**/policies/**/*.ts'],
        ],
        'The renderer talks only through KioskApi (contract/kiosk-api.ts): no Node, Electron, drivers or core.',
      ),
    },
  },
  {
    files: ['hardware/**/*.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      ...restrict(
        [
          ['electron', 'electron/*'],
          ['**/main/**', '**/renderer/**', '**/platform/**', 'react', 'react-dom'],
        ],
        'Drivers are plain Node: no Electron, no DOM, no core.',
      ),
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage'],
    },
  },
  {
    files: ['contract/**/*.ts'],
    rules: restrict(
      [
        ['electron', 'electron/*'],
        nodeBuiltins,
        nativeAndDevice,
        ['**/main/**', '**/renderer/**', '**/hardware/**', '**/platform/**', 'react'],
      ],
      'The contract is shared by renderer, preload and core: types and zod only.',
    ),
  },
  {
    files: ['platform/**/*.ts'],
    rules: restrict(
      [
        ['electron', 'electron/*'],
        ['**/main/**', '**/renderer/**', '**/hardware/**', 'react'],
      ],
      'The reference platform is a separate server: it shares only contract/.',
    ),
  },
);
