import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { withCheckDigit } from '@crm/core';
import { latinName, nameSearchKeys } from '@crm/search-keys';

const SOLD_ON = '2026-06-18';
const CHUNK = 5_000;

export interface InboundRow {
  externalId: string;
  vin: string;
  model: string;
  buyer: { name: string; phone: string; externalCustomerId: string };
  dealerId: string;
  soldOn: string;
}

/** Sale `i` of a series: its own buyer, phone and VIN (the series letter keeps two series apart). */
function sale(series: 'A' | 'B', i: number, dealerId: string): InboundRow {
  const serial = String(i).padStart(6, '0');
  return {
    externalId: `S-${series}-${i}`,
    vin: withCheckDigit(`LSVAU2180${series === 'A' ? 'N' : 'P'}2${serial}`),
    model: 'A6 Sedan',
    buyer: {
      name: `买家${series}${i}`,
      phone: `${series === 'A' ? '139' : '138'}${String(i).padStart(8, '0')}`,
      externalCustomerId: `C-${series}-${i}`,
    },
    dealerId,
    soldOn: SOLD_ON,
  };
}

/** The rows the API imports (series A). */
export function inboundRows(count: number, dealerId: string): InboundRow[] {
  return Array.from({ length: count }, (_, i) => sale('A', i, dealerId));
}

async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

async function copy(client: Client, statement: string, lines: string[]): Promise<void> {
  const stream = client.query(copyFrom(statement));
  for (let i = 0; i < lines.length; i += CHUNK) await write(stream, lines.slice(i, i + CHUNK).join(''));
  stream.end();
  await finished(stream);
}

/**
 * The raw baseline: the same number of sales (series B) written straight into customer-master's tables
 * with COPY: a customer, its phone and its vehicle per row, without duplicate checks, audit or events.
 */
export async function copySales(client: Client, count: number, dealerId: string): Promise<void> {
  const customers: string[] = [];
  const phones: string[] = [];
  const vehicles: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = sale('B', i, dealerId);
    const customerId = randomUUID();
    const keys = `{${nameSearchKeys(row.buyer.name)
      .map((key) => `"${key}"`)
      .join(',')}}`;
    customers.push(
      `${customerId}\tperson\t${row.buyer.name}\t${latinName(row.buyer.name)}\t${keys}\tactive\n`,
    );
    phones.push(`${customerId}\t+86${row.buyer.phone}\t${row.buyer.phone}\t0\n`);
    vehicles.push(
      `${randomUUID()}\t${row.vin}\tAurora\t${row.model}\t${SOLD_ON}\t${dealerId}\t${customerId}\n`,
    );
  }
  await copy(
    client,
    `COPY customer_master.customer (id, kind, name, name_latin, search_keys, status) FROM STDIN`,
    customers,
  );
  await copy(
    client,
    `COPY customer_master.customer_phone (customer_id, e164, digits, position) FROM STDIN`,
    phones,
  );
  await copy(
    client,
    `COPY customer_master.vehicle (id, vin, brand, model, purchase_date, selling_dealer_id, owner_customer_id) FROM STDIN`,
    vehicles,
  );
}
