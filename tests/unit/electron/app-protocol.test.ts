import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../support/temp-dir';

// protocol.handle and net.fetch stand in for Electron's (electron mocked: no Electron binary here);
// net.fetch reads the real file so the handler's path checks meet real paths.
const captured = vi.hoisted(() => ({
  handler: null as null | ((r: Request) => Promise<Response>),
  schemes: [] as unknown[],
}));
vi.mock('electron', () => ({
  protocol: {
    handle: (_scheme: string, h: (r: Request) => Promise<Response>) => (captured.handler = h),
    registerSchemesAsPrivileged: (s: unknown[]) => captured.schemes.push(...s),
  },
  net: {
    fetch: async (url: string) => {
      try {
        return new Response(await readFile(fileURLToPath(url)), {
          status: 200,
          headers: { 'content-type': 'text/html' },
        });
      } catch {
        return new Response('missing', { status: 404 });
      }
    },
  },
}));

describe('app:// protocol (electron mocked: no Electron binary here)', async () => {
  const { registerAppScheme, serveRendererFiles } =
    await import('../../../main/electron/app-protocol');
  const temp = makeTempDir();
  const root = join(temp.dir, 'renderer');
  mkdirSync(root);
  writeFileSync(join(root, 'index.html'), '<html>kiosk</html>');
  writeFileSync(join(temp.dir, 'secret.txt'), 'outside the renderer');
  registerAppScheme();
  serveRendererFiles(root);
  afterAll(() => temp.remove());
  const get = (url: string) =>
    (captured.handler as (r: Request) => Promise<Response>)(new Request(url));

  it('registers app:// as a secure standard scheme', () => {
    expect(captured.schemes).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) },
    ]);
  });

  it('serves the renderer with the strict CSP header', async () => {
    const response = await get('app://kiosk/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<html>kiosk</html>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('refuses paths that climb out of the renderer folder and other hosts', async () => {
    expect((await get('app://kiosk/..%2Fsecret.txt')).status).toBe(404);
    expect((await get('app://kiosk/%2e%2e/secret.txt')).status).toBe(404);
    expect((await get('app://other/index.html')).status).toBe(404);
  });
});
