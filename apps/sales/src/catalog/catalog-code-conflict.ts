import { ConflictError } from '@crm/core';

const UNIQUE_VIOLATION = '23505';
const CODE_CONSTRAINTS = ['catalog_model_code_key', 'catalog_trim_code_key'];

interface PgError {
  code?: string;
  constraint?: string;
  driverError?: PgError;
}

/** Answers an insert that lost to another with the same model or trim code as 409 naming `code`. */
export async function conflictOnTakenCode<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const cause = (error as PgError)?.driverError ?? (error as PgError);
    if (cause?.code !== UNIQUE_VIOLATION || !CODE_CONSTRAINTS.includes(cause.constraint ?? '')) throw error;
    throw new ConflictError('this code is already in the catalog', { field: 'code' });
  }
}
