import { afterEach, describe, expect, it } from 'vitest';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import WebSocket from 'ws';
import { listenEarly, type EarlyListener } from '../../../main/host/early-listener';
import { startBrowserHost, type BrowserHost } from '../../../main/host/browser-host';
import { demoStation } from '../../support/station';
import { makeTempDir } from '../../support/temp-dir';

// `kioskctl serve` binds its port before it loads the station, so `npm start` can open Chromium at
// once. A page request or a KioskApi socket that arrives in between must wait, then be answered
// by the real host, never refused or answered half-started. Real HTTP and WebSocket on loopback.
describe('the port bound early, handed to the browser host when it is ready', () => {
  const temp = makeTempDir();
  let host: BrowserHost | null = null;
  /** The demo station's browser host, taking over `listener`'s port and what waits on it. */
  const hostOn = (listener: EarlyListener, token: string): Promise<BrowserHost> => {
    const { core, dispatch } = demoStation();
    return startBrowserHost({
      core,
      dispatch,
      rendererDir: temp.dir,
      port: listener.port,
      listener,
      token,
      log: () => undefined,
    });
  };
  afterEach(async () => {
    await host?.close();
    host = null;
  });

  it('answers a page request and a socket that came before the host was ready', async () => {
    writeFileSync(join(temp.dir, 'index.html'), '<!doctype html><div id="root"></div>');
    const listener = await listenEarly(0);
    const url = `http://127.0.0.1:${listener.port}`;

    // Both arrive while nothing but the bare port exists.
    let pageAnsweredAt = 0;
    const page = fetch(`${url}/`).then(async (r) => {
      pageAnsweredAt = Date.now();
      return { status: r.status, body: await r.text() };
    });
    const socket = new WebSocket(`ws://127.0.0.1:${listener.port}/api?token=early`, {
      origin: url,
    });
    const opened = new Promise<void>((resolve, reject) => {
      socket.on('open', () => resolve());
      socket.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(pageAnsweredAt).toBe(0); // held, not answered by a half-started host

    const readyAt = Date.now();
    host = await hostOn(listener, 'early');
    const answered = await page;
    expect(answered.status).toBe(200);
    expect(answered.body).toContain('yiyang-station'); // the host's own page, station info in it
    expect(pageAnsweredAt).toBeGreaterThanOrEqual(readyAt);

    await opened;
    const reply = new Promise<unknown>((resolve) =>
      socket.once('message', (d) => resolve(JSON.parse(d.toString()))),
    );
    socket.send(JSON.stringify({ id: 1, call: 'station.info', payload: {} }));
    expect(await reply).toMatchObject({ id: 1, result: { ok: true } });
    socket.close();
  });

  it('refuses an early socket with the wrong token once the host is ready', async () => {
    mkdirSync(temp.dir, { recursive: true });
    const listener = await listenEarly(0);
    const socket = new WebSocket(`ws://127.0.0.1:${listener.port}/api?token=wrong`, {
      origin: `http://127.0.0.1:${listener.port}`,
    });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    host = await hostOn(listener, 'right');
    expect(await closed).toBe(4401);
  });

  it('closing the host frees the port', async () => {
    const listener = await listenEarly(0);
    host = await hostOn(listener, 't');
    await host.close();
    host = null;
    const again = await listenEarly(listener.port);
    expect(again.port).toBe(listener.port);
    await again.close();
  });
});
