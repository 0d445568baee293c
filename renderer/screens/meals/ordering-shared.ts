import type { ApiError } from '../../../contract/result';
import { refusalReason } from '../../../contract/calls/ordering-calls';

/** Shown money: always two decimals, as on the ticket ("7.00"). */
export const yuan = (fen: number): string => (fen / 100).toFixed(2);

/** The locale key for a refused call: the reason the core put first, or a general line. */
export function refusalKey(error: ApiError): string {
  const reason =
    error.code === 'refused' || error.code === 'not-found' ? refusalReason(error.message) : null;
  return `ordering:refused.${reason ?? 'other'}`;
}

/** A client-made id for an order or booking: made once per confirmation, reused on retry. */
export const newUuid = (): string => crypto.randomUUID();
