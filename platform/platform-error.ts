import type { ErrorReply } from '../contract/sync-protocol';

type Code = ErrorReply['error']['code'];

/** An error with the HTTP status and code the client sees; anything else becomes a 500 'internal'. */
export class PlatformError extends Error {
  constructor(
    readonly status: number,
    readonly code: Code,
    message: string,
    readonly details?: ErrorReply['error']['details'],
  ) {
    super(message);
  }

  reply(): ErrorReply {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details ? { details: this.details } : {}),
      },
    };
  }
}
