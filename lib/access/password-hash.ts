/**
 * Password hashing: Argon2id at OWASP's recommended minimum (Password Storage Cheat Sheet: m = 19 MiB,
 * t = 2, p = 1). The stored string is the PHC format (`$argon2id$v=19$m=19456,t=2,p=1$salt$hash`), so
 * its parameters travel with it and a later raise still verifies older hashes.
 */
import { hash, verify, type Algorithm } from '@node-rs/argon2';

// `Algorithm` is a const enum, which isolated modules cannot read: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

export const PASSWORD_HASH_PARAMS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Shortest password an account may have; the longest is bounded so hashing stays cheap. */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export const hashPassword = (password: string): Promise<string> => hash(password, PASSWORD_HASH_PARAMS);

/** False for a wrong password and for a stored value that is not an Argon2 hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
