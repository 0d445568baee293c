import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenefitReminder, BenefitsView } from '../../../contract/calls/benefit-calls';
import type { ElderRecord } from '../../../contract/elder';
import { startStation, type Station } from '../../../main/boot/start-station';
import { defaultConfig } from '../../../main/config/load-config';
import { syncSummary } from '../../../main/sync/sync-summary';
import { runKioskctl, projectRoot } from '../../support/kioskctl';
import { PlatformProcess } from '../../support/platform-process';
import { openStationFile } from '../../support/station-db';
import { makeTempDir } from '../../support/temp-dir';
import { baseElder } from './fixtures';

/**
 * `receiving` (the allowances the platform already pays) must survive every way a roster reaches
 * a station — `kioskctl roster import` and the platform's roster pull — and reach the engine, so an
 * 80+ elder who already gets 高龄津贴 is not told to apply for it. Real child processes, a real
 * encrypted station file, the real KioskApi dispatcher; the other elder is the control.
 */
const HIGH_AGE = '10-high-age-allowance';

const granted: ElderRecord = {
  ...baseElder,
  id: 'rx-granted',
  name: '沈阿婆',
  birthDate: '1940-01-01', // 80 or over on any day these tests run
  idNumber: '330503194001010020',
  lastAssessment: null,
  cards: ['7A000001'],
  receiving: [HIGH_AGE],
  address: '南浔镇东大街 1 号',
};
const notYet: ElderRecord = {
  ...granted,
  id: 'rx-not-yet',
  name: '沈阿公',
  idNumber: '330503194001010011',
  cards: ['7A000002'],
  receiving: [],
};

const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

function station(dataDir: string, config = defaultConfig): Station {
  const s = startStation({
    dataDir,
    config,
    demo: false,
    firstRunDemo: false,
    localesDir: join(projectRoot, 'locales'),
    log: () => undefined,
  });
  cleanup.push(() => s.close());
  return s;
}

async function call<T>(s: Station, name: string): Promise<T> {
  const result = await s.dispatch(name, {});
  if (!result.ok) throw new Error(`${name}: ${JSON.stringify(result.error)}`);
  return result.value as T;
}

/** The 高龄津贴 status and whether 服务找人 reminds of it, for the elder whose card is tapped. */
async function highAgeFor(s: Station, uid: string) {
  s.core.cardTapped(uid, 'test');
  const view = await call<BenefitsView>(s, 'benefits.list');
  const reminders = await call<BenefitReminder[]>(s, 'benefits.reminders');
  s.core.endSession();
  return {
    status: view.groups.flatMap((g) => g.items).find((e) => e.id === HIGH_AGE)?.status,
    reminded: reminders.some((r) => r.entitlementId === HIGH_AGE),
  };
}

describe('receiving: from the roster to 我的待遇 and 服务找人', () => {
  it('kioskctl roster import stores it; the imported elder gets receiving and no reminder', async () => {
    const temp = makeTempDir('yiyang-receiving-');
    cleanup.push(temp.remove);
    const file = join(temp.dir, 'roster.json');
    writeFileSync(file, JSON.stringify([granted, notYet]));
    const run = await runKioskctl(['roster', 'import', '--data-dir', temp.dir, file]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);

    const raw = openStationFile(join(temp.dir, 'station.db'), { readonly: true });
    const row = raw.prepare('SELECT record FROM elders WHERE id = ?').get(granted.id) as {
      record: string;
    };
    raw.close();
    expect(JSON.parse(row.record)).toMatchObject({
      receiving: [HIGH_AGE],
      address: granted.address,
    });

    const s = station(temp.dir);
    expect(await highAgeFor(s, '7A000001')).toEqual({ status: 'receiving', reminded: false });
    expect(await highAgeFor(s, '7A000002')).toEqual({ status: 'can-apply', reminded: true });
  });

  it('the platform roster pull stores it too (POST /v1/admin/roster, then the sync pull)', async () => {
    const temp = makeTempDir('yiyang-receiving-pull-');
    cleanup.push(temp.remove);
    const platform = await PlatformProcess.start({ dbFile: join(temp.dir, 'platform.sqlite') });
    cleanup.push(() => platform.stop());
    const device = await platform.createDevice('receiving test');
    const upload = await platform.admin<{ accepted: number; rejected: unknown[] }>(
      'POST',
      '/v1/admin/roster',
      [granted, notYet],
    );
    expect(upload).toEqual({ accepted: 2, rejected: [] });

    const s = station(join(temp.dir, 'station'), {
      ...defaultConfig,
      platform: { url: platform.url, ...device },
    });
    const deadline = Date.now() + 20_000;
    while (syncSummary(s.db).lastPullSuccessAt === null) {
      if (Date.now() > deadline) throw new Error('the station did not pull within 20 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await highAgeFor(s, '7A000001')).toEqual({ status: 'receiving', reminded: false });
    expect(await highAgeFor(s, '7A000002')).toEqual({ status: 'can-apply', reminded: true });
  });
});
