import { createHash, hash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A URL-safe random secret of 256 bits, for links and cookies. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Tokens are stored only as SHA-256 hashes: they are long random values, so a fast hash is
 * enough, and a leaked table gives no usable links.
 */
export function hashToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** Constant-time string comparison for secrets of possibly different length. */
export function secretsEqual(a: string, b: string): boolean {
  const left = createHash('sha256').update(a).digest();
  const right = createHash('sha256').update(b).digest();
  return timingSafeEqual(left, right);
}
