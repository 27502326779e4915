import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DomainError, FieldError, InvalidInputError } from '@crm/core';
import { CustomerService } from '../customers/customer.service';
import { DuplicateFinder } from '../customers/duplicate-finder';
import { VehicleRepository } from '../vehicles/vehicle.repository';
import { VehicleService } from '../vehicles/vehicle.service';
import { CsvRow } from './import-columns';
import { RowOutcome } from './import-job';
import { ImportRow, rowProblem, toImportRow } from './import-row';
import { DealerCodeRepository } from './dealer-code.repository';
import { inSavepoint } from './row-savepoint';

/**
 * Writes one row through the same registrations as the API (audit and events included). A likely
 * duplicate is never created again, so running the same file twice creates nothing new.
 */
@Injectable()
export class ImportRowWriter {
  constructor(
    private readonly customers: CustomerService,
    private readonly vehicles: VehicleService,
    private readonly duplicates: DuplicateFinder,
    private readonly vehicleRecords: VehicleRepository,
    private readonly dealers: DealerCodeRepository,
  ) {}

  async write(tx: EntityManager, csvRow: CsvRow): Promise<RowOutcome> {
    const problem = rowProblem(csvRow);
    if (problem) return rejected(csvRow.line, csvRow.cells.external_id ?? null, problem);
    const row = toImportRow(csvRow);
    try {
      return await inSavepoint(tx, () => this.writeValid(tx, row));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      const field =
        error instanceof InvalidInputError ? error.errors[0] : { field: 'row', message: error.message };
      return rejected(row.line, row.externalId, field);
    }
  }

  private async writeValid(tx: EntityManager, row: ImportRow): Promise<RowOutcome> {
    const sellingDealerId = row.sellingDealerCode
      ? await this.requireDealer(tx, row.sellingDealerCode)
      : undefined;
    const vehicle = row.vehicle && { ...row.vehicle, sellingDealerId };
    const ownerIds = (await this.duplicates.find(tx, probeOf(row))).map((candidate) => candidate.customerId);
    const known = vehicle && (await this.vehicleRecords.findByVin(vehicle.vin, tx));
    if (known && !ownerIds.includes(known.ownerCustomerId)) {
      throw new InvalidInputError([{ field: 'vin', message: 'is registered to another customer' }]);
    }
    if (ownerIds.length === 0) {
      const customer = await this.customers.registerWithin(tx, row.customer, { allowDuplicate: true });
      if (vehicle) await this.vehicles.registerWithin(tx, customer.id, vehicle);
      return { kind: 'created' };
    }
    if (!vehicle || known) return { kind: 'duplicate' };
    await this.vehicles.registerWithin(tx, ownerIds[0], vehicle);
    return { kind: 'merged-into-existing' };
  }

  private async requireDealer(tx: EntityManager, code: string): Promise<string> {
    const id = await this.dealers.dealerIdByCode(tx, code);
    if (!id)
      throw new InvalidInputError([
        { field: 'selling_dealer_code', message: `"${code}" is not a known dealer` },
      ]);
    return id;
  }
}

function probeOf(row: ImportRow) {
  const { name, phones = [], emails = [], birthday = null } = row.customer;
  return { name, phones, emails, birthday };
}

function rejected(line: number, externalId: string | null, problem: FieldError): RowOutcome {
  return {
    kind: 'rejected',
    rejection: { row: line, externalId, field: problem.field, reason: problem.message },
  };
}
