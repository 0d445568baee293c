const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/**
 * Builds a well-formed (checksummed, GB 11643) but fictional resident ID number for demo elders:
 * region, birth date, a sequence whose last digit is odd for men and even for women.
 */
export function demoIdNumber(
  region: string,
  birthDate: string,
  sequence: number,
  gender: 'male' | 'female',
): string {
  const seq = sequence * 10 + (gender === 'male' ? 1 : 2);
  const body = `${region}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * (weights[i] ?? 0), 0);
  return `${body}${checkChars[sum % 11]}`;
}
