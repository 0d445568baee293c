import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startBrowserHost, type BrowserHost } from '../../../main/host/browser-host';
import { demoStation } from '../../support/station';
import { makeTempDir } from '../../support/temp-dir';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';

type Message = {
  id?: number;
  result?: { ok: boolean; value?: unknown; error?: { code: string } };
  event?: string;
  payload?: unknown;
};

function connect(
  url: string,
  origin: string,
): Promise<{ ws: WebSocket; messages: Message[]; closed: Promise<number> }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    const messages: Message[] = [];
    const closed = new Promise<number>((done) => ws.on('close', (code) => done(code)));
    ws.on('message', (d) => messages.push(JSON.parse(d.toString()) as Message));
    ws.on('open', () => resolve({ ws, messages, closed }));
    ws.on('error', reject);
  });
}

async function until<T>(get: () => T | undefined, ms = 3000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('browser host (real HTTP and WebSocket on 127.0.0.1)', () => {
  const temp = makeTempDir();
  const { core, dispatch } = demoStation();
  let host: BrowserHost;
  let origin: string;
  let api: string;

  beforeAll(async () => {
    writeFileSync(join(temp.dir, 'index.html'), '<!doctype html><title>kiosk</title>');
    writeFileSync(join(temp.dir, 'app.js'), 'export const answer = 42;');
    writeFileSync(join(temp.dir, 'app.js.br'), brotliCompressSync('export const answer = 42;'));
    host = await startBrowserHost({
      core,
      dispatch,
      rendererDir: temp.dir,
      port: 0,
      log: () => undefined,
      token: 'test-token',
    });
    origin = host.url;
    api = `${host.url.replace('http', 'ws')}/api?token=test-token`;
  });
  afterAll(async () => {
    await host.close();
    temp.remove();
  });

  it('binds to 127.0.0.1 and puts the token in the kiosk URL fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(host.kioskUrl).toBe(`${host.url}/#token=test-token`);
  });

  it('serves the renderer with the CSP header', async () => {
    const response = await fetch(`${host.url}/index.html`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
  });

  it('embeds the public station settings in the page, and no personal data', async () => {
    for (const path of ['/', '/index.html']) {
      const response = await fetch(`${host.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('cache-control')).toBe('no-store');
      const html = await response.text();
      const json = /<script type="application\/json" id="yiyang-station">([^<]*)<\/script>/.exec(
        html,
      )?.[1];
      expect(json).toBeDefined();
      const info = JSON.parse(json ?? '{}') as Record<string, unknown>;
      expect(info).toMatchObject({ name: core.stationInfo().name, defaultLocale: 'zh-CN' });
      expect(info).not.toHaveProperty('demoCards');
      expect(html).not.toContain('张桂英');
      expect(html).toContain('<title>kiosk</title>');
    }
  });

  it('serves the brotli copy of a script to a browser that accepts it, with the CSP', async () => {
    const response = await fetch(`${host.url}/app.js`, { headers: { 'accept-encoding': 'br' } });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await response.text()).toBe('export const answer = 42;');
    const plain = await fetch(`${host.url}/app.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('export const answer = 42;');
  });

  it('refuses a request whose Host is not loopback (DNS rebinding)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number | undefined>((resolve) => {
      const port = Number(new URL(host.url).port);
      request(
        { host: '127.0.0.1', port, path: '/index.html', headers: { host: `evil.example:${port}` } },
        (res) => resolve(res.statusCode),
      ).end();
    });
    expect(status).toBe(421);
  });

  it('answers calls in the {ok, value | error} envelope and pushes session events', async () => {
    const { ws, messages } = await connect(api, origin);
    ws.send(
      JSON.stringify({ id: 1, call: 'session.tapSimulatedCard', payload: { uid: '0A1B2C3D4E' } }),
    );
    const reply = await until(() => messages.find((m) => m.id === 1));
    expect(reply.result).toMatchObject({
      ok: true,
      value: { kind: 'elder', elder: { name: '张桂英' } },
    });
    const event = await until(() => messages.find((m) => m.event === 'session'));
    expect(event.payload).toMatchObject({ kind: 'elder' });
    ws.send(JSON.stringify({ id: 2, call: 'session.tapSimulatedCard', payload: { uid: 'nope' } }));
    expect((await until(() => messages.find((m) => m.id === 2))).result).toMatchObject({
      ok: false,
      error: { code: 'bad-request' },
    });
    ws.send('not json');
    await until(() => messages.find((m) => 'error' in m));
    ws.send(JSON.stringify({ id: 3, call: 'session.end', payload: {} }));
    expect((await until(() => messages.find((m) => m.id === 3))).result).toMatchObject({
      ok: true,
    });
    ws.close();
  });

  it('closes a socket with a wrong token or from a foreign origin', async () => {
    const wrongToken = await connect(api.replace('test-token', 'guess'), origin);
    expect(await wrongToken.closed).toBe(4401);
    const foreign = await connect(api, 'https://evil.example');
    expect(await foreign.closed).toBe(4401);
  });
});
