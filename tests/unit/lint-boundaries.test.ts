import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/kioskctl';

// DESIGN.md's process boundaries are enforced by lint: this runs the project's own ESLint config
// on imports that cross them and on ones that don't.
const eslint = new ESLint({ cwd: projectRoot });

async function restrictedImports(file: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath: `${projectRoot}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('folder boundaries (the project’s ESLint config)', () => {
  it.each([
    ['renderer/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"],
    [
      'renderer/x.ts',
      "import { KioskCore } from '../main/core/kiosk-core';\nexport const a = KioskCore;\n",
    ],
    ['renderer/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;\n"],
    ['hardware/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'hardware/x.ts',
      "import { KioskCore } from '../main/core/kiosk-core';\nexport const a = KioskCore;\n",
    ],
    ['main/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    ['contract/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    [
      'platform/x.ts',
      "import { KioskCore } from '../main/core/kiosk-core';\nexport const a = KioskCore;\n",
    ],
  ])('refuses %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBeGreaterThan(0);
  });

  it.each([
    ['main/electron/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
    [
      'renderer/x.ts',
      "import type { KioskApi } from '../contract/kiosk-api';\nexport type A = KioskApi;\n",
    ],
    ['hardware/x.ts', "import { Transform } from 'node:stream';\nexport const a = Transform;\n"],
  ])('allows %s: %s', async (file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});
