import Fastify, { type FastifyInstance } from 'fastify';
import { pushLimits } from '../contract/sync-protocol';
import { PlatformError } from './platform-error';
import { adminRoutes } from './routes/admin-routes';
import { deviceRoutes } from './routes/device-routes';
import type { PlatformContext } from './routes/route-context';
import type { PlatformStore } from './store/platform-store';

declare module 'fastify' {
  interface FastifyRequest {
    /** the body bytes as received: the signature covers these, not a re-serialisation */
    rawBody?: Buffer;
  }
}

/** Builds the reference platform's HTTP app over a store. Does not listen. */
export function buildPlatform(store: PlatformStore, ctx: PlatformContext): FastifyInstance {
  // Admin uploads (a district's roster) may be large; device pushes have their own, smaller limit.
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 });

  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const raw = body as Buffer;
    req.rawBody = raw;
    if (raw.length === 0) return done(null, undefined);
    try {
      done(null, JSON.parse(raw.toString('utf8')) as unknown);
    } catch (error) {
      done(
        new PlatformError(
          400,
          'bad-request',
          `the body is not valid JSON: ${(error as Error).message}`,
        ),
        undefined,
      );
    }
  });

  app.setErrorHandler((error, _req, reply) => {
    if (error instanceof PlatformError) return reply.code(error.status).send(error.reply());
    const status = (error as { statusCode?: number }).statusCode;
    if (status === 413)
      return reply.code(413).send({
        error: {
          code: 'too-large',
          message: `the body is larger than this endpoint takes (pushes: ${pushLimits.maxBodyBytes} bytes)`,
        },
      });
    if (status && status >= 400 && status < 500)
      return reply
        .code(status)
        .send({ error: { code: 'bad-request', message: (error as Error).message } });
    process.stderr.write(`platform: internal error: ${(error as Error).stack ?? String(error)}\n`);
    return reply.code(500).send({
      error: {
        code: 'internal',
        message: 'the platform failed to handle the request; retry later',
      },
    });
  });

  app.setNotFoundHandler((req, reply) =>
    reply.code(404).send({
      error: { code: 'not-found', message: `no route ${req.method} ${req.url.split('?')[0]}` },
    }),
  );

  app.get('/v1/health', async () => ({ ok: true, backend: store.backend }));
  adminRoutes(app, store, ctx);
  deviceRoutes(app, store, ctx);
  return app;
}
