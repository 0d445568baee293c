import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../../policies/canonical-json';
import { PackLoadError, loadPack } from '../../../policies/load-pack';
import { findPack, knownPackIds } from '../../../policies/registry';
import { MissingSeedsError, readSeed, seedsDir } from './seeds';

const here = dirname(fileURLToPath(import.meta.url));
const raw = (id: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(here, '../../../policies', `${id}.json`), 'utf8')) as Record<
    string,
    unknown
  >;

/** A deep copy of the Nanxun pack file with one change made by `edit`. */
function edited(
  edit: (pack: { items: Record<string, unknown>[] } & Record<string, unknown>) => void,
) {
  const copy = structuredClone(raw('nanxun-2023')) as { items: Record<string, unknown>[] } & Record<
    string,
    unknown
  >;
  edit(copy);
  return copy;
}

function refusal(input: unknown): string {
  try {
    loadPack(input, 'test pack');
  } catch (error) {
    expect(error).toBeInstanceOf(PackLoadError);
    return (error as Error).message;
  }
  throw new Error('the pack was accepted');
}

const byId = (pack: { items: Record<string, unknown>[] }, id: string): Record<string, unknown> => {
  const item = pack.items.find((i) => i.id === id);
  if (!item) throw new Error(`no item ${id}`);
  return item;
};

describe('shipped packs', () => {
  it('load, with a sha256 content hash', () => {
    expect(knownPackIds()).toEqual(['nanxun-2023', 'tongxiang-2022']);
    for (const id of knownPackIds()) {
      const pack = findPack(id);
      expect(pack?.id).toBe(id);
      expect(pack?.hash).toMatch(/^[0-9a-f]{64}$/);
      expect(pack?.hash).toBe(contentHash(raw(id)));
    }
    expect(findPack('hangzhou-2030')).toBeUndefined();
  });

  it('quote their seed files word for word (whitespace aside)', () => {
    for (const id of knownPackIds()) {
      const pack = findPack(id);
      if (!pack) throw new Error(id);
      const text = readSeed(pack.source.file).replace(/\s/g, '');
      for (const item of pack.items) {
        expect(item.citation.file, item.id).toBe(pack.source.file);
        for (const quote of [
          item.citation.quote,
          ...(item.citation.also ?? []).map((a) => a.quote),
        ]) {
          expect(text.includes(quote.replace(/\s/g, '')), `${id} ${item.id}: ${quote}`).toBe(true);
        }
      }
    }
  });

  it('tongxiang-2022 pays centenarians 600 元 a month and insures local 60+ elders', () => {
    const pack = findPack('tongxiang-2022');
    const longevity = pack?.items.find((i) => i.id === '29-centenarian-allowance');
    expect(longevity?.benefit).toEqual({ kind: 'allowance', monthlyFen: 60000, atLeast: false });
    const insurance = pack?.items.find((i) => i.id === '29-accident-insurance');
    expect(insurance?.audience).toEqual([
      { if: 'age', min: 60 },
      { if: 'hukou', in: ['local'] },
    ]);
  });
});

describe('the seed documents', () => {
  it('are read from ../shared/seeds beside the checkout; a missing folder says where', () => {
    expect(seedsDir.endsWith('/shared/seeds')).toBe(true);
    const nowhere = join(here, 'no-such-seeds');
    expect(() => readSeed('001_bbdd73ef92731b3c.txt', nowhere)).toThrow(MissingSeedsError);
    expect(() => readSeed('001_bbdd73ef92731b3c.txt', nowhere)).toThrow(
      `the policy tests need the seed documents in ${nowhere} (../shared/seeds beside the checkout`,
    );
    expect(() => readSeed('999_missing.txt')).toThrow(
      `seed file 999_missing.txt is not in ${seedsDir}`,
    );
  });
});

describe('content hash', () => {
  it('ignores key order and whitespace', () => {
    const pack = raw('nanxun-2023');
    const reordered = Object.fromEntries(Object.entries(pack).reverse());
    expect(contentHash(reordered)).toBe(contentHash(pack));
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('changes when a figure changes', () => {
    const changed = edited((p) => {
      byId(p, '10-high-age-allowance').benefit = {
        kind: 'allowance',
        monthlyFen: 6001,
        atLeast: true,
      };
    });
    expect(loadPack(changed).hash).not.toBe(findPack('nanxun-2023')?.hash);
  });
});

describe('a bad pack is refused at load, naming the item and the field', () => {
  it('an unknown field in an item', () => {
    const bad = edited((p) => {
      byId(p, '10-high-age-allowance').amount = 6000;
    });
    expect(refusal(bad)).toContain("item 10 (10-high-age-allowance): unknown field 'amount'");
  });

  it('an unknown field inside a condition', () => {
    const bad = edited((p) => {
      const item = byId(p, '10-high-age-allowance');
      item.audience = [{ if: 'age', min: 80, maxx: 99 }];
    });
    expect(refusal(bad)).toContain(
      "item 10 (10-high-age-allowance): unknown field 'audience[0].maxx'",
    );
  });

  it('a misspelt condition kind', () => {
    const bad = edited((p) => {
      byId(p, '1-employee-pension').audience = [{ if: 'pensoin', in: ['employee'] }];
    });
    expect(refusal(bad)).toMatch(/item 1 \(1-employee-pension\): field 'audience\[0\]\.if'/);
  });

  it('money that is not integer fen', () => {
    const bad = edited((p) => {
      byId(p, '10-high-age-allowance').benefit = {
        kind: 'allowance',
        monthlyFen: 60.5,
        atLeast: true,
      };
    });
    expect(refusal(bad)).toMatch(/item 10 \(10-high-age-allowance\): field 'benefit\.monthlyFen'/);
  });

  it('a bad value in a list', () => {
    const bad = edited((p) => {
      byId(p, '12-accident-insurance-80').audience = [{ if: 'living', in: ['solo'] }];
    });
    expect(refusal(bad)).toMatch(
      /item 12 \(12-accident-insurance-80\): field 'audience\[0\]\.in\[0\]'/,
    );
  });

  it('an id that does not start with its item number', () => {
    const bad = edited((p) => {
      byId(p, '10-high-age-allowance').id = '11-high-age-allowance';
    });
    expect(refusal(bad)).toContain("item 10 (11-high-age-allowance): field 'id'");
  });

  it('a duplicate id', () => {
    const bad = edited((p) => {
      byId(p, '10-longevity-allowance').id = '10-high-age-allowance';
    });
    expect(refusal(bad)).toContain('item 10 (10-high-age-allowance): duplicate id');
  });

  it('an exclusive group on something that is not an allowance', () => {
    const bad = edited((p) => {
      byId(p, '1-employee-pension').exclusiveGroup = 'age-allowance';
    });
    expect(refusal(bad)).toContain("item 1 (1-employee-pension): field 'exclusiveGroup'");
  });

  it('an unknown field at the top and a wrong schema version', () => {
    expect(refusal({ ...raw('nanxun-2023'), district: 'nanxun' })).toContain(
      "pack: unknown field 'district'",
    );
    expect(refusal({ ...raw('nanxun-2023'), schemaVersion: 2 })).toContain(
      "pack: field 'schemaVersion'",
    );
  });
});
