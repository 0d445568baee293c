/** A slot's day and time as printed on it (the core sends +08:00 station time): "11-24", "09:00". */
export const slotDay = (startsAt: string): string => startsAt.slice(5, 10);
export const slotTime = (startsAt: string): string => startsAt.slice(11, 16);
