import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import {
  enrolRequestSchema,
  outboundTransactionSchema,
  pullLimits,
  pushLimits,
  pullReplySchema,
  pushRequestSchema,
  type PullReply,
  type PushReply,
  type PushResult,
} from '../../contract/sync-protocol';
import { authenticateDevice } from '../auth/device-auth';
import { PlatformError } from '../platform-error';
import type { IngestRow, PlatformStore } from '../store/platform-store';
import { parseBody, type PlatformContext } from './route-context';

/** The device side: enrolment, signed push and signed pull. */
export function deviceRoutes(
  app: FastifyInstance,
  store: PlatformStore,
  ctx: PlatformContext,
): void {
  const authenticate = (req: FastifyRequest): Promise<string> =>
    authenticateDevice(
      store,
      {
        method: req.method,
        url: req.url,
        headers: req.headers,
        rawBody: req.rawBody ?? Buffer.alloc(0),
      },
      ctx.now(),
    );

  app.post('/v1/enrol', async (req, reply) => {
    const { code } = parseBody(enrolRequestSchema, req.body);
    const device = {
      id: newDeviceId(),
      secret: newSecret(),
      name: null,
      createdAt: new Date(ctx.now()).toISOString(),
    };
    const given = code.trim().toUpperCase();
    const outcome = await store.redeemEnrolmentCode(given, device, device.createdAt);
    if (!outcome.ok)
      throw new PlatformError(
        403,
        'bad-enrolment-code',
        outcome.why === 'expired'
          ? `the enrolment code ${given} expired at ${outcome.expiresAt}: ask the platform administrator for a new one`
          : outcome.why === 'used'
            ? `the enrolment code ${given} was already used: ask the platform administrator for a new one`
            : `the enrolment code ${given} is unknown: check that it was read and typed right`,
      );
    return reply.code(201).send({ deviceId: device.id, secret: device.secret });
  });

  app.post(
    '/v1/device/push',
    { bodyLimit: pushLimits.maxBodyBytes },
    async (req): Promise<PushReply> => {
      const deviceId = await authenticate(req);
      const { items } = parseBody(pushRequestSchema, req.body);
      const results: (PushResult | null)[] = items.map(() => null);
      const rows: IngestRow[] = [];
      const rowIndex: number[] = [];
      items.forEach((item, index) => {
        const parsed = outboundTransactionSchema.safeParse(item);
        if (!parsed.success) {
          const uuid =
            typeof (item as { uuid?: unknown })?.uuid === 'string'
              ? (item as { uuid: string }).uuid
              : `#${index}`;
          results[index] = {
            uuid,
            status: 'rejected',
            reason: `invalid transaction: ${issues(parsed.error).join('; ')}`,
          };
          return;
        }
        const t = parsed.data;
        rows.push({
          uuid: t.uuid,
          seq: t.seq,
          type: t.type,
          payloadJson: JSON.stringify(t.payload),
          deviceTime: t.deviceTime,
          digest: createHash('sha256')
            .update(JSON.stringify([t.uuid, t.seq, t.type, t.payload, t.deviceTime]))
            .digest('hex'),
        });
        rowIndex.push(index);
      });
      const outcomes =
        rows.length > 0
          ? await store.ingest(deviceId, rows, new Date(ctx.now()).toISOString())
          : [];
      outcomes.forEach((outcome, i) => {
        const row = rows[i] as IngestRow;
        results[rowIndex[i] as number] =
          outcome === 'conflict'
            ? {
                uuid: row.uuid,
                status: 'rejected',
                reason: 'this uuid is already held from this device with different content',
              }
            : { uuid: row.uuid, status: outcome };
      });
      const invalid =
        results.filter((r) => r?.status === 'rejected').length -
        outcomes.filter((o) => o === 'conflict').length;
      await store.countRejected(invalid);
      return { results: results as PushResult[] };
    },
  );

  app.get('/v1/device/pull', async (req): Promise<PullReply> => {
    await authenticate(req);
    const q = req.query as Record<string, string | undefined>;
    const cursor = intParam(q.cursor ?? '0', 'cursor', 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(
      q.limit ?? String(pullLimits.defaultLimit),
      'limit',
      1,
      pullLimits.maxLimit,
    );
    const rows = await store.changesSince(cursor, limit + 1);
    const page = rows.slice(0, limit);
    const reply = {
      changes: page.map((c) => ({
        cursor: c.cursor,
        kind: c.kind,
        key: c.key,
        data: c.dataJson === null ? null : (JSON.parse(c.dataJson) as unknown),
      })),
      cursor: page.at(-1)?.cursor ?? cursor,
      more: rows.length > limit,
    };
    // Checked on the way out too: a bad row in the platform's own store must not reach a kiosk.
    return pullReplySchema.parse(reply);
  });
}

function intParam(text: string, name: string, min: number, max: number): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < min || n > max)
    throw new PlatformError(
      400,
      'bad-request',
      `query parameter ${name} must be an integer from ${min} to ${max}`,
    );
  return n;
}

export function issues(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : '(root)'}: ${i.message}`);
}

export function newDeviceId(): string {
  return `dev_${randomBytes(8).toString('hex')}`;
}

export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}
