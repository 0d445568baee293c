/** The platform answered with an error status. `code` is the protocol's error code when it sent one. */
export class PlatformHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | null,
    message: string,
    readonly retryAfterMs: number | null,
  ) {
    super(message);
  }
}

/** The platform answered 2xx with something that is not the protocol's reply. Nothing is marked synced. */
export class PlatformReplyError extends Error {}

/** No answer: refused, reset, timed out. */
export class PlatformUnreachableError extends Error {}
