import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { IdGenerator, InvalidInputError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { dmsSource, ExternalRefRepository } from '../external-refs/external-ref.repository';
import { IdempotentRequests } from '../idempotency/idempotent-requests';
import { batchRows } from '../inbound-rows/inbound-rows';
import {
  DMS_ROW_STATUSES,
  DmsRecordBatchResponse,
  DmsRecordRowResult,
  DmsRowStatus,
} from './dto/dms-record-import.response';
import { DmsRecordKind } from './dms-record-kinds';
import { DmsRecordReferences, isRetryable, ReferringRow } from './dms-record-references';
import { answerOfOne, batchAnswer, DmsPendingRow, DmsRowPath, pendingRows, settle } from './dms-row-answers';

type Row = { externalId: string } & ReferringRow['row'] & Record<string, unknown>;

type Pending = DmsPendingRow<Row, DmsRowStatus>;

/**
 * Orders, invoices, payments and paid repairs from dealers' and stations' DMS (ADR 0042): each row keyed by its DMS
 * id, written with the hash of its content and published through the outbox in one transaction, so a row sent again
 * unchanged changes nothing and one sent with other data is published again (latest wins downstream).
 */
@Injectable()
export class DmsRecordImportService {
  constructor(
    private readonly refs: ExternalRefRepository,
    private readonly references: DmsRecordReferences,
    private readonly idempotent: IdempotentRequests,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly ids: IdGenerator,
  ) {}

  /** One record: its result, or the error that refused it (400, 403, 503) as problem+json. */
  async importOne(
    kind: DmsRecordKind,
    principal: Principal,
    authorization: string,
    body: object,
  ): Promise<DmsRecordRowResult> {
    return answerOfOne(await this.importRows(kind, principal, authorization, [body], ''));
  }

  /** A batch: every row answered (created, updated, unchanged, rejected with its fields, retryable). */
  async importBatch(
    kind: DmsRecordKind,
    principal: Principal,
    authorization: string,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<{ response: DmsRecordBatchResponse; replayed: boolean }> {
    const raws = batchRows(body, `DMS ${kind.what}`);
    const key = idempotencyKey ? { caller: principal.subject, key: idempotencyKey } : null;
    return this.idempotent.run(key, body, async () => {
      const rows = await this.importRows(kind, principal, authorization, raws, '[]');
      const response = batchAnswer(rows, DMS_ROW_STATUSES);
      return { response, final: response.summary.retryable === 0 };
    });
  }

  private async importRows(
    kind: DmsRecordKind,
    principal: Principal,
    authorization: string,
    raws: unknown[],
    path: DmsRowPath,
  ): Promise<Pending[]> {
    const rows = pendingRows<Row, DmsRowStatus>(kind, kind.rowType, principal, raws, path);
    const valid = rows.filter((r) => !r.result);
    const references = await this.references.resolve(
      kind,
      authorization,
      valid.map((r) => ({ source: dmsSource(r.partnerId), row: r.row as Row })),
    );
    await this.unitOfWork.run(async (tx) => {
      for (const [i, pending] of valid.entries()) {
        const reference = references[i];
        if ('error' in reference) {
          settle(pending, isRetryable(reference.error) ? 'retryable' : 'rejected', null, reference.error);
          continue;
        }
        const row = pending.row as Row;
        const source = dmsSource(pending.partnerId);
        const key = { source, type: kind.type, externalId: row.externalId };
        const hash = contentHash([row, reference.referenceId]);
        const parentId = kind.refers === 'order' ? reference.referenceId : null;
        const { crmId, outcome } = await this.refs.upsertContent(tx, key, this.ids.next(), hash, parentId);
        if (outcome === 'cancelled') {
          settle(pending, 'rejected', crmId, cancelledBefore(row.externalId));
          continue;
        }
        if (reference.mapCustomer) await this.refs.map(reference.mapCustomer, reference.referenceId, tx);
        if (outcome !== 'unchanged') {
          const resolved = { id: crmId, source, partnerId: pending.partnerId, ...reference };
          await this.outbox.add(tx, kind.event(this.events, row, resolved));
        }
        settle(pending, outcome, crmId, null);
      }
    });
    return rows;
  }
}

/** A cancelled record's DMS id is not taken again (ADR 0054): a DMS that re-creates a record sends a new id. */
function cancelledBefore(externalId: string): InvalidInputError {
  return new InvalidInputError([
    { field: 'externalId', message: `${externalId} was cancelled; a cancelled record is not sent again` },
  ]);
}

/** The same content hashes the same whatever the order of its keys. */
function contentHash(value: unknown): string {
  return createHash('sha256').update(stableJson(value)).digest('hex');
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
