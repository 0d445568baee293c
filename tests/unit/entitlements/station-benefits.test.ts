import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BenefitsView } from '../../../contract/calls/benefit-calls';
import type { ElderRecord } from '../../../contract/elder';
import { startStation } from '../../../main/boot/start-station';
import { defaultConfig } from '../../../main/config/load-config';
import { upsertElders } from '../../../main/roster/elder-repo';
import { projectRoot, runKioskctl } from '../../support/kioskctl';
import { makeTempDir } from '../../support/temp-dir';
import { baseElder } from './fixtures';
import { testStation, type TestStation } from './station-fixture';

/**
 * benefits.list as a station serves it: the date is the day in Asia/Shanghai whatever the
 * machine's time zone, the pack is the one the station's config names, and a config naming a
 * pack that does not exist stops start-up.
 */
const cleanup: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** Turns 80 (and, born a century earlier, 100) on 2026-11-24 in Shanghai. */
const turning = (id: string, birthDate: string, card: string): ElderRecord => ({
  ...baseElder,
  id,
  birthDate,
  idNumber: `330503${birthDate.replaceAll('-', '')}0018`,
  cards: [card],
});
const EIGHTY = turning('tz-80', '1946-11-24', '7B000080');
const HUNDRED = turning('tz-100', '1926-11-24', '7B000100');

/** 2026-11-24 00:00 in Shanghai is 2026-11-23 16:00 UTC (and 08:00 in Los Angeles, PST). */
const LAST_SECOND_BEFORE = new Date('2026-11-23T15:59:59Z');
const FIRST_SECOND_OF = new Date('2026-11-23T16:00:00Z');

function stationWithBirthdays(): TestStation {
  const s = testStation(LAST_SECOND_BEFORE);
  cleanup.push(() => s.close());
  upsertElders(s.db, [EIGHTY, HUNDRED]);
  return s;
}

const statusIn = (view: BenefitsView, id: string) =>
  [...view.groups.flatMap((g) => g.items), ...view.notEligible].find((e) => e.id === id)?.status;

async function birthdayStatuses(s: TestStation, at: Date) {
  s.clock.now = at;
  const eighty = (await s.benefitsOf('7B000080')).view;
  const hundred = (await s.benefitsOf('7B000100')).view;
  return {
    on: eighty.on,
    ages: [eighty.age, hundred.age],
    highAgeAt80: statusIn(eighty, '10-high-age-allowance'),
    highAgeAt100: statusIn(hundred, '10-high-age-allowance'),
    longevityAt100: statusIn(hundred, '10-longevity-allowance'),
  };
}

const before = {
  on: '2026-11-23',
  ages: [79, 99],
  highAgeAt80: 'not-eligible',
  highAgeAt100: 'can-apply',
  longevityAt100: 'not-eligible',
};
const after = {
  on: '2026-11-24',
  ages: [80, 100],
  highAgeAt80: 'can-apply',
  highAgeAt100: 'not-eligible',
  longevityAt100: 'can-apply',
};

describe('benefits.list on the day an elder turns 80 or 100, by the Shanghai clock', () => {
  it('15:59:59Z is still the day before; 16:00:00Z is the birthday', async () => {
    const s = stationWithBirthdays();
    expect(await birthdayStatuses(s, LAST_SECOND_BEFORE)).toEqual(before);
    expect(await birthdayStatuses(s, FIRST_SECOND_OF)).toEqual(after);
  });

  it('the same on a machine set to America/Los_Angeles (where both instants are 11-23)', async () => {
    const saved = process.env.TZ;
    process.env.TZ = 'America/Los_Angeles';
    cleanup.push(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    // the zone really changed for this process: PST is UTC−8, and both instants fall on the 23rd
    expect(new Date('2026-11-23T16:00:00Z').getTimezoneOffset()).toBe(480);
    expect(FIRST_SECOND_OF.getDate()).toBe(23);
    const s = stationWithBirthdays();
    expect(await birthdayStatuses(s, LAST_SECOND_BEFORE)).toEqual(before);
    expect(await birthdayStatuses(s, FIRST_SECOND_OF)).toEqual(after);
  });
});

describe('the station serves the policy pack its config names', () => {
  it("policyPack 'tongxiang-2022': benefits.list answers with Tongxiang's items", async () => {
    const temp = makeTempDir('yiyang-tongxiang-');
    cleanup.push(temp.remove);
    const station = startStation({
      dataDir: temp.dir,
      config: {
        ...defaultConfig,
        station: { ...defaultConfig.station, policyPack: 'tongxiang-2022' },
      },
      demo: true,
      firstRunDemo: false,
      localesDir: join(projectRoot, 'locales'),
      log: () => undefined,
    });
    cleanup.push(() => station.close());
    station.core.cardTapped('118293A4B5', 'test'); // 姚长寿, 103
    const result = await station.dispatch('benefits.list', {});
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const view = result.value as BenefitsView;
    expect(view.pack.id).toBe('tongxiang-2022');
    const items = [...view.groups.flatMap((g) => g.items), ...view.notEligible];
    expect(items.every((e) => e.citation.file === '000_5def2849daa92525.txt')).toBe(true);
    expect(items.find((e) => e.id === '29-centenarian-allowance')).toMatchObject({
      status: 'can-apply',
      amountFen: { monthly: 60000, atLeast: false },
    });
    expect(items.some((e) => e.id === '10-high-age-allowance')).toBe(false);
  });

  it('an unknown policyPack stops start-up naming the key, before the database is made', async () => {
    const temp = makeTempDir('yiyang-bad-pack-');
    cleanup.push(temp.remove);
    const config = join(temp.dir, 'station.json');
    writeFileSync(config, JSON.stringify({ station: { policyPack: 'hangzhou-2030' } }));
    const run = await runKioskctl(['serve', '--data-dir', temp.dir, '--config', config]);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      "station.policyPack: unknown policy pack 'hangzhou-2030' (known: nanxun-2023, tongxiang-2022)",
    );
    expect(existsSync(join(temp.dir, 'station.db'))).toBe(false);
  });
});
