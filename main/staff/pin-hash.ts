import { createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

/** A staff PIN is exactly six digits (issue 8). */
export const PIN_PATTERN = /^\d{6}$/;

// scrypt cost: about 50 ms a check on the kiosk's small CPU, fine for a counter, slow for a thief.
const N = 16384;
const R = 8;
const P = 1;
const KEY_BYTES = 32;

/** Why the pepper goes in through HMAC: scrypt sees a fixed-size secret, never the bare PIN. */
function peppered(pin: string, pepper: Buffer): Buffer {
  return createHmac('sha256', pepper).update(pin, 'utf8').digest();
}

/** `scrypt$N$r$p$salt$hash`, so the cost can be raised later without breaking stored hashes. */
export function hashPin(pin: string, pepper: Buffer): string {
  if (!PIN_PATTERN.test(pin)) throw new Error('a staff PIN is exactly six digits');
  const salt = randomBytes(16);
  const hash = scryptSync(peppered(pin, pepper), salt, KEY_BYTES, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

export function verifyPin(pin: string, stored: string, pepper: Buffer): boolean {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  if (!PIN_PATTERN.test(pin)) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scryptSync(peppered(pin, pepper), Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return timingSafeEqual(actual, expected);
}
