import type { z } from 'zod';
import {
  errorReplySchema,
  pullReplySchema,
  pushReplySchema,
  type OutboundTransaction,
  type PullReply,
  type PushReply,
} from '../../contract/sync-protocol';
import { parseRetryAfter } from './backoff';
import { ClockOffset } from './clock-offset';
import { signRequest } from './sign-request';
import { PlatformHttpError, PlatformReplyError, PlatformUnreachableError } from './sync-errors';

export interface PlatformLink {
  url: string;
  deviceId: string;
  secret: string;
}

export interface PlatformClientOptions {
  timeoutMs?: number;
  /** the local clock; tests set it days off to check the offset correction */
  localNow?: () => number;
}

/**
 * Signed HTTP to the platform: one method per protocol call, each reply checked against the
 * contract. A clock-skew refusal is retried once after learning the offset from the Date header.
 */
export class PlatformClient {
  readonly clock: ClockOffset;
  private readonly timeoutMs: number;
  private readonly base: string;

  constructor(
    private readonly link: PlatformLink,
    options: PlatformClientOptions = {},
  ) {
    this.clock = new ClockOffset(options.localNow ?? Date.now);
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.base = link.url.replace(/\/+$/, '');
  }

  async push(items: OutboundTransaction[], signal?: AbortSignal): Promise<PushReply> {
    const body = JSON.stringify({ items });
    const reply = await this.call('POST', '/v1/device/push', body, pushReplySchema, signal);
    // The reply must answer exactly these items, in order; anything else would mark the wrong rows.
    if (reply.results.length !== items.length)
      throw new PlatformReplyError(
        `the platform answered ${reply.results.length} results for ${items.length} transactions`,
      );
    reply.results.forEach((r, i) => {
      if (r.uuid !== items[i]?.uuid)
        throw new PlatformReplyError(
          `push result ${i} is for ${r.uuid}, expected ${items[i]?.uuid ?? '?'}`,
        );
    });
    return reply;
  }

  pull(cursor: number, limit: number, signal?: AbortSignal): Promise<PullReply> {
    return this.call(
      'GET',
      `/v1/device/pull?cursor=${cursor}&limit=${limit}`,
      '',
      pullReplySchema,
      signal,
    );
  }

  private async call<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: string,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    try {
      return await this.once(method, path, body, schema, signal);
    } catch (error) {
      if (error instanceof PlatformHttpError && error.code === 'clock-skew')
        return this.once(method, path, body, schema, signal);
      throw error;
    }
  }

  private async once<S extends z.ZodType>(
    method: 'GET' | 'POST',
    path: string,
    body: string,
    schema: S,
    signal?: AbortSignal,
  ): Promise<z.infer<S>> {
    const headers = {
      ...signRequest(this.link, method, path, body, this.clock.now()),
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    };
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const sentAt = this.clock.local();
    let response: Response;
    let text: string;
    try {
      response = await fetch(this.base + path, {
        method,
        headers,
        body: method === 'POST' ? body : undefined,
        signal: signal ? AbortSignal.any([timeout, signal]) : timeout,
      });
      text = await response.text();
    } catch (error) {
      const why = timeout.aborted
        ? `no reply within ${this.timeoutMs} ms`
        : signal?.aborted
          ? 'stopped'
          : describe(error);
      throw new PlatformUnreachableError(`${method} ${this.base}${path.split('?')[0]}: ${why}`);
    }
    this.clock.observe(response.headers.get('date'), sentAt, this.clock.local());
    if (!response.ok) throw httpError(method, path, response, text);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new PlatformReplyError(
        `${method} ${path.split('?')[0]}: the platform's reply is not JSON: ${text.slice(0, 120)}`,
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new PlatformReplyError(
        `${method} ${path.split('?')[0]}: the platform's reply does not match the protocol: ${parsed.error.issues
          .slice(0, 3)
          .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
          .join('; ')}`,
      );
    return parsed.data;
  }
}

function httpError(
  method: string,
  path: string,
  response: Response,
  text: string,
): PlatformHttpError {
  let code: string | null = null;
  let message = text.slice(0, 200);
  try {
    const e = errorReplySchema.safeParse(JSON.parse(text));
    if (e.success) {
      code = e.data.error.code;
      message = e.data.error.message;
    }
  } catch {
    // not JSON: keep the text as the message
  }
  return new PlatformHttpError(
    response.status,
    code,
    `${method} ${path.split('?')[0]}: HTTP ${response.status}${code ? ` ${code}` : ''}: ${message}`,
    parseRetryAfter(response.headers.get('retry-after'), Date.now()),
  );
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = (error as { cause?: unknown }).cause;
  const c =
    cause instanceof Error
      ? `${(cause as { code?: string }).code ?? ''} ${cause.message}`.trim()
      : '';
  return c ? `${error.message} (${c})` : error.message;
}
