import { isEmail } from 'class-validator';
import { FieldError, normalizeVin, VIN_MESSAGES, vinProblem } from '@crm/core';
import { isCalendarDate } from '@crm/http';
import { CreateCustomerDto } from '../customers/dto/create-customer.dto';
import { CUSTOMER_KINDS, GENDERS } from '../customers/dto/customer-fields.dto';
import { NormalizedPhone, normalizePhone } from '@crm/search-keys';
import { RegisterVehicleDto } from '../vehicles/dto/register-vehicle.dto';
import { CsvRow, ImportColumn } from './import-columns';

/** A valid row, as the inputs of a customer registration and, when it has a VIN, a vehicle registration. */
export interface ImportRow {
  line: number;
  externalId: string | null;
  customer: CreateCustomerDto;
  vehicle: RegisterVehicleDto | null;
  sellingDealerCode: string | null;
}

const DATE_COLUMNS: ImportColumn[] = ['birthday', 'purchase_date', 'warranty_end'];
const VEHICLE_COLUMNS: ImportColumn[] = [
  'brand',
  'model',
  'model_year',
  'purchase_date',
  'selling_dealer_code',
  'warranty_end',
];
const MAX_CELL_LENGTH = 200;

/** A row checked without the database (dealer codes and duplicates come later): its first problem, or its inputs. */
export type CheckedRow = { problem: FieldError } | { row: ImportRow };

/** Checks a row and builds its inputs in one pass, so its phone is parsed once (libphonenumber is the costly part). */
export function checkRow({ line, cells }: CsvRow): CheckedRow {
  const long = lengthProblem(cells);
  if (long) return { problem: long };
  const phone = cells.phone ? normalizePhone(cells.phone) : null;
  const problem = customerProblem(cells, phone) ?? dateProblem(cells) ?? vehicleProblem(cells);
  return problem ? { problem } : { row: toImportRow(line, cells, phone) };
}

function toImportRow(line: number, cells: CsvRow['cells'], phone: NormalizedPhone | null): ImportRow {
  const province = cells.province ?? null;
  const city = cells.city ?? null;
  return {
    line,
    externalId: cells.external_id ?? null,
    customer: {
      kind: (cells.kind?.toLowerCase() as CreateCustomerDto['kind']) ?? 'person',
      name: cells.name as string,
      phones: phone ? [phone.e164] : [],
      emails: cells.email ? [cells.email.toLowerCase()] : [],
      address: province || city ? { province: province ?? undefined, city: city ?? undefined } : undefined,
      birthday: cells.birthday,
      gender: cells.gender?.toLowerCase() as CreateCustomerDto['gender'],
    },
    vehicle: cells.vin ? toVehicleInput(cells) : null,
    sellingDealerCode: cells.selling_dealer_code ?? null,
  };
}

function toVehicleInput(cells: CsvRow['cells']): RegisterVehicleDto {
  return {
    vin: normalizeVin(cells.vin as string),
    brand: cells.brand as string,
    model: cells.model as string,
    modelYear: cells.model_year ? Number(cells.model_year) : undefined,
    purchaseDate: cells.purchase_date,
    warrantyEnd: cells.warranty_end,
  };
}

function lengthProblem(cells: CsvRow['cells']): FieldError | null {
  const long = Object.entries(cells).find(([, value]) => (value?.length ?? 0) > MAX_CELL_LENGTH);
  return long ? { field: long[0], message: `may have at most ${MAX_CELL_LENGTH} characters` } : null;
}

function customerProblem(cells: CsvRow['cells'], phone: NormalizedPhone | null): FieldError | null {
  if (!cells.name) return { field: 'name', message: 'is required' };
  if (cells.kind && !includes(CUSTOMER_KINDS, cells.kind.toLowerCase())) {
    return { field: 'kind', message: `must be one of ${CUSTOMER_KINDS.join(', ')}` };
  }
  if (cells.phone && !phone) {
    return { field: 'phone', message: `"${cells.phone.slice(0, 40)}" is not a valid phone number` };
  }
  if (cells.email && !isEmail(cells.email))
    return { field: 'email', message: 'is not a valid email address' };
  if (cells.gender && !includes(GENDERS, cells.gender.toLowerCase())) {
    return { field: 'gender', message: `must be one of ${GENDERS.join(', ')}` };
  }
  return null;
}

function dateProblem(cells: CsvRow['cells']): FieldError | null {
  const field = DATE_COLUMNS.find((column) => cells[column] && !isCalendarDate(cells[column] as string));
  return field ? { field, message: `"${cells[field]?.slice(0, 20)}" is not a date as YYYY-MM-DD` } : null;
}

function vehicleProblem(cells: CsvRow['cells']): FieldError | null {
  if (!cells.vin) {
    const orphan = VEHICLE_COLUMNS.find((column) => cells[column]);
    return orphan ? { field: 'vin', message: `is required when ${orphan} is given` } : null;
  }
  const problem = vinProblem(normalizeVin(cells.vin));
  if (problem) return { field: 'vin', message: `VIN ${VIN_MESSAGES[problem]}` };
  if (!cells.brand) return { field: 'brand', message: 'is required with a VIN' };
  if (!cells.model) return { field: 'model', message: 'is required with a VIN' };
  const year = Number(cells.model_year);
  if (cells.model_year && !(Number.isInteger(year) && year >= 1950 && year <= 2100)) {
    return { field: 'model_year', message: 'must be a year between 1950 and 2100' };
  }
  return null;
}

function includes(values: readonly string[], value: string): boolean {
  return values.includes(value);
}
