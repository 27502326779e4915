import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, DomainError, InvalidInputError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { dmsSource, ExternalRefRepository } from '../external-refs/external-ref.repository';
import { IdempotentRequests } from '../idempotency/idempotent-requests';
import { batchRows, parseRowAs, problemsOf } from '../inbound-rows/inbound-rows';
import {
  DmsCancellationBatchResponse,
  DmsCancellationRowResult,
  DmsCancellationStatus,
} from './dto/dms-cancellation.dto';
import { DmsRecordKind } from './dms-record-kinds';
import { partnerOfRow } from './dms-row-partner';

interface CancellationRow {
  externalId: string;
  reason?: string;
}

/** A row of a cancellation request, parsed, then answered. */
interface Pending {
  index: number;
  raw: unknown;
  row: CancellationRow | null;
  partnerId: string;
  result: DmsCancellationRowResult | null;
  error: DomainError | null;
}

/** A DMS id this caller's DMS never sent: 404 alone, `rejected` in a batch, naming `externalId`. */
export class UnknownDmsRecordError extends DomainError {
  readonly status = 404;
  readonly title = 'Not found';
  constructor(what: string, externalId: string) {
    super(`no ${what} ${externalId} was received from this DMS`);
    this.extensions.field = 'externalId';
  }
}

/**
 * Cancellations and deletions from dealers' and stations' DMS (ADR 0054): a record is marked cancelled on its
 * mapping and its cancellation published through the outbox in the same transaction, once; cancelling it again
 * answers `unchanged` and publishes nothing.
 */
@Injectable()
export class DmsRecordCancellationService {
  constructor(
    private readonly refs: ExternalRefRepository,
    private readonly idempotent: IdempotentRequests,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** One record: its result, or the error that refused it (400, 403, 404) as problem+json. */
  async cancelOne(
    kind: DmsRecordKind,
    principal: Principal,
    body: object,
  ): Promise<DmsCancellationRowResult> {
    const [pending] = await this.cancelRows(kind, principal, [body], '');
    if (pending.error) throw pending.error;
    return pending.result as DmsCancellationRowResult;
  }

  /** A batch: every row answered (cancelled, unchanged, rejected with its fields). */
  async cancelBatch(
    kind: DmsRecordKind,
    principal: Principal,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<{ response: DmsCancellationBatchResponse; replayed: boolean }> {
    const raws = batchRows(body, `DMS ${kind.what} cancellations`);
    const key = idempotencyKey ? { caller: principal.subject, key: idempotencyKey } : null;
    return this.idempotent.run(key, body, async () => {
      const rows = (await this.cancelRows(kind, principal, raws, '[]')).map(
        (pending) => pending.result as DmsCancellationRowResult,
      );
      return { response: { summary: summarize(rows), rows }, final: true };
    });
  }

  private async cancelRows(
    kind: DmsRecordKind,
    principal: Principal,
    raws: unknown[],
    path: '' | '[]',
  ): Promise<Pending[]> {
    const rows = raws.map((raw, index) => parsed(kind, principal, raw, index, path));
    const cancelledAt = this.clock.now();
    await this.unitOfWork.run(async (tx) => {
      for (const pending of rows.filter((r) => !r.result)) {
        const { externalId, reason } = pending.row as CancellationRow;
        const source = dmsSource(pending.partnerId);
        const key = { source, type: kind.type, externalId };
        const cancellation = await this.refs.cancel(tx, key, cancelledAt, kind.refers === 'order');
        if (!('crmId' in cancellation)) {
          const why =
            cancellation.outcome === 'unknown'
              ? new UnknownDmsRecordError(kind.type, externalId)
              : sendAgainFirst(kind, externalId);
          settle(pending, 'rejected', null, why);
          continue;
        }
        if (cancellation.outcome === 'cancelled')
          await this.outbox.add(
            tx,
            kind.cancellation.event(this.events, {
              id: cancellation.crmId,
              parentId: cancellation.parentId,
              source,
              partnerId: pending.partnerId,
              externalId,
              cancelledAt: cancelledAt.toISOString(),
              reason: reason ?? null,
            }),
          );
        settle(pending, cancellation.outcome, cancellation.crmId, null);
      }
    });
    return rows;
  }
}

function parsed(
  kind: DmsRecordKind,
  principal: Principal,
  raw: unknown,
  index: number,
  path: '' | '[]',
): Pending {
  const pending: Pending = { index, raw, row: null, partnerId: '', result: null, error: null };
  const result = parseRowAs(kind.cancellation.rowType, raw);
  if ('problems' in result)
    return settle(
      pending,
      'rejected',
      null,
      new InvalidInputError(result.problems.map((p) => ({ field: p.field, message: p.reason }))),
    );
  const row = result.row as unknown as CancellationRow & Record<string, unknown>;
  const partner = partnerOfRow(kind, principal, row, index, path);
  if ('error' in partner) return settle(pending, 'rejected', null, partner.error);
  return Object.assign(pending, { row, partnerId: partner.partnerId });
}

/** An invoice or payment mapped before integration kept its order: sent again, it is, and may then be cancelled. */
function sendAgainFirst(kind: DmsRecordKind, externalId: string): InvalidInputError {
  return new InvalidInputError([
    {
      field: 'externalId',
      message: `${externalId} was received before its order was kept; send the ${kind.type} again, then cancel it`,
    },
  ]);
}

function settle(
  pending: Pending,
  status: DmsCancellationStatus,
  id: string | null,
  error: DomainError | null,
): Pending {
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

function summarize(results: DmsCancellationRowResult[]): DmsCancellationBatchResponse['summary'] {
  const summary = { cancelled: 0, unchanged: 0, rejected: 0 };
  for (const result of results) summary[result.status]++;
  return summary;
}
