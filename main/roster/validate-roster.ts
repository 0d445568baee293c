import { elderRecordSchema, type ElderRecord } from '../../contract/elder';

export interface RosterProblem {
  index: number;
  id: string | null;
  field: string;
  message: string;
}

export interface RosterCheck {
  good: ElderRecord[];
  problems: RosterProblem[];
}

/**
 * Splits a roster into the records that are fine and the problems of the others, by index and
 * field, so one bad record never blocks the rest (the Odoo POS rule of DESIGN.md).
 */
export function validateRoster(input: unknown): RosterCheck {
  if (!Array.isArray(input)) {
    return {
      good: [],
      problems: [
        { index: -1, id: null, field: '(file)', message: 'expected a JSON array of elder records' },
      ],
    };
  }
  const good: ElderRecord[] = [];
  const problems: RosterProblem[] = [];
  const seenCards = new Map<string, number>();
  input.forEach((item: unknown, index) => {
    const parsed = elderRecordSchema.safeParse(item);
    const id =
      typeof item === 'object' && item !== null && 'id' in item && typeof item.id === 'string'
        ? item.id
        : null;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          index,
          id,
          field: issue.path.join('.') || '(record)',
          message: issue.message,
        });
      }
      return;
    }
    const clash = parsed.data.cards.find((uid) => seenCards.has(uid));
    if (clash) {
      problems.push({
        index,
        id,
        field: 'cards',
        message: `card ${clash} is also given to record ${seenCards.get(clash)}`,
      });
      return;
    }
    parsed.data.cards.forEach((uid) => seenCards.set(uid, index));
    good.push(parsed.data);
  });
  return { good, problems };
}
