import { ClassConstructor } from 'class-transformer';
import { Principal } from '@crm/auth';
import { DomainError, InvalidInputError } from '@crm/core';
import { parseRowAs, problemsOf } from '../inbound-rows/inbound-rows';
import { RowProblem } from '../vehicle-sales/dto/vehicle-sale-import.response';
import { DmsRecordKind } from './dms-record-kinds';
import { partnerOfRow } from './dms-row-partner';

/** What a DMS request answers for one row, a record or a cancellation: the same shape, each with its statuses. */
export interface DmsRowAnswer<S extends string> {
  row: number;
  externalId: string | null;
  status: S;
  id: string | null;
  errors: RowProblem[];
}

/** A row on its way: parsed, with the partner whose DMS sent it; then answered, with the error that refused it. */
export interface DmsPendingRow<Row, S extends string> {
  index: number;
  raw: unknown;
  row: Row | null;
  partnerId: string;
  result: DmsRowAnswer<S> | null;
  error: DomainError | null;
}

/** `path` names a row's field in a 403: `[3].dealerId` in a batch (`[]`), `dealerId` alone (``). */
export type DmsRowPath = '' | '[]';

/** Every row of a request checked against `rowType` (see `pendingRow`); a single record is a request of one row. */
export function pendingRows<Row, S extends string>(
  kind: DmsRecordKind,
  rowType: ClassConstructor<object>,
  principal: Principal,
  raws: unknown[],
  path: DmsRowPath,
): DmsPendingRow<Row, S | 'rejected'>[] {
  return raws.map((raw, index) => pendingRow<Row, S>(kind, rowType, principal, raw, index, path));
}

/**
 * The row checked against `rowType`: answered `rejected` with its problems (or for naming no partner where it must),
 * else ready with its partner; a partner naming another partner refuses the whole request.
 */
function pendingRow<Row, S extends string>(
  kind: DmsRecordKind,
  rowType: ClassConstructor<object>,
  principal: Principal,
  raw: unknown,
  index: number,
  path: DmsRowPath,
): DmsPendingRow<Row, S | 'rejected'> {
  const pending: DmsPendingRow<Row, S | 'rejected'> = {
    index,
    raw,
    row: null,
    partnerId: '',
    result: null,
    error: null,
  };
  const parsed = parseRowAs(rowType, raw);
  if ('problems' in parsed) {
    const error = new InvalidInputError(parsed.problems.map((p) => ({ field: p.field, message: p.reason })));
    return settle(pending, 'rejected', null, error);
  }
  const row = parsed.row as Record<string, unknown>;
  const partner = partnerOfRow(kind, principal, row, index, path);
  if ('error' in partner) return settle(pending, 'rejected', null, partner.error);
  return Object.assign(pending, { row: row as Row, partnerId: partner.partnerId });
}

/** Answers the row with `status`: the record's CRM id, or the error's problems field by field. */
export function settle<Row, S extends string>(
  pending: DmsPendingRow<Row, S>,
  status: NoInfer<S>,
  id: string | null,
  error: DomainError | null,
): DmsPendingRow<Row, S> {
  const externalId = (pending.raw as { externalId?: unknown } | null)?.externalId;
  pending.error = error;
  pending.result = {
    row: pending.index,
    externalId: typeof externalId === 'string' ? externalId : null,
    status,
    id,
    errors: error ? problemsOf(error) : [],
  };
  return pending;
}

/** A single row's answer, or the error that refused it, thrown to be answered as problem+json. */
export function answerOfOne<S extends string>([pending]: DmsPendingRow<unknown, S>[]): DmsRowAnswer<S> {
  if (pending.error) throw pending.error;
  return pending.result as DmsRowAnswer<S>;
}

/** A batch's answer: every row's, and how many rows ended in each of `statuses`. */
export function batchAnswer<S extends string>(
  rows: DmsPendingRow<unknown, S>[],
  statuses: readonly S[],
): { summary: Record<S, number>; rows: DmsRowAnswer<S>[] } {
  const answers = rows.map((pending) => pending.result as DmsRowAnswer<S>);
  const summary = Object.fromEntries(statuses.map((status) => [status, 0])) as Record<S, number>;
  for (const answer of answers) summary[answer.status]++;
  return { summary, rows: answers };
}
