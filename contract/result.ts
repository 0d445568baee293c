/** The envelope every KioskApi call answers with: main never throws across the boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export type ApiErrorCode =
  | 'bad-request' // the payload failed validation
  | 'unknown-call' // no such call name
  | 'not-found'
  | 'refused' // understood but not allowed now (wrong state, closed, over a limit)
  | 'unavailable' // a device or the platform is not there
  | 'internal'; // a bug: logged in main, a plain message here

export interface ApiError {
  code: ApiErrorCode;
  /** English, for logs and staff; the renderer shows its own localised text by code. */
  message: string;
  /** for bad-request: which fields and why */
  issues?: { path: string; message: string }[];
}

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (
  code: ApiErrorCode,
  message: string,
  issues?: ApiError['issues'],
): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
});
