import { Inject, Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { DomainError } from '@crm/core';
import {
  dmsSource,
  ExternalKey,
  ExternalRefRepository,
  refKey,
} from '../external-refs/external-ref.repository';
import { RecordBusyError, RecordLeases } from '../external-refs/record-leases';
import { IdempotentRequests } from '../idempotency/idempotent-requests';
import { CustomerMasterUnavailableError } from '@crm/api-client';
import { CustomerMasterGateway, Registered } from './customer-master.gateway';
import { VehicleSaleRowDto } from './dto/vehicle-sale-row.dto';
import { VehicleSaleBatchResponse, VehicleSaleRowResult } from './dto/vehicle-sale-import.response';
import { INBOUND_SETTINGS, InboundSettings } from './inbound-settings';
import { SellingDealer, SellingDealers } from './selling-dealers';
import { inParallel } from '../inbound-rows/inbound-rows';
import { batchRows, parseRow, problemsOf } from './vehicle-sale-rows';

/** Rows of different buyers run side by side; one buyer's rows run in order, so a buyer is registered once. */
const PARALLEL_BUYERS = 4;

interface BatchRow {
  index: number;
  raw: unknown;
  row: VehicleSaleRowDto | null;
}

/**
 * Vehicle sales from a dealer's DMS: each creates or links its buyer and vehicle through customer-master's
 * API (its duplicate rules decide), keyed by the DMS's ids so the same sale sent again changes nothing.
 */
@Injectable()
export class VehicleSaleImportService {
  constructor(
    private readonly customerMaster: CustomerMasterGateway,
    private readonly refs: ExternalRefRepository,
    private readonly leases: RecordLeases,
    private readonly dealers: SellingDealers,
    private readonly idempotent: IdempotentRequests,
    @Inject(INBOUND_SETTINGS) private readonly settings: InboundSettings,
  ) {}

  /** One sale: its result, or the error that refused it (400, 403, 409, 503) as problem+json. */
  async importOne(
    principal: Principal,
    authorization: string,
    row: VehicleSaleRowDto,
  ): Promise<VehicleSaleRowResult> {
    const [dealer] = await this.dealers.of(principal, authorization, [row]);
    return this.importRow(authorization, { index: 0, raw: row, row }, dealer as SellingDealer);
  }

  /** A batch: every row answered (imported, rejected with its fields, or retryable); replayed under its Idempotency-Key. */
  async importBatch(
    principal: Principal,
    authorization: string,
    body: unknown,
    idempotencyKey: string | undefined,
  ): Promise<{ response: VehicleSaleBatchResponse; replayed: boolean }> {
    const raws = batchRows(body);
    const key = idempotencyKey ? { caller: principal.subject, key: idempotencyKey } : null;
    return this.idempotent.run(key, body, async () => {
      const response = await this.importRows(principal, authorization, raws);
      return { response, final: response.summary.retryable === 0 };
    });
  }

  private async importRows(
    principal: Principal,
    authorization: string,
    raws: unknown[],
  ): Promise<VehicleSaleBatchResponse> {
    const parsed = raws.map(parseRow);
    const rows = parsed.map((p, index) => ({ index, raw: raws[index], row: 'row' in p ? p.row : null }));
    const dealers = await this.dealers.of(
      principal,
      authorization,
      rows.map((r) => r.row),
    );
    const results: VehicleSaleRowResult[] = new Array(rows.length);
    const imported = await this.importedBefore(rows, dealers);
    const byBuyer = groupBy(rows, (r) =>
      r.row ? `${dealerKey(dealers[r.index])}/${r.row.buyer.externalCustomerId}` : `#${r.index}`,
    );
    await inParallel([...byBuyer.values()], PARALLEL_BUYERS, async (buyerRows) => {
      for (const batchRow of buyerRows) {
        const problems = parsed[batchRow.index];
        results[batchRow.index] =
          'problems' in problems
            ? resultOf(batchRow, 'rejected', { errors: problems.problems })
            : (imported.get(batchRow.index) ??
              (await this.settle(authorization, batchRow, dealers[batchRow.index] as SellingDealer)));
      }
    });
    return { summary: summarize(results), rows: results };
  }

  /**
   * The rows whose sale was mapped before, answered `unchanged` from one query for the whole batch (a batch sent
   * again costs no lease and no call). The rest run under their buyer's lease, which looks again.
   */
  private async importedBefore(
    rows: BatchRow[],
    dealers: (SellingDealer | null)[],
  ): Promise<Map<number, VehicleSaleRowResult>> {
    const keyed = rows.flatMap((batchRow) => {
      const dealer = dealers[batchRow.index];
      if (!batchRow.row || !dealer || !('dealerId' in dealer)) return [];
      const source = dmsSource(dealer.dealerId);
      const sale: ExternalKey = { source, type: 'vehicle-sale', externalId: batchRow.row.externalId };
      const buyer: ExternalKey = {
        source,
        type: 'customer',
        externalId: batchRow.row.buyer.externalCustomerId,
      };
      return [{ batchRow, sale, buyer }];
    });
    const mapped = await this.refs.crmIdsOf(keyed.flatMap(({ sale, buyer }) => [sale, buyer]));
    const answers = new Map<number, VehicleSaleRowResult>();
    for (const { batchRow, sale, buyer } of keyed) {
      const vehicleId = mapped.get(refKey(sale));
      if (vehicleId)
        answers.set(
          batchRow.index,
          resultOf(batchRow, 'unchanged', { customerId: mapped.get(refKey(buyer)) ?? null, vehicleId }),
        );
    }
    return answers;
  }

  /** A row's result, whatever happened to it: a domain error is its answer, never the batch's. */
  private async settle(
    authorization: string,
    row: BatchRow,
    dealer: SellingDealer,
  ): Promise<VehicleSaleRowResult> {
    try {
      return await this.importRow(authorization, row, dealer);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const retryable = error instanceof CustomerMasterUnavailableError || error instanceof RecordBusyError;
      const status = retryable ? 'retryable' : 'rejected';
      return resultOf(row, status, { errors: problemsOf(error) });
    }
  }

  /**
   * One row under its buyer's lease (the same buyer's rows, in this request or another, run one after the
   * other). Each mapping is kept as soon as customer-master confirms the record, so a row that fails
   * half-way resumes from what was done when sent again.
   */
  private async importRow(
    authorization: string,
    batchRow: BatchRow,
    dealer: SellingDealer,
  ): Promise<VehicleSaleRowResult> {
    if ('error' in dealer) throw dealer.error;
    const row = batchRow.row as VehicleSaleRowDto;
    const source = dmsSource(dealer.dealerId);
    const saleKey: ExternalKey = { source, type: 'vehicle-sale', externalId: row.externalId };
    const buyerKey: ExternalKey = { source, type: 'customer', externalId: row.buyer.externalCustomerId };
    return this.leases.whileHeld(buyerKey, async () => {
      const imported = await this.refs.crmIdOf(saleKey);
      if (imported)
        return resultOf(batchRow, 'unchanged', {
          customerId: await this.refs.crmIdOf(buyerKey),
          vehicleId: imported,
        });
      const customer = await this.buyer(authorization, buyerKey, row);
      const vehicle = await this.customerMaster.registerVehicle(authorization, customer.id, {
        vin: row.vin.trim(),
        brand: row.brand ?? this.settings.defaultBrand,
        model: row.model,
        soldOn: row.soldOn,
        dealerId: dealer.dealerId,
      });
      await this.refs.map(saleKey, vehicle.id);
      const status = customer.existed || vehicle.existed ? 'linked' : 'created';
      return resultOf(batchRow, status, { customerId: customer.id, vehicleId: vehicle.id });
    });
  }

  /** The buyer's customer: the one this DMS id maps to, else registered (or matched) in customer-master and mapped. */
  private async buyer(authorization: string, key: ExternalKey, row: VehicleSaleRowDto): Promise<Registered> {
    const mapped = await this.refs.crmIdOf(key);
    if (mapped) return { id: mapped, existed: true };
    const registered = await this.customerMaster.registerCustomer(authorization, row.buyer);
    await this.refs.map(key, registered.id);
    return registered;
  }
}

function resultOf(
  row: BatchRow,
  status: VehicleSaleRowResult['status'],
  details: Partial<Pick<VehicleSaleRowResult, 'customerId' | 'vehicleId' | 'errors'>>,
): VehicleSaleRowResult {
  const externalId = (row.raw as { externalId?: unknown } | null)?.externalId;
  return {
    row: row.index,
    externalId: typeof externalId === 'string' ? externalId : null,
    status,
    customerId: details.customerId ?? null,
    vehicleId: details.vehicleId ?? null,
    errors: details.errors ?? [],
  };
}

function summarize(results: VehicleSaleRowResult[]): VehicleSaleBatchResponse['summary'] {
  const summary: VehicleSaleBatchResponse['summary'] = {
    created: 0,
    linked: 0,
    unchanged: 0,
    rejected: 0,
    retryable: 0,
  };
  for (const result of results) summary[result.status]++;
  return summary;
}

function dealerKey(dealer: SellingDealer | null): string {
  return dealer && 'dealerId' in dealer ? dealer.dealerId : '-';
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
