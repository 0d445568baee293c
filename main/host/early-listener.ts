import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';

type RequestHandler = (request: IncomingMessage, response: ServerResponse) => void;

/**
 * The browser host's port, bound before the station and the web server are loaded (that takes a
 * few hundred milliseconds on a small box). `npm start` can then open Chromium at once, and the
 * browser's own start-up overlaps the core's instead of following it. Requests and WebSocket
 * upgrades that arrive early wait here, unread, and are handed over once the host is ready; none
 * is answered before then, so nobody sees a half-started kiosk.
 */
export interface EarlyListener {
  server: Server;
  port: number;
  /**
   * Once the host is ready (its routes registered, its own 'upgrade' listener on `server`): gives
   * it the waiting requests and upgrades, and every later request.
   */
  handOver(handler: RequestHandler): void;
  close(): Promise<void>;
}

/** Binds 127.0.0.1:`port` (0 picks a free one). Only node:http is loaded here, on purpose. */
export async function listenEarly(port: number): Promise<EarlyListener> {
  const server = createServer();
  const requests: [IncomingMessage, ServerResponse][] = [];
  const upgrades: [IncomingMessage, Duplex, Buffer][] = [];
  const holdRequest = (request: IncomingMessage, response: ServerResponse): void => {
    requests.push([request, response]);
  };
  const holdUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    upgrades.push([request, socket, head]);
  };
  server.on('request', holdRequest);
  server.on('upgrade', holdUpgrade);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;

  return {
    server,
    port: bound,
    handOver(handler) {
      server.off('request', holdRequest);
      server.on('request', handler);
      for (const [request, response] of requests.splice(0)) handler(request, response);
      server.off('upgrade', holdUpgrade);
      for (const [request, socket, head] of upgrades.splice(0)) {
        if (socket.destroyed) continue;
        server.emit('upgrade', request, socket, head);
      }
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const [, response] of requests.splice(0)) response.destroy();
        for (const [, socket] of upgrades.splice(0)) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
