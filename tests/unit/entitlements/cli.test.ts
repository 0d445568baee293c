import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runKioskctl } from '../../support/kioskctl';
import { makeTempDir } from '../../support/temp-dir';
import { baseElder } from './fixtures';

const temp = makeTempDir('yiyang-entitlements-');
afterAll(() => temp.remove());

const file = (name: string, content: unknown): string => {
  const path = join(temp.dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

interface CliEntitlement {
  item: number;
  id: string;
  status: string;
  explanation: string;
  amountFen: { monthly: number; atLeast: boolean } | null;
}

describe('kioskctl entitlements (child process)', () => {
  it('prints every item of the pack as JSON, with item numbers and explanations', async () => {
    const elder = file('elder.json', { ...baseElder, birthDate: '1943-03-02', living: 'alone' });
    const run = await runKioskctl([
      'entitlements',
      '--policy',
      'nanxun-2023',
      '--elder',
      elder,
      '--on',
      '2026-06-15',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const out = JSON.parse(run.stdout) as CliEntitlement[];
    expect(new Set(out.map((e) => e.item)).size).toBe(34);
    const high = out.find((e) => e.id === '10-high-age-allowance');
    expect(high).toMatchObject({
      item: 10,
      status: 'can-apply',
      explanation: '83 周岁，80 周岁以上',
    });
    expect(high?.amountFen).toEqual({ monthly: 6000, atLeast: true });
    expect(out.find((e) => e.id === '25-red-green-buttons')?.status).toBe('can-apply');

    const en = await runKioskctl([
      'entitlements',
      '--policy',
      'nanxun-2023',
      '--elder',
      elder,
      '--on',
      '2026-06-15',
      '--locale',
      'en',
    ]);
    const english = JSON.parse(en.stdout) as CliEntitlement[];
    expect(english.find((e) => e.id === '10-high-age-allowance')?.explanation).toBe(
      'aged 83, 80 or over',
    );
  });

  it('without `cards` in the file, items used with the elder card ask staff, not can apply', async () => {
    const { cards: _cards, ...noCards } = { ...baseElder, birthDate: '1961-06-15' }; // 65
    const run = await runKioskctl([
      'entitlements',
      '--policy',
      'nanxun-2023',
      '--elder',
      file('no-cards.json', noCards),
      '--on',
      '2026-06-15',
    ]);
    expect(run.stderr).toBe('');
    const out = JSON.parse(run.stdout) as (CliEntitlement & { missingFields: string[] })[];
    for (const id of ['6-bus-half-price', '9-meal-discount'])
      expect(out.find((e) => e.id === id)).toMatchObject({
        status: 'ask-staff',
        missingFields: ['cards'],
        explanation: expect.stringContaining('档案缺少老年卡卡号'),
      });
    // with an empty list the record does say: no card yet, so get one and use it
    const none = await runKioskctl([
      'entitlements',
      '--policy',
      'nanxun-2023',
      '--elder',
      file('empty-cards.json', { ...noCards, cards: [] }),
      '--on',
      '2026-06-15',
    ]);
    const withEmpty = JSON.parse(none.stdout) as CliEntitlement[];
    expect(withEmpty.find((e) => e.id === '6-bus-half-price')?.status).toBe('can-apply');
  });

  it('refuses an unknown policy, listing the known ones', async () => {
    const elder = file('ok.json', baseElder);
    const run = await runKioskctl([
      'entitlements',
      '--policy',
      'hangzhou-2030',
      '--elder',
      elder,
      '--on',
      '2026-06-15',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      "unknown policy 'hangzhou-2030'; known policies: nanxun-2023, tongxiang-2022",
    );
  });

  it('refuses a missing file, a file that is not JSON, and a bad field, naming it', async () => {
    const missing = await runKioskctl([
      'entitlements',
      '--policy',
      'nanxun-2023',
      '--elder',
      join(temp.dir, 'nope.json'),
      '--on',
      '2026-06-15',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('cannot read elder file');
    const broken = await runKioskctl([
      'entitlements',
      '--policy',
      'nanxun-2023',
      '--elder',
      file('broken.json', '{"id": '),
      '--on',
      '2026-06-15',
    ]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('is not JSON');
    const bad = file('bad.json', { ...baseElder, living: 'on a boat' });
    const invalid = await runKioskctl([
      'entitlements',
      '--policy',
      'nanxun-2023',
      '--elder',
      bad,
      '--on',
      '2026-06-15',
    ]);
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain("field 'living'");
  });

  it('refuses a date that does not exist', async () => {
    const elder = file('ok2.json', baseElder);
    const run = await runKioskctl([
      'entitlements',
      '--policy',
      'nanxun-2023',
      '--elder',
      elder,
      '--on',
      '2026-02-29',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--on must be a real date as YYYY-MM-DD, not '2026-02-29'");
  });
});
