import { Injectable } from '@nestjs/common';
import { compare, hash } from 'bcryptjs';

const COST = 10;
// A real hash of a random string: checked when the account is unknown, so that case takes as long as a wrong password.
const UNKNOWN_ACCOUNT_HASH = '$2b$10$QbxEcaFAN.5nFNzpjGlt3.kWwMC5o1RUTHf6poS2wG0FedLacxfZS';

/** bcrypt for passwords and partner client secrets alike. */
@Injectable()
export class SecretHasher {
  hash(secret: string): Promise<string> {
    return hash(secret, COST);
  }

  /** Compares against the stored hash, or a dummy one when there is none, in about the same time. */
  async matches(secret: string, storedHash: string | null): Promise<boolean> {
    const matched = await compare(secret, storedHash ?? UNKNOWN_ACCOUNT_HASH);
    return matched && storedHash !== null;
  }
}
