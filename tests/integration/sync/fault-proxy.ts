import { createConnection, createServer, type Server, type Socket } from 'node:net';

/**
 * A small TCP proxy in front of the platform that misbehaves on purpose:
 * - pass: forwards both ways
 * - refuse: resets every connection at once (the platform looks down)
 * - http500 / retry-after: answers every request itself with a 500, or a 503 with Retry-After
 *   (`retryAfter`, 1 s by default)
 * - bad-reply: answers 200 with a reply that does not answer the request (no results)
 * - slow: forwards the request, holds the reply back for delayMs (longer than the client's timeout)
 * - drop-reply: forwards the request, then resets the client when the reply comes: the platform
 *   has committed, the kiosk never hears (a lost ack)
 * Changing the mode cuts every open connection, so a kept-alive socket cannot dodge the new mode.
 */
export type ProxyMode =
  'pass' | 'refuse' | 'http500' | 'retry-after' | 'bad-reply' | 'slow' | 'drop-reply';

export class FaultProxy {
  mode: ProxyMode = 'pass';
  delayMs = 3000;
  /** the Retry-After header value in 'retry-after' mode */
  retryAfter = '1';
  /** requests that met each mode */
  readonly hits = new Map<ProxyMode, number>();
  /** when each request met a misbehaving mode (ms since 1970), in order */
  readonly hitTimes: { mode: ProxyMode; at: number }[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(targetPort: number): Promise<FaultProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const proxy = new FaultProxy(server, typeof address === 'object' && address ? address.port : 0);
    server.on('connection', (client) => proxy.handle(client, targetPort));
    return proxy;
  }

  setMode(mode: ProxyMode): void {
    this.mode = mode;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  private count(mode: ProxyMode): void {
    this.hits.set(mode, (this.hits.get(mode) ?? 0) + 1);
    this.hitTimes.push({ mode, at: Date.now() });
  }

  private handle(client: Socket, targetPort: number): void {
    const mode = this.mode;
    this.sockets.add(client);
    client.on('close', () => this.sockets.delete(client));
    client.on('error', () => undefined);
    if (mode === 'refuse') {
      this.count(mode);
      client.resetAndDestroy();
      return;
    }
    if (mode === 'http500' || mode === 'retry-after' || mode === 'bad-reply') {
      client.once('data', () => {
        this.count(mode);
        const body =
          mode === 'bad-reply'
            ? JSON.stringify({ results: [] })
            : JSON.stringify({
                error: { code: 'internal', message: 'injected by the fault proxy' },
              });
        const status =
          mode === 'http500'
            ? '500 Internal Server Error'
            : mode === 'bad-reply'
              ? '200 OK'
              : `503 Service Unavailable\r\nRetry-After: ${this.retryAfter}`;
        client.end(
          `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      });
      return;
    }
    const upstream = createConnection({ host: '127.0.0.1', port: targetPort });
    this.sockets.add(upstream);
    upstream.on('close', () => {
      this.sockets.delete(upstream);
      client.destroy();
    });
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => {
      if (mode === 'drop-reply') {
        this.count(mode);
        client.resetAndDestroy();
        upstream.destroy();
      } else if (mode === 'slow') {
        this.count(mode);
        setTimeout(() => client.writable && client.write(chunk), this.delayMs);
      } else client.write(chunk);
    });
  }

  async close(): Promise<void> {
    this.setMode('pass');
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
