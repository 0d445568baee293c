import { createServer, request, type Server } from 'node:http';

/**
 * An HTTP proxy in front of the platform that holds each request for `delayMs` before forwarding
 * it and records the most requests it ever had open at once. Used to prove that two kiosk
 * processes on one data dir never sync at the same time: with the lock, at most one is ever open.
 */
export class OverlapProxy {
  open = 0;
  maxOpen = 0;
  requests = 0;

  private constructor(
    private readonly server: Server,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(targetPort: number, delayMs: number): Promise<OverlapProxy> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const proxy = new OverlapProxy(
      server,
      typeof address === 'object' && address ? address.port : 0,
    );
    server.on('request', (req, res) => {
      proxy.open += 1;
      proxy.requests += 1;
      proxy.maxOpen = Math.max(proxy.maxOpen, proxy.open);
      let closed = false;
      const done = (): void => {
        if (closed) return;
        closed = true;
        proxy.open -= 1;
      };
      res.on('close', done);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        setTimeout(() => {
          const upstream = request(
            {
              host: '127.0.0.1',
              port: targetPort,
              method: req.method,
              path: req.url,
              headers: req.headers,
            },
            (reply) => {
              res.writeHead(reply.statusCode ?? 502, reply.headers);
              reply.pipe(res);
            },
          );
          upstream.on('error', () => res.destroy());
          upstream.end(Buffer.concat(chunks));
        }, delayMs);
      });
    });
    return proxy;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
