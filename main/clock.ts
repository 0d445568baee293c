/** Station time as an ISO string with the +08:00 offset (DESIGN.md: times stored with offset). */
export function shanghaiIso(date: Date = new Date()): string {
  const shifted = new Date(date.getTime() + 8 * 3_600_000);
  return `${shifted.toISOString().slice(0, 23)}+08:00`;
}

/** Today's date in Asia/Shanghai as YYYY-MM-DD, whatever the machine's own time zone. */
export function shanghaiDate(date: Date = new Date()): string {
  return shanghaiIso(date).slice(0, 10);
}
