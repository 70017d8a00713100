import argon2 from 'argon2';

/** argon2id with the library's defaults (OWASP-compliant memory and time cost). */
export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, { type: argon2.argon2id });
}

// A real hash to verify against when the account does not exist, so a wrong e-mail costs the
// same time as a wrong password and response times do not reveal which addresses have accounts.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(
  hash: string | null | undefined,
  password: string,
): Promise<boolean> {
  if (!hash) {
    decoyHash ??= hashPassword('trame-decoy-password');
    await argon2.verify(await decoyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
