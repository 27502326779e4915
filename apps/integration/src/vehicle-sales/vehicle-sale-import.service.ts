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
import { BuyerVehicle, CustomerMasterGateway } from './customer-master.gateway';
import { VehicleSaleRowDto } from './dto/vehicle-sale-row.dto';
import { VehicleSaleBatchResponse, VehicleSaleRowResult } from './dto/vehicle-sale-import.response';
import { INBOUND_SETTINGS, InboundSettings } from './inbound-settings';
import { SellingDealer, SellingDealers } from './selling-dealers';
import { batchRows, parseRow, problemsOf } from './vehicle-sale-rows';

interface BatchRow {
  index: number;
  raw: unknown;
  row: VehicleSaleRowDto | null;
}

/**
 * Vehicle sales from a dealer's DMS: a batch creates or links its buyers and vehicles through customer-master's
 * batch registration (its duplicate rules decide, ADR 0049), keyed by the DMS's ids so the same sale sent again
 * changes nothing.
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
    const [settled] = await this.settleAll(authorization, [{ index: 0, raw: row, row }], [dealer]);
    if (settled instanceof Error) throw settled;
    return settled as VehicleSaleRowResult;
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
    const settled = await this.settleAll(authorization, rows, dealers);
    const results = rows.map((batchRow, i) => {
      const problems = parsed[i];
      if ('problems' in problems) return resultOf(batchRow, 'rejected', { errors: problems.problems });
      const outcome = settled[i] as VehicleSaleRowResult | DomainError;
      return outcome instanceof DomainError ? failedResult(batchRow, outcome) : outcome;
    });
    return { summary: summarize(results), rows: results };
  }

  /**
   * Every valid row's result, or the error that refused it. Rows mapped before are answered from one query
   * (a batch sent again costs no lease and no call); the rest are registered together under their buyers' leases.
   */
  private async settleAll(
    authorization: string,
    rows: BatchRow[],
    dealers: (SellingDealer | null)[],
  ): Promise<(VehicleSaleRowResult | DomainError | undefined)[]> {
    const settled: (VehicleSaleRowResult | DomainError | undefined)[] = new Array(rows.length);
    const pending: PendingSale[] = [];
    for (const batchRow of rows) {
      const dealer = dealers[batchRow.index];
      if (!batchRow.row || !dealer) continue;
      if ('error' in dealer) settled[batchRow.index] = asDomainError(dealer.error);
      else pending.push(pendingSale(batchRow, dealer.dealerId));
    }
    const mapped = await this.refs.crmIdsOf(pending.flatMap((p) => [p.saleKey, p.buyerKey]));
    const unmapped = pending.filter((p) => {
      const vehicleId = mapped.get(refKey(p.saleKey));
      if (vehicleId) settled[p.batchRow.index] = unchanged(p, vehicleId, mapped);
      return !vehicleId;
    });
    if (!unmapped.length) return settled;
    try {
      const registered = await this.leases.whileHeldAll(
        unmapped.map((p) => p.buyerKey),
        () => this.registerUnderLease(authorization, unmapped),
      );
      for (const [index, outcome] of registered) settled[index] = outcome;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      for (const p of unmapped) settled[p.batchRow.index] = error;
    }
    return settled;
  }

  /**
   * Under the buyers' leases: looks at the mappings again (another request may have imported the rows meanwhile),
   * then registers the rest in one customer-master call per round: a buyer's first row in the first round, the
   * buyer's further rows (by the customer just mapped) in the next, so a buyer repeated in a batch is one customer.
   */
  private async registerUnderLease(
    authorization: string,
    pending: PendingSale[],
  ): Promise<Map<number, VehicleSaleRowResult | DomainError>> {
    const mapped = await this.refs.crmIdsOf(pending.flatMap((p) => [p.saleKey, p.buyerKey]));
    const settled = new Map<number, VehicleSaleRowResult | DomainError>();
    let rest = pending.filter((p) => {
      const vehicleId = mapped.get(refKey(p.saleKey));
      if (vehicleId) settled.set(p.batchRow.index, unchanged(p, vehicleId, mapped));
      return !vehicleId;
    });
    while (rest.length) {
      const round = firstPerBuyer(rest);
      rest = rest.filter((p) => !round.includes(p));
      await this.registerRound(authorization, round, mapped, settled);
    }
    return settled;
  }

  private async registerRound(
    authorization: string,
    round: PendingSale[],
    mapped: Map<string, string>,
    settled: Map<number, VehicleSaleRowResult | DomainError>,
  ): Promise<void> {
    const registered = await this.customerMaster.registerBatch(
      authorization,
      round.map((p) => this.buyerVehicle(p, mapped.get(refKey(p.buyerKey)))),
    );
    const mappings = round.flatMap((p, i) => {
      const outcome = registered[i];
      if (outcome instanceof DomainError) {
        settled.set(p.batchRow.index, outcome);
        return [];
      }
      const status = outcome.existed ? 'linked' : 'created';
      settled.set(p.batchRow.index, resultOf(p.batchRow, status, outcome));
      mapped.set(refKey(p.buyerKey), mapped.get(refKey(p.buyerKey)) ?? outcome.customerId);
      return [
        { key: p.buyerKey, crmId: outcome.customerId },
        { key: p.saleKey, crmId: outcome.vehicleId },
      ];
    });
    await this.refs.mapMany(mappings);
  }

  private buyerVehicle(p: PendingSale, customerId: string | undefined): BuyerVehicle {
    const row = p.batchRow.row as VehicleSaleRowDto;
    return {
      buyer: customerId ? { customerId } : row.buyer,
      vehicle: {
        vin: row.vin.trim(),
        brand: row.brand ?? this.settings.defaultBrand,
        model: row.model,
        soldOn: row.soldOn,
        dealerId: p.dealerId,
      },
    };
  }
}

/** A valid row of a known dealer, not imported before, with its keys in the dealer's DMS. */
interface PendingSale {
  batchRow: BatchRow;
  dealerId: string;
  saleKey: ExternalKey;
  buyerKey: ExternalKey;
}

function pendingSale(batchRow: BatchRow, dealerId: string): PendingSale {
  const row = batchRow.row as VehicleSaleRowDto;
  const source = dmsSource(dealerId);
  return {
    batchRow,
    dealerId,
    saleKey: { source, type: 'vehicle-sale', externalId: row.externalId },
    buyerKey: { source, type: 'customer', externalId: row.buyer.externalCustomerId },
  };
}

function unchanged(p: PendingSale, vehicleId: string, mapped: Map<string, string>): VehicleSaleRowResult {
  return resultOf(p.batchRow, 'unchanged', { customerId: mapped.get(refKey(p.buyerKey)) ?? null, vehicleId });
}

function firstPerBuyer(sales: PendingSale[]): PendingSale[] {
  const firsts = new Map<string, PendingSale>();
  for (const sale of sales) if (!firsts.has(refKey(sale.buyerKey))) firsts.set(refKey(sale.buyerKey), sale);
  return [...firsts.values()];
}

function asDomainError(error: Error): DomainError {
  if (error instanceof DomainError) return error;
  throw error;
}

function failedResult(row: BatchRow, error: DomainError): VehicleSaleRowResult {
  const retryable = error instanceof CustomerMasterUnavailableError || error instanceof RecordBusyError;
  return resultOf(row, retryable ? 'retryable' : 'rejected', { errors: problemsOf(error) });
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
