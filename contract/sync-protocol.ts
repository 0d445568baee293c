import { z } from 'zod';
import { elderRecordSchema } from './elder';

/**
 * The wire format between a kiosk and the city platform (docs/sync-protocol.md). Both sides parse
 * with these schemas, and docs/schemas/*.json are generated from them, so the three never drift.
 * Kept free of Node: the HMAC itself is computed by each side; only the canonical text is here.
 */

// ---- signing -------------------------------------------------------------------------------

export const signatureHeaders = {
  device: 'x-yiyang-device',
  timestamp: 'x-yiyang-timestamp',
  nonce: 'x-yiyang-nonce',
  signature: 'x-yiyang-signature',
} as const;

/** How far a request's timestamp may be from the platform's clock. */
export const signatureWindowMs = 5 * 60 * 1000;

/**
 * The text that is signed: method, path with query, timestamp (ms since epoch), nonce and the
 * hex SHA-256 of the body, one per line. Signing the path and body hash binds the signature to
 * exactly one request; the timestamp and nonce make a captured request useless later.
 */
export function canonicalRequest(
  method: string,
  pathWithQuery: string,
  timestampMs: number,
  nonce: string,
  bodySha256Hex: string,
): string {
  return [method.toUpperCase(), pathWithQuery, String(timestampMs), nonce, bodySha256Hex].join(
    '\n',
  );
}

// ---- errors --------------------------------------------------------------------------------

export const errorCodes = [
  'bad-request',
  'unauthorized',
  'bad-signature',
  'clock-skew',
  'replayed-nonce',
  'unknown-device',
  'bad-enrolment-code',
  'not-found',
  'too-large',
  'internal',
] as const;

/** Every non-2xx reply from the platform. */
export const errorReplySchema = z
  .object({
    error: z.object({
      code: z.enum(errorCodes),
      message: z.string(),
      /** per-index problems for admin uploads */
      details: z
        .array(z.object({ index: z.number().int(), issues: z.array(z.string()) }))
        .optional(),
    }),
  })
  .meta({ title: 'ErrorReply' });
export type ErrorReply = z.infer<typeof errorReplySchema>;

// ---- devices and enrolment ---------------------------------------------------------------

export const createDeviceRequestSchema = z
  .object({ name: z.string().min(1).max(120).optional() })
  .strict()
  .meta({ title: 'CreateDeviceRequest' });

export const deviceCredentialsSchema = z
  .object({
    deviceId: z.string().min(1).max(64),
    secret: z.string().min(32).max(128),
  })
  .meta({ title: 'DeviceCredentials' });
export type DeviceCredentials = z.infer<typeof deviceCredentialsSchema>;

export const createEnrolmentCodeRequestSchema = z
  .object({
    name: z.string().min(1).max(120).optional(),
    /** minutes until the code expires; default 1440 (one day) */
    ttlMinutes: z
      .number()
      .int()
      .min(1)
      .max(60 * 24 * 30)
      .optional(),
  })
  .strict()
  .meta({ title: 'CreateEnrolmentCodeRequest' });

export const enrolmentCodeSchema = z
  .object({
    code: z.string().regex(/^[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/),
    expiresAt: z.string(),
  })
  .meta({ title: 'EnrolmentCode' });

export const enrolRequestSchema = z
  .object({ code: z.string().min(1).max(32) })
  .strict()
  .meta({ title: 'EnrolRequest' });

// ---- push ----------------------------------------------------------------------------------

/** A transaction type: dotted lower-case words, e.g. `meal.order`, `help.call`. */
export const transactionTypeSchema = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/,
    'expected a dotted lower-case type like meal.order',
  );

export const outboundTransactionSchema = z
  .object({
    uuid: z.uuid(),
    seq: z.number().int().min(1),
    type: transactionTypeSchema,
    payload: z.record(z.string(), z.unknown()),
    /** station time as ISO with offset, from the device's own clock */
    deviceTime: z.iso.datetime({ offset: true }),
  })
  .strict()
  .meta({ title: 'OutboundTransaction' });
export type OutboundTransaction = z.infer<typeof outboundTransactionSchema>;

/** Bounds that both sides know: the kiosk batches within them and the platform refuses beyond. */
export const pushLimits = { maxItems: 500, maxBodyBytes: 1024 * 1024 } as const;

/**
 * The push body. Items are checked one by one, not here, so that one malformed item is rejected
 * with its reason while the rest of the batch is stored.
 */
export const pushRequestSchema = z
  .object({ items: z.array(z.unknown()).min(1).max(pushLimits.maxItems) })
  .strict()
  .meta({ title: 'PushRequest', description: 'each item should be an OutboundTransaction' });

export const pushResultSchema = z.discriminatedUnion('status', [
  z.object({ uuid: z.string(), status: z.literal('accepted') }),
  /** the platform already held this uuid from this device with the same content: a success */
  z.object({ uuid: z.string(), status: z.literal('duplicate') }),
  z.object({ uuid: z.string(), status: z.literal('rejected'), reason: z.string().min(1) }),
]);
export type PushResult = z.infer<typeof pushResultSchema>;

export const pushReplySchema = z
  .object({
    /** one per request item, in the same order */
    results: z.array(pushResultSchema),
  })
  .meta({ title: 'PushReply' });
export type PushReply = z.infer<typeof pushReplySchema>;

// ---- pull ----------------------------------------------------------------------------------

export const dishSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(80),
    icon: z.string().min(1).max(80),
    tags: z.array(z.string()),
    priceFen: z.number().int().min(0),
  })
  .strict();

export const menuItemSchema = z
  .object({
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    sitting: z.enum(['lunch', 'dinner']),
    dishId: z.string().min(1),
    portions: z.number().int().min(0),
    /** ISO time with offset after which the sitting takes no more orders */
    cutoff: z.string().min(1),
  })
  .strict();

export const serviceSchema = z
  .object({
    id: z.string().min(1).max(64),
    name: z.string().min(1).max(80),
    icon: z.string().min(1).max(80),
    durationMinutes: z.number().int().min(1),
    priceFen: z.number().int().min(0),
    description: z.string(),
  })
  .strict();

export const serviceSlotSchema = z
  .object({
    id: z.string().min(1).max(64),
    serviceId: z.string().min(1),
    startsAt: z.string().min(1),
    capacity: z.number().int().min(0),
    booked: z.number().int().min(0),
  })
  .strict();

export const policyPackRefSchema = z
  .object({
    id: z.string().min(1).max(64),
    version: z.string().min(1).max(40),
    /** the pack's data as the policy engine reads it; opaque to sync */
    body: z.record(z.string(), z.unknown()),
  })
  .strict();

/**
 * Money the platform grants an elder (a monthly 助餐补贴, a service voucher top-up), identified by
 * the platform's own uuid. A credit is never changed or withdrawn: the station posts it into its
 * append-only ledger once (a credit pulled again is not posted again), and a correction is a new
 * credit. The station's balance is its own ledger's sum, never a figure sent down to overwrite it.
 */
export const creditSchema = z
  .object({
    id: z.uuid(),
    elderId: z.string().min(1).max(64),
    /** the elder's account it goes into: 补贴余额 or the meal wallet */
    account: z.enum(['subsidy-balance', 'meal-wallet']),
    /** whole fen, more than zero */
    amountFen: z.number().int().min(1).max(100_000_000),
    /** who pays it, as the ledger's funder accounts */
    funder: z.enum(['government', 'enterprise', 'charity']),
    /** what it is, for staff and the ledger, e.g. 2026年11月助餐补贴 */
    memo: z.string().min(1).max(120),
    issuedAt: z.iso.datetime({ offset: true }),
  })
  .strict()
  .meta({ title: 'Credit' });

export type Dish = z.infer<typeof dishSchema>;
export type MenuItem = z.infer<typeof menuItemSchema>;
export type Service = z.infer<typeof serviceSchema>;
export type ServiceSlot = z.infer<typeof serviceSlotSchema>;
export type PolicyPackRef = z.infer<typeof policyPackRefSchema>;
export type Credit = z.infer<typeof creditSchema>;

/** Each change carries its key and the new data, or null when the thing was withdrawn. */
const change = <K extends string, T extends z.ZodType>(kind: K, data: T) =>
  z.object({
    cursor: z.number().int().min(1),
    kind: z.literal(kind),
    key: z.string().min(1),
    data: data.nullable(),
  });

export const changeSchema = z.discriminatedUnion('kind', [
  change('elder', elderRecordSchema),
  change('dish', dishSchema),
  change('menu-item', menuItemSchema),
  change('service', serviceSchema),
  change('service-slot', serviceSlotSchema),
  change('policy-pack', policyPackRefSchema),
  // Credits are never withdrawn, so their data is never null.
  z.object({
    cursor: z.number().int().min(1),
    kind: z.literal('credit'),
    key: z.string().min(1),
    data: creditSchema,
  }),
]);
export type Change = z.infer<typeof changeSchema>;
export type ChangeKind = Change['kind'];

export const pullLimits = { defaultLimit: 500, maxLimit: 2000 } as const;

export const pullReplySchema = z
  .object({
    changes: z.array(changeSchema),
    /** pass this back as ?cursor= next time; equal to the request's when nothing is new */
    cursor: z.number().int().min(0),
    /** more changes wait beyond this page */
    more: z.boolean(),
  })
  .meta({ title: 'PullReply' });
export type PullReply = z.infer<typeof pullReplySchema>;

/** Keys the platform uses for each kind, so a later change of the same thing replaces it. */
export function changeKey(c: Omit<Change, 'cursor' | 'key'> & { data: unknown }): string {
  const d = c.data as Record<string, unknown>;
  switch (c.kind) {
    case 'menu-item':
      return `${String(d.date)}/${String(d.sitting)}/${String(d.dishId)}`;
    default:
      return String(d.id);
  }
}

// ---- admin ---------------------------------------------------------------------------------

export const rosterUploadSchema = z
  .array(z.unknown())
  .max(100_000)
  .meta({ title: 'RosterUpload', description: 'each item should be an elder record' });

export const rosterUploadReplySchema = z
  .object({
    accepted: z.number().int(),
    rejected: z.array(z.object({ index: z.number().int(), issues: z.array(z.string()) })),
  })
  .meta({ title: 'RosterUploadReply' });

export const catalogueUploadSchema = z
  .object({
    dishes: z.array(dishSchema).optional(),
    menuItems: z.array(menuItemSchema).optional(),
    services: z.array(serviceSchema).optional(),
    serviceSlots: z.array(serviceSlotSchema).optional(),
    policyPacks: z.array(policyPackRefSchema).optional(),
    /** keys to withdraw, by kind (credits are never withdrawn) */
    withdraw: z
      .array(
        z.object({
          kind: z.enum(['elder', 'dish', 'menu-item', 'service', 'service-slot', 'policy-pack']),
          key: z.string().min(1),
        }),
      )
      .optional(),
  })
  .strict()
  .meta({ title: 'CatalogueUpload' });
export type CatalogueUpload = z.infer<typeof catalogueUploadSchema>;

/** POST /v1/admin/credits: each item should be a Credit; each is checked on its own. */
export const creditUploadSchema = z
  .array(z.unknown())
  .min(1)
  .max(100_000)
  .meta({ title: 'CreditUpload', description: 'each item should be a Credit' });

export const creditUploadReplySchema = z
  .object({
    /** new credits, now waiting for the stations' next pull */
    accepted: z.number().int(),
    /** credits already held with the same content (a resent upload): nothing changes */
    duplicate: z.number().int(),
    /** malformed items, and ids already held with different content */
    rejected: z.array(z.object({ index: z.number().int(), issues: z.array(z.string()) })),
  })
  .meta({ title: 'CreditUploadReply' });

export const storedTransactionSchema = z
  .object({
    uuid: z.string(),
    seq: z.number().int(),
    type: z.string(),
    payload: z.record(z.string(), z.unknown()),
    deviceTime: z.string(),
    receivedAt: z.string(),
  })
  .meta({ title: 'StoredTransaction' });
export type StoredTransaction = z.infer<typeof storedTransactionSchema>;

export const transactionListSchema = z
  .object({ items: z.array(storedTransactionSchema) })
  .meta({ title: 'TransactionList' });

export const platformStatsSchema = z
  .object({
    devices: z.number().int(),
    transactions: z.number().int(),
    /** pushes of an already-held uuid: expected after lost acks, a sign of trouble if frequent */
    duplicates: z.number().int(),
    rejected: z.number().int(),
  })
  .meta({ title: 'PlatformStats' });
export type PlatformStats = z.infer<typeof platformStatsSchema>;

/** The schemas published as docs/schemas/<name>.json. */
export const publishedSchemas = {
  'error-reply': errorReplySchema,
  'create-device-request': createDeviceRequestSchema,
  'device-credentials': deviceCredentialsSchema,
  'create-enrolment-code-request': createEnrolmentCodeRequestSchema,
  'enrolment-code': enrolmentCodeSchema,
  'enrol-request': enrolRequestSchema,
  'outbound-transaction': outboundTransactionSchema,
  'push-request': pushRequestSchema,
  'push-reply': pushReplySchema,
  'pull-reply': pullReplySchema,
  'roster-upload': rosterUploadSchema,
  'roster-upload-reply': rosterUploadReplySchema,
  'catalogue-upload': catalogueUploadSchema,
  credit: creditSchema,
  'credit-upload': creditUploadSchema,
  'credit-upload-reply': creditUploadReplySchema,
  'transaction-list': transactionListSchema,
  'platform-stats': platformStatsSchema,
} as const;
