/** An ID number as the renderer may show it: only the last four characters (PIPL, GB/T 35273). */
export function maskIdNumber(idNumber: string): string {
  return `${'*'.repeat(Math.max(0, idNumber.length - 4))}${idNumber.slice(-4)}`;
}
