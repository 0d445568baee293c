import { createHash, createHmac, randomBytes } from 'node:crypto';
import { canonicalRequest, signatureHeaders } from '../../contract/sync-protocol';

/** The four headers that sign one device request (docs/sync-protocol.md, "Signing"). */
export function signRequest(
  credentials: { deviceId: string; secret: string },
  method: string,
  pathWithQuery: string,
  body: string | Buffer,
  timestampMs: number,
  nonce: string = randomBytes(16).toString('base64url'),
): Record<string, string> {
  const bodyHash = createHash('sha256').update(body).digest('hex');
  const signature = createHmac('sha256', credentials.secret)
    .update(canonicalRequest(method, pathWithQuery, Math.round(timestampMs), nonce, bodyHash))
    .digest('hex');
  return {
    [signatureHeaders.device]: credentials.deviceId,
    [signatureHeaders.timestamp]: String(Math.round(timestampMs)),
    [signatureHeaders.nonce]: nonce,
    [signatureHeaders.signature]: signature,
  };
}
