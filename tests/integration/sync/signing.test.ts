import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../../main/sync/sign-request';
import { enrolDevice } from '../../../main/sync/enrol-device';
import type { DeviceCredentials } from '../../../contract/sync-protocol';
import type { PlatformProcess } from '../../support/platform-process';
import { backends, freshPlatform, stopPostgres } from './backends';

const item = () => ({
  uuid: randomUUID(),
  seq: 1,
  type: 'meal.order',
  payload: { elderId: 'e1', priceFen: 800 },
  deviceTime: '2026-11-23T12:00:00.000+08:00',
});

async function send(
  platform: PlatformProcess,
  headers: Record<string, string>,
  body: string,
  path = '/v1/device/push',
): Promise<{ status: number; code: string | undefined }> {
  const r = await fetch(platform.url + path, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body,
  });
  const json = (await r.json()) as { error?: { code: string } };
  return { status: r.status, code: json.error?.code };
}

afterAll(stopPostgres);

describe.each(backends)('request signing and enrolment on %s', (backend) => {
  let platform: PlatformProcess;
  let device: DeviceCredentials;

  beforeAll(async () => {
    platform = await freshPlatform(backend);
    device = await platform.createDevice('signing test');
  });
  afterAll(() => platform.stop());

  it('accepts a correctly signed push', async () => {
    const body = JSON.stringify({ items: [item()] });
    const r = await send(
      platform,
      signRequest(device, 'POST', '/v1/device/push', body, Date.now()),
      body,
    );
    expect(r.status).toBe(200);
  });

  it('refuses a tampered body', async () => {
    const body = JSON.stringify({ items: [item()] });
    const headers = signRequest(device, 'POST', '/v1/device/push', body, Date.now());
    const r = await send(platform, headers, body.replace('800', '1'));
    expect(r).toEqual({ status: 401, code: 'bad-signature' });
  });

  it('refuses a stale timestamp (six minutes old) and a future one', async () => {
    const body = JSON.stringify({ items: [item()] });
    for (const t of [Date.now() - 6 * 60_000, Date.now() + 6 * 60_000]) {
      const r = await send(platform, signRequest(device, 'POST', '/v1/device/push', body, t), body);
      expect(r).toEqual({ status: 401, code: 'clock-skew' });
    }
  });

  it('refuses a replayed nonce, even with a fresh signature over the same nonce', async () => {
    const body = JSON.stringify({ items: [item()] });
    const headers = signRequest(device, 'POST', '/v1/device/push', body, Date.now());
    expect((await send(platform, headers, body)).status).toBe(200);
    expect(await send(platform, headers, body)).toEqual({ status: 401, code: 'replayed-nonce' });
    const nonce = headers['x-yiyang-nonce'] as string;
    const again = signRequest(device, 'POST', '/v1/device/push', body, Date.now() + 1000, nonce);
    expect(await send(platform, again, body)).toEqual({ status: 401, code: 'replayed-nonce' });
  });

  it('refuses a request whose method was changed after signing', async () => {
    const body = JSON.stringify({ items: [item()] });
    // Signed as a GET of the same path with the same body: sent as POST, the canonical text differs.
    const asGet = signRequest(device, 'GET', '/v1/device/push', body, Date.now());
    expect(await send(platform, asGet, body)).toEqual({ status: 401, code: 'bad-signature' });
    // A pull signed as POST and sent as GET.
    const headers = signRequest(device, 'POST', '/v1/device/pull?cursor=0', '', Date.now());
    const r = await fetch(`${platform.url}/v1/device/pull?cursor=0`, { headers });
    expect(r.status).toBe(401);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('bad-signature');
  });

  it('refuses a signature made for another path, a wrong secret and an unknown device', async () => {
    const body = JSON.stringify({ items: [item()] });
    const otherPath = signRequest(device, 'POST', '/v1/device/pull', body, Date.now());
    expect(await send(platform, otherPath, body)).toEqual({ status: 401, code: 'bad-signature' });
    const wrong = signRequest(
      { ...device, secret: 'x'.repeat(43) },
      'POST',
      '/v1/device/push',
      body,
      Date.now(),
    );
    expect(await send(platform, wrong, body)).toEqual({ status: 401, code: 'bad-signature' });
    const unknown = signRequest(
      { deviceId: 'dev_nobody', secret: device.secret },
      'POST',
      '/v1/device/push',
      body,
      Date.now(),
    );
    expect(await send(platform, unknown, body)).toEqual({ status: 401, code: 'unknown-device' });
    expect(await send(platform, {}, body)).toEqual({ status: 401, code: 'unauthorized' });
  });

  it('refuses admin calls without the admin token', async () => {
    const r = await fetch(`${platform.url}/v1/admin/devices`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope-nope' },
    });
    expect(r.status).toBe(401);
  });

  it('exchanges an enrolment code once for working credentials', async () => {
    const { code } = await platform.admin<{ code: string }>('POST', '/v1/admin/enrolment-codes', {
      name: 'station 7',
    });
    const creds = await enrolDevice(platform.url, code);
    await expect(enrolDevice(platform.url, code)).rejects.toThrow(
      /the enrolment code [A-Z0-9-]+ was already used/,
    );
    const body = JSON.stringify({ items: [item()] });
    const r = await send(
      platform,
      signRequest(creds, 'POST', '/v1/device/push', body, Date.now()),
      body,
    );
    expect(r.status).toBe(200);
  });

  it('refuses a push body over 1 MiB with 413 too-large', async () => {
    const body = JSON.stringify({
      items: [{ ...item(), payload: { blob: 'x'.repeat(1024 * 1024) } }],
    });
    const r = await send(
      platform,
      signRequest(device, 'POST', '/v1/device/push', body, Date.now()),
      body,
    );
    expect(r).toEqual({ status: 413, code: 'too-large' });
  });

  it('answers a malformed push body with a specific 400', async () => {
    const body = JSON.stringify({ things: [] });
    const r = await fetch(`${platform.url}/v1/device/push`, {
      method: 'POST',
      headers: {
        ...signRequest(device, 'POST', '/v1/device/push', body, Date.now()),
        'content-type': 'application/json',
      },
      body,
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { message: string } }).error.message).toMatch(/items/);
  });
});
