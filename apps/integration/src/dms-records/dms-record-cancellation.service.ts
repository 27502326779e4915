import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, DomainError, InvalidInputError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { dmsSource, ExternalRefRepository } from '../external-refs/external-ref.repository';
import { IdempotentRequests } from '../idempotency/idempotent-requests';
import { batchRows } from '../inbound-rows/inbound-rows';
import {
  DMS_CANCELLATION_STATUSES,
  DmsCancellationBatchResponse,
  DmsCancellationRowResult,
  DmsCancellationStatus,
} from './dto/dms-cancellation.dto';
import { DmsRecordKind } from './dms-record-kinds';
import { answerOfOne, batchAnswer, DmsPendingRow, DmsRowPath, pendingRows, settle } from './dms-row-answers';

interface CancellationRow {
  externalId: string;
  reason?: string;
}

type Pending = DmsPendingRow<CancellationRow, DmsCancellationStatus>;

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
    return answerOfOne(await this.cancelRows(kind, principal, [body], ''));
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
      const rows = await this.cancelRows(kind, principal, raws, '[]');
      return { response: batchAnswer(rows, DMS_CANCELLATION_STATUSES), final: true };
    });
  }

  private async cancelRows(
    kind: DmsRecordKind,
    principal: Principal,
    raws: unknown[],
    path: DmsRowPath,
  ): Promise<Pending[]> {
    const rows = pendingRows<CancellationRow, DmsCancellationStatus>(
      kind,
      kind.cancellation.rowType,
      principal,
      raws,
      path,
    );
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

/** An invoice or payment mapped before integration kept its order: sent again, it is, and may then be cancelled. */
function sendAgainFirst(kind: DmsRecordKind, externalId: string): InvalidInputError {
  return new InvalidInputError([
    {
      field: 'externalId',
      message: `${externalId} was received before its order was kept; send the ${kind.type} again, then cancel it`,
    },
  ]);
}
