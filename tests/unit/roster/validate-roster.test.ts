import { describe, expect, it } from 'vitest';
import { validateRoster } from '../../../main/roster/validate-roster';
import { demoElders } from '../../../main/demo/demo-elders';
import { ageOn } from '../../../main/roster/age';

describe('validateRoster', () => {
  const [a, b, c] = demoElders;
  it('keeps the good records and lists each bad one by index and field', () => {
    const input = [
      a,
      { ...b, birthDate: '1950-02-30' },
      { ...c, idNumber: '123', economic: 'rich' },
    ];
    const { good, problems } = validateRoster(input);
    expect(good.map((g) => g.id)).toEqual([a?.id]);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ index: 1, id: b?.id, field: 'birthDate' }),
        expect.objectContaining({ index: 2, field: 'idNumber' }),
        expect.objectContaining({ index: 2, field: 'economic' }),
      ]),
    );
  });

  it('refuses a card given to two records in the same file', () => {
    const { good, problems } = validateRoster([a, { ...b, cards: a?.cards }]);
    expect(good).toHaveLength(1);
    expect(problems[0]).toMatchObject({ index: 1, field: 'cards' });
  });

  it('refuses a file that is not an array', () => {
    expect(validateRoster({ elders: [] }).problems[0]?.message).toMatch(/JSON array/);
  });
});

describe('ageOn (周岁)', () => {
  it.each([
    ['1943-03-12', '2026-03-11', 82],
    ['1943-03-12', '2026-03-12', 83],
    ['1926-11-23', '2026-11-23', 100],
    ['1926-11-23', '2026-11-22', 99],
    ['1952-02-29', '2026-02-28', 73],
    ['1952-02-29', '2026-03-01', 74],
    ['1952-02-29', '2028-02-29', 76],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});
