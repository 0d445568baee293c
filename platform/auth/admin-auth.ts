import { timingSafeEqual } from 'node:crypto';
import { PlatformError } from '../platform-error';

/** Checks `Authorization: Bearer <admin token>` in constant time. */
export function checkAdminToken(header: string | undefined, adminToken: string): void {
  const match = /^Bearer (.+)$/.exec(header ?? '');
  if (!match?.[1])
    throw new PlatformError(
      401,
      'unauthorized',
      'admin endpoints need Authorization: Bearer <admin token>',
    );
  const given = Buffer.from(match[1]);
  const want = Buffer.from(adminToken);
  if (given.length !== want.length || !timingSafeEqual(given, want))
    throw new PlatformError(401, 'unauthorized', 'the admin token is wrong');
}
