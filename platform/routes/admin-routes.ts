import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import {
  catalogueUploadSchema,
  changeKey,
  createDeviceRequestSchema,
  createEnrolmentCodeRequestSchema,
  creditSchema,
  creditUploadSchema,
  rosterUploadSchema,
  type ChangeKind,
  type Credit,
} from '../../contract/sync-protocol';
import { elderRecordSchema } from '../../contract/elder';
import { checkAdminToken } from '../auth/admin-auth';
import { PlatformError } from '../platform-error';
import type { PlatformStore, StoredChange } from '../store/platform-store';
import { issues, newDeviceId, newSecret } from './device-routes';
import { parseBody, type PlatformContext } from './route-context';

/** The admin side (bearer admin token): devices, enrolment codes, roster and catalogue, read-back. */
export function adminRoutes(
  app: FastifyInstance,
  store: PlatformStore,
  ctx: PlatformContext,
): void {
  app.addHook('onRequest', async (req) => {
    if (req.url.startsWith('/v1/admin/'))
      checkAdminToken(req.headers.authorization, ctx.adminToken);
  });

  app.post('/v1/admin/devices', async (req, reply) => {
    const { name } = parseBody(createDeviceRequestSchema, req.body ?? {});
    const device = {
      id: newDeviceId(),
      secret: newSecret(),
      name: name ?? null,
      createdAt: new Date(ctx.now()).toISOString(),
    };
    await store.createDevice(device);
    return reply.code(201).send({ deviceId: device.id, secret: device.secret });
  });

  app.post('/v1/admin/enrolment-codes', async (req, reply) => {
    const { name, ttlMinutes } = parseBody(createEnrolmentCodeRequestSchema, req.body ?? {});
    const code = enrolmentCode();
    const expiresAt = new Date(ctx.now() + (ttlMinutes ?? 1440) * 60_000).toISOString();
    await store.createEnrolmentCode(code, name ?? null, expiresAt);
    return reply.code(201).send({ code, expiresAt });
  });

  app.post('/v1/admin/roster', async (req) => {
    const records = parseBody(rosterUploadSchema, req.body);
    const rejected: { index: number; issues: string[] }[] = [];
    const changes: Omit<StoredChange, 'cursor'>[] = [];
    records.forEach((record, index) => {
      const parsed = elderRecordSchema.safeParse(record);
      if (parsed.success)
        changes.push({ kind: 'elder', key: parsed.data.id, dataJson: JSON.stringify(parsed.data) });
      else rejected.push({ index, issues: issues(parsed.error) });
    });
    await store.appendChanges(changes);
    return { accepted: changes.length, rejected };
  });

  app.post('/v1/admin/catalogue', async (req) => {
    const upload = parseBody(catalogueUploadSchema, req.body);
    const changes: Omit<StoredChange, 'cursor'>[] = [];
    const add = (kind: ChangeKind, list: unknown[] | undefined): void => {
      for (const data of list ?? [])
        changes.push({
          kind,
          key: changeKey({ kind, data } as Parameters<typeof changeKey>[0]),
          dataJson: JSON.stringify(data),
        });
    };
    // Order matters for a kiosk applying a fresh pull: dishes before the menus that name them.
    add('dish', upload.dishes);
    add('menu-item', upload.menuItems);
    add('service', upload.services);
    add('service-slot', upload.serviceSlots);
    add('policy-pack', upload.policyPacks);
    for (const w of upload.withdraw ?? [])
      changes.push({ kind: w.kind, key: w.key, dataJson: null });
    await store.appendChanges(changes);
    return { accepted: changes.length };
  });

  app.post('/v1/admin/credits', async (req) => {
    const items = parseBody(creditUploadSchema, req.body);
    const rejected: { index: number; issues: string[] }[] = [];
    const good: { index: number; change: Omit<StoredChange, 'cursor'> }[] = [];
    items.forEach((item, index) => {
      const parsed = creditSchema.safeParse(item);
      if (!parsed.success) rejected.push({ index, issues: issues(parsed.error) });
      else good.push({ index, change: creditChange(parsed.data) });
    });
    const outcomes = await store.appendNewChanges(good.map((g) => g.change));
    outcomes.forEach((outcome, i) => {
      if (outcome === 'conflict')
        rejected.push({
          index: good[i]?.index ?? -1,
          issues: [
            'id: a different credit with this id is already held; a credit is never changed, send a new one',
          ],
        });
    });
    rejected.sort((a, b) => a.index - b.index);
    return {
      accepted: outcomes.filter((o) => o === 'accepted').length,
      duplicate: outcomes.filter((o) => o === 'duplicate').length,
      rejected,
    };
  });

  app.get('/v1/admin/transactions', async (req) => {
    const { deviceId } = req.query as { deviceId?: string };
    if (!deviceId)
      throw new PlatformError(400, 'bad-request', 'query parameter deviceId is required');
    return { items: await store.listTransactions(deviceId) };
  });

  app.get('/v1/admin/stats', async () => store.stats());
}

const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** XXXX-XXXX-XXXX without 0/O and 1/I, so a technician can read it aloud over the phone. */
function enrolmentCode(): string {
  const group = (): string =>
    Array.from({ length: 4 }, () => alphabet[randomInt(alphabet.length)]).join('');
  return `${group()}-${group()}-${group()}`;
}

/** A credit as a change, its fields in a fixed order so the same credit is always the same text. */
function creditChange(c: Credit): Omit<StoredChange, 'cursor'> {
  const data: Credit = {
    id: c.id,
    elderId: c.elderId,
    account: c.account,
    amountFen: c.amountFen,
    funder: c.funder,
    memo: c.memo,
    issuedAt: c.issuedAt,
  };
  return { kind: 'credit', key: c.id, dataJson: JSON.stringify(data) };
}
