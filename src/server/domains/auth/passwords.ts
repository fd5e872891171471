import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (≈30 ms per hash here, see FIELD-NOTES). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await verify(hashed, password);
  } catch {
    return false;
  }
}

/** Verified against when the username is unknown, so both cases take the same time. */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hash('bangfu-timing-dummy-password');
  return dummyHash;
}
