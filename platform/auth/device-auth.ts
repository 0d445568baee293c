import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import {
  canonicalRequest,
  signatureHeaders,
  signatureWindowMs,
} from '../../contract/sync-protocol';
import { PlatformError } from '../platform-error';
import type { PlatformStore } from '../store/platform-store';

export interface SignedRequest {
  method: string;
  /** the path with its query string, exactly as the request line carried it */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  rawBody: Buffer;
}

/**
 * Verifies a device request's HMAC signature and returns the device id. The nonce is recorded only
 * after the signature checks out, so a forger cannot use up a device's nonces.
 */
export async function authenticateDevice(
  store: PlatformStore,
  req: SignedRequest,
  nowMs: number,
): Promise<string> {
  const header = (name: string): string => {
    const v = req.headers[name];
    const s = Array.isArray(v) ? v[0] : v;
    if (!s)
      throw new PlatformError(
        401,
        'unauthorized',
        `the request is not signed: header ${name} is missing`,
      );
    return s;
  };
  const deviceId = header(signatureHeaders.device);
  const timestampText = header(signatureHeaders.timestamp);
  const nonce = header(signatureHeaders.nonce);
  const signature = header(signatureHeaders.signature);

  const timestamp = Number(timestampText);
  if (!/^\d{1,16}$/.test(timestampText) || !Number.isSafeInteger(timestamp))
    throw new PlatformError(
      401,
      'unauthorized',
      `${signatureHeaders.timestamp} must be milliseconds since 1970`,
    );
  if (!/^[A-Za-z0-9_-]{16,128}$/.test(nonce))
    throw new PlatformError(
      401,
      'unauthorized',
      `${signatureHeaders.nonce} must be 16 to 128 URL-safe characters`,
    );

  const secret = await store.deviceSecret(deviceId);
  if (secret === null)
    throw new PlatformError(401, 'unknown-device', `device ${deviceId} is not registered`);

  const skew = timestamp - nowMs;
  if (Math.abs(skew) > signatureWindowMs)
    throw new PlatformError(
      401,
      'clock-skew',
      `the request timestamp is ${Math.round(skew / 1000)} s from the platform's clock (allowed ±${signatureWindowMs / 1000} s); correct the clock from the Date header and retry`,
    );

  const bodyHash = createHash('sha256').update(req.rawBody).digest('hex');
  const expected = createHmac('sha256', secret)
    .update(canonicalRequest(req.method, req.url, timestamp, nonce, bodyHash))
    .digest();
  const given = Buffer.from(signature, 'hex');
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    throw new PlatformError(
      401,
      'bad-signature',
      'the signature does not match the request (method, path, timestamp, nonce or body)',
    );

  // Kept for twice the window: any older timestamp is refused above, so the nonce cannot come back.
  if (!(await store.useNonce(deviceId, nonce, nowMs + 2 * signatureWindowMs)))
    throw new PlatformError(
      401,
      'replayed-nonce',
      'this nonce was already used: the request is a replay',
    );
  return deviceId;
}
