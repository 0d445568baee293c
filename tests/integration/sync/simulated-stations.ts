import { randomUUID } from 'node:crypto';
import type { DeviceCredentials, OutboundTransaction } from '../../../contract/sync-protocol';
import { PlatformClient } from '../../../main/sync/platform-client';
import type { PlatformProcess } from '../../support/platform-process';

export interface ScaleResult {
  stations: number;
  transactions: number;
  seconds: number;
  txPerSecond: number;
}

function batchFor(stationIndex: number, count: number): OutboundTransaction[] {
  return Array.from({ length: count }, (_, i) => ({
    uuid: randomUUID(),
    seq: i + 1,
    type: 'meal.order',
    payload: {
      elderId: `s${stationIndex}-e${i % 40}`,
      dishId: 'd1',
      priceFen: 800,
      sitting: 'lunch',
    },
    deviceTime: '2026-11-23T11:30:00.000+08:00',
  }));
}

/**
 * Many stations pushing into one platform over loopback: each station is a registered device with
 * its own secret that sends its transactions in signed batches, `concurrency` requests at a time.
 * Bounded: it stops at `deadlineMs` and reports what it managed. Only the pushes are timed.
 */
export async function runSimulatedStations(
  platform: PlatformProcess,
  options: {
    stations: number;
    perStation: number;
    batch: number;
    concurrency: number;
    deadlineMs: number;
  },
): Promise<ScaleResult> {
  const devices: DeviceCredentials[] = [];
  for (let i = 0; i < options.stations; i += 1)
    devices.push(await platform.createDevice(`sim-${i}`));
  const work: { client: PlatformClient; items: OutboundTransaction[] }[] = [];
  devices.forEach((d, i) => {
    const client = new PlatformClient({ url: platform.url, ...d }, { timeoutMs: 30_000 });
    const all = batchFor(i, options.perStation);
    for (let at = 0; at < all.length; at += options.batch)
      work.push({ client, items: all.slice(at, at + options.batch) });
  });
  const started = performance.now();
  const deadline = Date.now() + options.deadlineMs;
  let next = 0;
  let sent = 0;
  const lane = async (): Promise<void> => {
    while (next < work.length && Date.now() < deadline) {
      const job = work[next++] as (typeof work)[number];
      const reply = await job.client.push(job.items);
      sent += reply.results.filter((r) => r.status === 'accepted').length;
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, lane));
  const seconds = (performance.now() - started) / 1000;
  return { stations: options.stations, transactions: sent, seconds, txPerSecond: sent / seconds };
}
