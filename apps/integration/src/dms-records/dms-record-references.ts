import { Injectable } from '@nestjs/common';
import { CustomerMasterUnavailableError } from '@crm/api-client';
import { DomainError, InvalidInputError } from '@crm/core';
import { ExternalKey, ExternalRefRepository, refKey } from '../external-refs/external-ref.repository';
import { inParallel } from '../inbound-rows/inbound-rows';
import { CustomerMasterGateway } from '../vehicle-sales/customer-master.gateway';
import { DmsRecordKind } from './dms-record-kinds';

/** A row ready to resolve: its source and the reference fields it may carry. */
export interface ReferringRow {
  source: string;
  row: { customerExternalId?: string; customerId?: string; orderExternalId?: string };
}

/** What a row refers to in the CRM, a DMS customer id to map along with it, or why it cannot be written. */
export type Reference = { referenceId: string; mapCustomer: ExternalKey | null } | { error: DomainError };

const VERIFYING_AT_ONCE = 4;

/**
 * Resolves what rows refer to, set-based: every mapped DMS id in one query, every CRM customer id named checked once
 * with customer-master under the caller's token (its partner scoping decides who may write about whom).
 */
@Injectable()
export class DmsRecordReferences {
  constructor(
    private readonly refs: ExternalRefRepository,
    private readonly customerMaster: CustomerMasterGateway,
  ) {}

  async resolve(kind: DmsRecordKind, authorization: string, rows: ReferringRow[]): Promise<Reference[]> {
    const keys = rows.flatMap((r) => {
      const key = externalKeyOf(kind, r);
      return key ? [key] : [];
    });
    const mapped = await this.refs.crmIdsOf(keys);
    const visible = kind.refers === 'customer' ? await this.visibility(authorization, rows) : new Map();
    return rows.map((r) => {
      const key = externalKeyOf(kind, r);
      const mappedId = key ? (mapped.get(refKey(key)) ?? null) : null;
      if (kind.refers === 'order')
        return mappedId
          ? { referenceId: mappedId, mapCustomer: null }
          : invalid(
              'orderExternalId',
              `no order ${r.row.orderExternalId} came from this DMS; send the order first`,
            );
      return customerReference(r, key, mappedId, visible);
    });
  }

  /** Each CRM customer id named, checked once: visible, not, or customer-master did not answer. */
  private async visibility(
    authorization: string,
    rows: ReferringRow[],
  ): Promise<Map<string, boolean | DomainError>> {
    const ids = [...new Set(rows.flatMap((r) => (r.row.customerId ? [r.row.customerId] : [])))];
    const answers = new Map<string, boolean | DomainError>();
    await inParallel(ids, VERIFYING_AT_ONCE, async (id) => {
      try {
        answers.set(id, await this.customerMaster.customerVisible(authorization, id));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        answers.set(id, error);
      }
    });
    return answers;
  }
}

function externalKeyOf(kind: DmsRecordKind, { source, row }: ReferringRow): ExternalKey | null {
  if (kind.refers === 'order')
    return row.orderExternalId ? { source, type: 'order', externalId: row.orderExternalId } : null;
  return row.customerExternalId ? { source, type: 'customer', externalId: row.customerExternalId } : null;
}

function customerReference(
  { row }: ReferringRow,
  key: ExternalKey | null,
  mappedId: string | null,
  visible: Map<string, boolean | DomainError>,
): Reference {
  if (!row.customerId) {
    if (mappedId) return { referenceId: mappedId, mapCustomer: null };
    return key
      ? invalid(
          'customerExternalId',
          `customer ${row.customerExternalId} is not known from this DMS; import their vehicle sale first or name customerId`,
        )
      : invalid('customerExternalId', 'name the customer by customerExternalId or customerId');
  }
  const answer = visible.get(row.customerId);
  if (answer instanceof DomainError) return { error: answer };
  if (!answer) return invalid('customerId', `${row.customerId} is no active customer you may see`);
  if (mappedId && mappedId !== row.customerId)
    return invalid('customerId', `customer ${row.customerExternalId} of this DMS is another CRM customer`);
  return { referenceId: row.customerId, mapCustomer: key && !mappedId ? key : null };
}

function invalid(field: string, message: string): Reference {
  return { error: new InvalidInputError([{ field, message }]) };
}

/** A reference that failed only because customer-master did not answer: the row may be sent again. */
export function isRetryable(error: DomainError): boolean {
  return error instanceof CustomerMasterUnavailableError;
}
