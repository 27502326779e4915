import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { FieldError } from '@crm/core';
import { BatchRowOutcome } from '../customers/batch-registration/batch-registration';
import { BatchRegistrationService } from '../customers/batch-registration/batch-registration.service';
import { CsvRow } from './import-columns';
import { RowOutcome } from './import-job';
import { checkRow, ImportRow } from './import-row';
import { DealerCodeRepository } from './dealer-code.repository';

/** The file's column for a field the batch registration names. */
const FILE_COLUMNS: Record<string, string> = { 'vehicle.vin': 'vin' };

type RejectedRow = Extract<RowOutcome, { kind: 'rejected' }>;

/** A chunk's rows after the file's own checks, in file order: the inputs of a valid row, the outcome of a bad one. */
export type CheckedChunk = (ImportRow | RejectedRow)[];

/**
 * Writes a chunk of the file through the batch registration (ADR 0049), with the same audit and events as the
 * API. A likely duplicate, in the database or earlier in the file, is never created again, so running the same
 * file twice creates nothing new.
 */
@Injectable()
export class ImportChunkWriter {
  constructor(
    private readonly registrations: BatchRegistrationService,
    private readonly dealers: DealerCodeRepository,
  ) {}

  /** The file's own checks of a chunk, without the database, so the next chunk is checked while one is written. */
  check(csvRows: CsvRow[]): CheckedChunk {
    return csvRows.map((row) => {
      const checked = checkRow(row);
      return 'row' in checked
        ? checked.row
        : rejected(row.line, row.cells.external_id ?? null, checked.problem);
    });
  }

  async write(tx: EntityManager, chunk: CheckedChunk): Promise<RowOutcome[]> {
    const valid = chunk.filter(isValid);
    const dealerIds = await this.dealers.dealerIdsByCode(tx, codesOf(valid));
    const unknownDealer = (row: ImportRow) =>
      !!row.sellingDealerCode && !dealerIds.has(row.sellingDealerCode);
    const registrable = valid.filter((row) => !unknownDealer(row));
    const registered = await this.registrations.registerWithin(
      tx,
      registrable.map((row) => ({
        customer: row.customer,
        vehicle: row.vehicle && {
          ...row.vehicle,
          sellingDealerId: row.sellingDealerCode ? dealerIds.get(row.sellingDealerCode) : undefined,
        },
      })),
      { matching: 'earliest' },
    );
    const byLine = new Map(registrable.map((row, i) => [row.line, toRowOutcome(row, registered[i])]));
    for (const row of valid.filter(unknownDealer)) {
      const problem = {
        field: 'selling_dealer_code',
        message: `"${row.sellingDealerCode}" is not a known dealer`,
      };
      byLine.set(row.line, rejected(row.line, row.externalId, problem));
    }
    return chunk.map((row) => (isValid(row) ? (byLine.get(row.line) as RowOutcome) : row));
  }
}

function isValid(row: ImportRow | RejectedRow): row is ImportRow {
  return 'customer' in row;
}

function codesOf(rows: ImportRow[]): string[] {
  return [...new Set(rows.flatMap((row) => row.sellingDealerCode ?? []))];
}

function toRowOutcome(row: ImportRow, outcome: BatchRowOutcome): RowOutcome {
  if (outcome.status === 'created') return { kind: 'created' };
  if (outcome.status === 'matched')
    return { kind: outcome.vehicleAdded ? 'merged-into-existing' : 'duplicate' };
  const field = FILE_COLUMNS[outcome.error.field] ?? outcome.error.field;
  return rejected(row.line, row.externalId, { field, message: outcome.error.message });
}

function rejected(line: number, externalId: string | null, problem: FieldError): RejectedRow {
  return {
    kind: 'rejected',
    rejection: { row: line, externalId, field: problem.field, reason: problem.message },
  };
}
