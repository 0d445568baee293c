const months = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** The English name of month 1–12, for the lines staff and maintainers read in English. */
export const englishMonth = (month: number): string => months[month - 1] ?? '';
