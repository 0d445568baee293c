import { randomBytes } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import fastifyStatic from '@fastify/static';
import fastifyWebsocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { eventSpecs, type EventName } from '../../contract/kiosk-api';
import type { KioskCore } from '../core/kiosk-core';
import type { Dispatch } from '../api/dispatch';
import { clientMessageSchema } from './ws-protocol';
import { allowedOrigins, isLoopbackHost } from './origin-guard';
import { browserHostHeaders } from './content-security-policy';
import { kioskPage, publicStationInfo } from './index-page';
import type { EarlyListener } from './early-listener';

export interface BrowserHostOptions {
  core: KioskCore;
  dispatch: Dispatch;
  rendererDir: string;
  /** 0 picks a free port; ignored when `listener` is given */
  port: number;
  /** a port bound before the host was loaded (serve.ts), whose waiting requests the host takes */
  listener?: EarlyListener;
  log: (line: string) => void;
  /** fixed in tests; otherwise a fresh random token for every launch */
  token?: string;
}

export interface BrowserHost {
  url: string;
  /** the URL with the per-launch token in its fragment: what Chromium opens */
  kioskUrl: string;
  token: string;
  close(): Promise<void>;
}

/**
 * The browser host: serves the built renderer and implements KioskApi over a WebSocket, bound to
 * 127.0.0.1 only. A socket must present the per-launch token and come from this host's own page.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const { listener } = options;
  // fastify hands its request handler to serverFactory when it is made; the listener gets it
  // only once every route is registered, so no early request meets a half-built host
  const made: { handler?: Parameters<EarlyListener['handOver']>[0] } = {};
  const app: FastifyInstance = listener
    ? Fastify({
        logger: false,
        serverFactory: (handler) => {
          made.handler = handler;
          return listener.server;
        },
      })
    : Fastify({ logger: false });
  const sockets = new Set<WebSocket>();
  let port = listener?.port ?? options.port;

  // Large enough for the staff recorder's pack import (a whole dialect pack, base64, in one call:
  // MAX_PACK_FILE_CHARS); only the page holding this launch's token can connect at all.
  await app.register(fastifyWebsocket, { options: { maxPayload: 32 * 1024 * 1024 } });
  const securityHeaders = (
    res: { header(name: string, value: string): unknown },
    styleHashes: string[] = [],
  ): void => {
    for (const [name, value] of Object.entries(browserHostHeaders(port, styleHashes)))
      res.header(name, value);
  };
  await app.register(fastifyStatic, {
    root: options.rendererDir,
    setHeaders: (res) => securityHeaders(res),
    // the build writes .br copies of the scripts and styles (vite.renderer.config.ts)
    preCompressed: true,
  });

  // The page itself carries the station's public settings (no person's data), so the idle screen
  // paints without waiting for the socket; everything else still goes through the token's socket.
  const indexPage = async (_request: unknown, reply: FastifyReply): Promise<void> => {
    const kiosk = kioskPage(options.rendererDir, publicStationInfo(options.core.stationInfo()));
    if (kiosk === null) return reply.callNotFound();
    securityHeaders(reply, kiosk.styleHashes);
    reply.header('Cache-Control', 'no-store');
    reply.type('text/html; charset=utf-8');
    await reply.send(kiosk.page);
  };
  app.get('/', indexPage);
  app.get('/index.html', indexPage);

  app.addHook('onRequest', async (request, reply) => {
    if (!isLoopbackHost(request.headers.host, port)) {
      await reply.code(421).send({ error: 'this kiosk host answers only on 127.0.0.1' });
    }
  });

  app.register(async (scope) => {
    scope.get('/api', { websocket: true }, (socket, request) => {
      const query = request.query as { token?: unknown };
      const origin = request.headers.origin;
      if (query.token !== token || !origin || !allowedOrigins(port).has(origin)) {
        options.log(
          `refused a KioskApi socket (${query.token !== token ? 'bad token' : 'foreign origin'})`,
        );
        socket.close(4401, 'not allowed');
        return;
      }
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('message', (data) => void answer(socket, data.toString()));
    });
  });

  async function answer(socket: WebSocket, text: string): Promise<void> {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      socket.send(JSON.stringify({ error: 'messages must be JSON' }));
      return;
    }
    const message = clientMessageSchema.safeParse(json);
    if (!message.success) {
      socket.send(JSON.stringify({ error: 'messages must be {id, call, payload}' }));
      return;
    }
    const result = await options.dispatch(message.data.call, message.data.payload);
    if (socket.readyState === socket.OPEN)
      socket.send(JSON.stringify({ id: message.data.id, result }));
  }

  const forward = (event: EventName) => (payload: unknown) => {
    const text = JSON.stringify({ event, payload });
    for (const s of sockets) if (s.readyState === s.OPEN) s.send(text);
  };
  const unsubscribers = (Object.keys(eventSpecs) as EventName[]).map((event) => {
    const listener = forward(event);
    options.core.events.on(event, listener);
    return () => options.core.events.off(event, listener);
  });

  if (listener && made.handler) {
    await app.ready();
    listener.handOver(made.handler);
  } else {
    await app.listen({ host: '127.0.0.1', port: options.port });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : options.port;
  }
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    kioskUrl: `${url}/#token=${token}`,
    token,
    close: async () => {
      unsubscribers.forEach((u) => u());
      for (const s of sockets) s.terminate();
      await app.close();
      // fastify closes only a server it made listen itself
      await listener?.close();
    },
  };
}
