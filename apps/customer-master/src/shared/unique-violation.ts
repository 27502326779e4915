import { ConflictError } from '@crm/core';

const UNIQUE_VIOLATION = '23505';

/** Which request field each unique constraint of this schema guards. */
export const UNIQUE_FIELDS = {
  partner_code_key: 'code',
  vehicle_vin_key: 'vin',
} as const;

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

/**
 * Runs a write and answers a unique violation as 409 naming the field: the check before the insert
 * tells the usual caller, this tells the loser of a race (both checks passed, one insert lost).
 */
export async function conflictOnUniqueViolation<T>(
  write: () => Promise<T>,
  describe: (field: string) => string,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const field = uniqueFieldOf(error);
    if (!field) throw error;
    throw new ConflictError(describe(field), { field });
  }
}

function uniqueFieldOf(error: unknown): string | undefined {
  const pg = error as PgError;
  const cause = pg?.driverError ?? pg;
  if (cause?.code !== UNIQUE_VIOLATION || !cause.constraint) return undefined;
  return UNIQUE_FIELDS[cause.constraint as keyof typeof UNIQUE_FIELDS];
}

/** Whether the write failed on this unique constraint (the loser of a race on it). */
export function isUniqueViolationOf(error: unknown, constraint: string): boolean {
  const pg = error as PgError;
  const cause = pg?.driverError ?? pg;
  return cause?.code === UNIQUE_VIOLATION && cause.constraint === constraint;
}
