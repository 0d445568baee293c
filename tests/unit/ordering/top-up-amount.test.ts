import { describe, expect, it } from 'vitest';

// renderer/ is outside this TypeScript project (tests/unit/ordering/screens.test.ts says why): the
// module is loaded by path and typed here.
const load = async () =>
  (await import(
    /* @vite-ignore */ new URL('../../../renderer/staff/top-up-amount.ts', import.meta.url).pathname
  )) as { yuanToFen: (text: string) => number | null };

describe('the top-up amount staff type, read as whole fen', () => {
  it('reads yuan with up to two decimals exactly, without floating point', async () => {
    const { yuanToFen } = await load();
    expect(yuanToFen('50')).toBe(5_000);
    expect(yuanToFen(' 50.5 ')).toBe(5_050);
    expect(yuanToFen('0.29')).toBeNull(); // under 1 元
    expect(yuanToFen('1')).toBe(100);
    expect(yuanToFen('1000')).toBe(100_000);
    expect(yuanToFen('1000.01')).toBeNull();
    expect(yuanToFen('19.99')).toBe(1_999); // 19.99 * 100 is 1998.9999999999998 in floating point
  });

  it('refuses anything that is not such an amount', async () => {
    const { yuanToFen } = await load();
    for (const bad of ['', '-5', '5.555', '1e3', '五十', '50元', '.5', '5.'])
      expect(yuanToFen(bad)).toBeNull();
  });
});
