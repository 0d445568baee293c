import { describe, expect, it } from 'vitest';
import { findPack } from '../../../policies/registry';
import { readSeed } from './seeds';

/**
 * Reads the annex table of seed 001 (南浔区基本养老服务清单) itself — rows are tab-separated:
 * [audience] number, name, content, service type — and checks the pack against it, so a pack
 * edit that drops an item, unstars a local one or files it in the wrong group fails here.
 */
const seed = readSeed('001_bbdd73ef92731b3c.txt');
const annex = seed.slice(seed.lastIndexOf('南浔区基本养老服务清单'));

interface Row {
  number: number;
  starred: boolean;
  name: string;
  type: string;
}

const rows: Row[] = [
  ...annex.matchAll(/(?:^|\t)(\*?)(\d+)\t([^\t\n]+)\t[^\t\n]+\t([^\t\n]+)$/gm),
].map((m) => ({
  number: Number(m[2]),
  starred: m[1] === '*',
  name: (m[3] ?? '').trim(),
  type: (m[4] ?? '').trim(),
}));

/** The annex's 服务类型: 物质帮助 is money, 照护服务 care, 关爱服务 services. */
const groupOf = (type: string): string =>
  type.includes('物质') ? 'money' : type.includes('照护') ? 'care' : 'services';

describe('nanxun-2023 against the annex table of seed 001', () => {
  const pack = findPack('nanxun-2023');
  if (!pack) throw new Error('pack missing');

  it('the annex has 34 numbered items', () => {
    expect(rows.map((r) => r.number)).toEqual(Array.from({ length: 34 }, (_, i) => i + 1));
  });

  it.each(rows)('item $number $name: present, starred as in the list, in its group', (row) => {
    const entries = pack.items.filter((i) => i.citation.item === row.number);
    expect(entries.length).toBeGreaterThan(0);
    for (const entry of entries) {
      expect(entry.local, entry.id).toBe(row.starred);
      expect(entry.group, entry.id).toBe(groupOf(row.type));
      expect(annex.replace(/\s/g, '')).toContain(entry.citation.quote.replace(/\s/g, ''));
    }
  });
});
