import {
  deviceCredentialsSchema,
  errorReplySchema,
  type DeviceCredentials,
} from '../../contract/sync-protocol';
import { PlatformHttpError, PlatformReplyError } from './sync-errors';

/** Exchanges a one-time enrolment code for this device's id and secret (POST /v1/enrol). */
export async function enrolDevice(
  platformUrl: string,
  code: string,
  timeoutMs = 15_000,
): Promise<DeviceCredentials> {
  const response = await fetch(`${platformUrl.replace(/\/+$/, '')}/v1/enrol`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const json: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const e = errorReplySchema.safeParse(json);
    throw new PlatformHttpError(
      response.status,
      e.success ? e.data.error.code : null,
      `enrolment refused: ${e.success ? e.data.error.message : `HTTP ${response.status}`}`,
      null,
    );
  }
  const parsed = deviceCredentialsSchema.safeParse(json);
  if (!parsed.success)
    throw new PlatformReplyError('the enrolment reply has no usable deviceId and secret');
  return parsed.data;
}
