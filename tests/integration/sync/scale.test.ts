import { afterAll, describe, expect, it } from 'vitest';
import { backends, freshPlatform, stopPostgres } from './backends';
import { runSimulatedStations } from './simulated-stations';

afterAll(stopPostgres);

// 1,000 stations × 100 transactions into one platform, bounded to 90 s of pushing per backend.
describe.each(backends)('scale on %s', (backend) => {
  it('ingests 1,000 stations × 100 transactions, each once', { timeout: 240_000 }, async () => {
    const platform = await freshPlatform(backend);
    try {
      const r = await runSimulatedStations(platform, {
        stations: 1000,
        perStation: 100,
        batch: 100,
        concurrency: 8,
        deadlineMs: 90_000,
      });
      process.stdout.write(
        `scale ${backend}: ${r.transactions} transactions from ${r.stations} stations in ${r.seconds.toFixed(1)} s = ${Math.round(r.txPerSecond)} tx/s\n`,
      );
      expect(r.transactions).toBe(100_000);
      const stats = await platform.stats();
      expect(stats).toMatchObject({
        devices: 1000,
        transactions: 100_000,
        duplicates: 0,
        rejected: 0,
      });
    } finally {
      await platform.stop();
    }
  });
});
