import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { IMPORT_COLUMNS } from '../src/import/import-columns';
import { mulberry32 } from '../../../test/bench/latency-stats';
import { customerName, mobile, vin } from '../../../test/bench/customer-data';

/** In every 100 rows: these positions are bad rows (2%) and these duplicates of an earlier row (5%). */
const BAD_AT = new Set([37, 83]);
const DUPLICATE_AT = new Set([11, 29, 47, 61, 97]);
/** Every fifth duplicate brings a vehicle of its own, which the import adds to the customer it matched. */
const NEW_VEHICLE_EVERY = 5;
const BRANDS = ['Aurora', 'Borealis', 'Cirrus'];

export const BENCH_DEALER_CODES = ['BENCH-D1', 'BENCH-D2', 'BENCH-D3'];

/** What the generated file must come out as. */
export interface ExpectedCounts {
  totalRows: number;
  created: number;
  duplicates: number;
  vehiclesAttached: number;
  rejected: number;
}

type Cells = Partial<Record<(typeof IMPORT_COLUMNS)[number], string>>;

/** New person `k`: unique phone, email and (for 3 in 5) a vehicle; no birthday, so no two new rows are alike. */
function newPerson(k: number, random: () => number): Cells {
  const phone = mobile(k);
  const cells: Cells = {
    external_id: `LEG-${k}`,
    kind: 'person',
    name: customerName(k, random).name,
    phone: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`,
    email: k % 2 === 0 ? `legacy.${k}@example.com` : undefined,
    city: '上海市',
    gender: k % 3 === 0 ? 'female' : 'male',
  };
  return k % 5 < 3 ? { ...cells, ...vehicleCells(vin(k), k) } : cells;
}

function vehicleCells(serialVin: string, k: number): Cells {
  return {
    vin: serialVin,
    brand: BRANDS[k % BRANDS.length],
    model: 'A6 Sedan',
    model_year: String(2015 + (k % 10)),
    purchase_date: '2022-06-01',
    selling_dealer_code: BENCH_DEALER_CODES[k % BENCH_DEALER_CODES.length],
  };
}

/** The same person written differently: another phone format, the email in capitals, the name spaced. */
function duplicateOf(original: Cells, newVin: string | null, k: number): Cells {
  const digits = (original.phone as string).replace(/\D/g, '');
  const variants = [
    `+86 ${digits}`,
    `+86-${digits.slice(0, 3)}-${digits.slice(3, 7)}-${digits.slice(7)}`,
    `0086${digits}`,
  ];
  const copy: Cells = {
    ...original,
    external_id: `${original.external_id}-DUP`,
    name: ` ${original.name} `,
    phone: variants[k % variants.length],
    email: original.email?.toUpperCase(),
  };
  return newVin ? { ...copy, ...vehicleCells(newVin, k) } : copy;
}

/** Bad rows of different kinds, each refused with its field. */
function badRow(n: number, k: number): Cells {
  const base = newPerson(k, () => 0.5);
  const kinds: Cells[] = [
    { ...base, phone: '12345' },
    { ...base, email: 'not-an-email' },
    { ...base, name: undefined },
    { ...base, birthday: '2023-02-30' },
    { ...base, ...vehicleCells(wrongCheckDigit(vin(k)), k) },
    { ...base, ...vehicleCells(vin(k), k), selling_dealer_code: 'NO-SUCH-DEALER' },
    { ...base, vin: undefined, brand: 'Aurora' },
  ];
  return { ...kinds[n % kinds.length], external_id: `BAD-${n}` };
}

function wrongCheckDigit(value: string): string {
  return value.slice(0, 8) + (value[8] === '1' ? '2' : '1') + value.slice(9);
}

/** The file's rows, in order, with the counts the import must report for them. */
export function* legacyRows(count: number): Generator<Cells, ExpectedCounts> {
  const random = mulberry32(7);
  const people: Cells[] = [];
  const expected: ExpectedCounts = {
    totalRows: count,
    created: 0,
    duplicates: 0,
    vehiclesAttached: 0,
    rejected: 0,
  };
  for (let i = 0; i < count; i++) {
    const at = i % 100;
    if (BAD_AT.has(at)) {
      expected.rejected++;
      // Bad rows use serials far above any new person's, so none of them collides with a real one.
      yield badRow(expected.rejected, 5_000_000 + i);
    } else if (DUPLICATE_AT.has(at) && people.length > 0) {
      expected.duplicates++;
      const withVehicle = expected.duplicates % NEW_VEHICLE_EVERY === 0;
      if (withVehicle) expected.vehiclesAttached++;
      const original = people[Math.floor(random() * people.length)];
      yield duplicateOf(original, withVehicle ? vin(count + i) : null, i);
    } else {
      const person = newPerson(people.length, random);
      people.push(person);
      expected.created++;
      yield person;
    }
  }
  return expected;
}

function csvLine(cells: Cells): string {
  return IMPORT_COLUMNS.map((column) => cells[column] ?? '').join(',') + '\n';
}

/** Writes the legacy CSV file and answers the counts the import must report. */
export async function writeLegacyCsv(path: string, count: number): Promise<ExpectedCounts> {
  const file = createWriteStream(path);
  file.write(IMPORT_COLUMNS.join(',') + '\n');
  const rows = legacyRows(count);
  let chunk = '';
  for (let next = rows.next(); ; next = rows.next()) {
    if (next.done) {
      file.end(chunk);
      await finished(file);
      return next.value;
    }
    chunk += csvLine(next.value);
    if (chunk.length > 1 << 20) {
      if (!file.write(chunk)) await once(file, 'drain');
      chunk = '';
    }
  }
}

/** The raw baseline: the same rows COPY'd as text into one plain table, no checks, keys or events. */
export async function copyLegacyRows(client: Client, count: number): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS bench_import`);
  await client.query(`DROP TABLE IF EXISTS bench_import.legacy_customer`);
  await client.query(
    `CREATE TABLE bench_import.legacy_customer (${IMPORT_COLUMNS.map((column) => `${column} text`).join(', ')})`,
  );
  const stream = client.query(copyFrom(`COPY bench_import.legacy_customer FROM STDIN WITH (FORMAT csv)`));
  let chunk = '';
  for (const cells of legacyRows(count)) {
    chunk += csvLine(cells);
    if (chunk.length > 1 << 20) {
      if (!stream.write(chunk)) await once(stream, 'drain');
      chunk = '';
    }
  }
  stream.end(chunk);
  await finished(stream);
}
