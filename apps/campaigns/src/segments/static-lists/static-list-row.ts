import { isEmail, isUUID } from 'class-validator';
import { CsvColumns, CsvRow } from '@crm/http';
import { normalizePhone } from '@crm/search-keys';

export const STATIC_LIST_COLUMNS = ['customer_id', 'phone', 'email'] as const;
export type StaticListColumn = (typeof STATIC_LIST_COLUMNS)[number];

/** A static list names its customers by id, phone or email: the header needs at least one of them. */
export const STATIC_LIST_CSV: CsvColumns<StaticListColumn> = {
  known: STATIC_LIST_COLUMNS,
  headerProblem: (header) =>
    STATIC_LIST_COLUMNS.some((column) => header.includes(column))
      ? null
      : `needs a column named ${STATIC_LIST_COLUMNS.join(', ')} or several of them`,
};

export type CustomerKey =
  { by: 'id'; value: string } | { by: 'phone'; value: string } | { by: 'email'; value: string };

export const REJECTION_REASONS = ['bad-format', 'unknown-customer', 'ambiguous', 'duplicate'] as const;
export type RejectionReason = (typeof REJECTION_REASONS)[number];

export interface RejectedRow {
  /** The row's line in the file; the header is line 1. */
  row: number;
  reason: RejectionReason;
  message: string;
}

/**
 * The key a row names its customer by: the id when given, else the phone (normalised to E.164, China by
 * default), else the email (lower-cased); the other cells of the row are not used.
 */
export function customerKeyOf(row: CsvRow<StaticListColumn>): CustomerKey | RejectedRow {
  const { customer_id: id, phone, email } = row.cells;
  const bad = (message: string): RejectedRow => ({ row: row.line, reason: 'bad-format', message });
  if (id !== undefined)
    return isUUID(id) ? { by: 'id', value: id.toLowerCase() } : bad('customer_id is not a UUID');
  if (phone !== undefined) {
    const normalized = normalizePhone(phone);
    return normalized ? { by: 'phone', value: normalized.e164 } : bad('phone is not a valid phone number');
  }
  if (email !== undefined)
    return isEmail(email)
      ? { by: 'email', value: email.toLowerCase() }
      : bad('email is not a valid email address');
  return bad('the row has no customer_id, phone or email');
}
