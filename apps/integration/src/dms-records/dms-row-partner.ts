import { isPartner, Principal } from '@crm/auth';
import { ForbiddenError, InvalidInputError } from '@crm/core';
import { DmsRecordKind } from './dms-record-kinds';

/**
 * The partner whose DMS a row belongs to: a partner's own (a row naming another partner refuses the whole request
 * with 403 naming the field, `[3].dealerId` in a batch), or the one an admin names (a 400 when none is named).
 * `path` is `[]` in a batch, `` for a single row.
 */
export function partnerOfRow(
  kind: DmsRecordKind,
  principal: Principal,
  row: Record<string, unknown>,
  index: number,
  path: '' | '[]',
): { partnerId: string } | { error: InvalidInputError } {
  const field = kind.partner.field;
  const named = row[field] as string | undefined;
  if (isPartner(principal)) {
    if (!principal.partnerId || (named && named !== principal.partnerId))
      throw notYours(kind, path ? `[${index}].${field}` : field);
    return { partnerId: principal.partnerId };
  }
  if (named) return { partnerId: named };
  return { error: new InvalidInputError([{ field, message: `name the ${field}` }]) };
}

function notYours(kind: DmsRecordKind, field: string): ForbiddenError {
  const error = new ForbiddenError(
    `${field} is not you: a ${kind.partner.kind} sends only its own ${kind.what}`,
  );
  error.extensions.field = field;
  return error;
}
