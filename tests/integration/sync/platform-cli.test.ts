import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const kioskctl = (...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin', 'kioskctl.js'), 'platform', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 30_000,
  });

describe('kioskctl platform refuses bad options with a specific message', () => {
  it.each([
    [['--port', '99999'], 2, /--port must be 0 to 65535/],
    [['--database-url', 'mysql://x'], 2, /must be a postgres:\/\/ URL/],
    [['--db', 'a.sqlite', '--database-url', 'postgres://x@127.0.0.1/y'], 2, /not both/],
    [['--frobnicate', '1'], 2, /unknown option --frobnicate/],
    [
      ['--database-url', 'postgres://nobody@127.0.0.1:1/x'],
      1,
      /cannot prepare the platform database at postgres:\/\/nobody@127\.0\.0\.1:1\/x: .*ECONNREFUSED/,
    ],
    [['--db', '/dev/null/x.sqlite'], 1, /cannot open the platform database \/dev\/null\/x\.sqlite/],
  ])('%j', (args, code, message) => {
    const r = kioskctl(...args);
    expect(r.stderr).toMatch(message);
    expect(r.status).toBe(code);
  });
});
