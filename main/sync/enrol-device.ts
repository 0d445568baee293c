import {
  deviceCredentialsSchema,
  errorReplySchema,
  type DeviceCredentials,
} from '../../contract/sync-protocol';
import { PlatformHttpError, PlatformReplyError, PlatformUnreachableError } from './sync-errors';

/**
 * Exchanges a one-time enrolment code for this device's id and secret (POST /v1/enrol). A refusal
 * keeps the platform's own sentence (unknown, already used, or expired and when); no answer at all
 * is a PlatformUnreachableError naming the address and the network's reason.
 */
export async function enrolDevice(
  platformUrl: string,
  code: string,
  timeoutMs = 15_000,
): Promise<DeviceCredentials> {
  const url = `${platformUrl.replace(/\/+$/, '')}/v1/enrol`;
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
      signal: AbortSignal.timeout(timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw new PlatformUnreachableError(`cannot reach the platform at ${url}: ${why(error)}`);
  }
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    // handled below: neither an error reply nor credentials
  }
  if (!response.ok) {
    const e = errorReplySchema.safeParse(json);
    throw new PlatformHttpError(
      response.status,
      e.success ? e.data.error.code : null,
      `enrolment refused: ${e.success ? e.data.error.message : `HTTP ${response.status} from ${url}: ${text.slice(0, 120)}`}`,
      null,
    );
  }
  const parsed = deviceCredentialsSchema.safeParse(json);
  if (!parsed.success)
    throw new PlatformReplyError(
      `the enrolment reply from ${url} has no usable deviceId and secret: is this the city platform?`,
    );
  return parsed.data;
}

function why(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === 'TimeoutError') return 'no reply in time';
  const cause = (error as { cause?: unknown }).cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: string }).code;
    return code ? `${code} (${cause.message})` : cause.message;
  }
  return error.message;
}
