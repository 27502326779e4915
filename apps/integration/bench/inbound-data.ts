import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { withCheckDigit } from '@crm/core';

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

/** Sale `i`: its own buyer, phone and VIN. */
function sale(i: number, dealerId: string): InboundRow {
  const serial = String(i).padStart(6, '0');
  return {
    externalId: `S-${i}`,
    vin: withCheckDigit(`LSVAU2180N2${serial}`),
    model: 'A6 Sedan',
    buyer: { name: `买家${i}`, phone: `139${String(i).padStart(8, '0')}`, externalCustomerId: `C-${i}` },
    dealerId,
    soldOn: SOLD_ON,
  };
}

/** The DMS batch: `count` sales of one dealer. */
export function inboundRows(count: number, dealerId: string): InboundRow[] {
  return Array.from({ length: count }, (_, i) => sale(i, dealerId));
}

async function write(stream: NodeJS.WritableStream, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/**
 * The raw baseline: the same rows COPY'd into one plain table (no duplicate rules, mapping, audit or events), the
 * fastest PostgreSQL takes them in.
 */
export async function copyRows(client: Client, rows: InboundRow[]): Promise<void> {
  await client.query(`CREATE SCHEMA IF NOT EXISTS bench_inbound`);
  await client.query(`DROP TABLE IF EXISTS bench_inbound.dms_vehicle_sale`);
  await client.query(`
    CREATE TABLE bench_inbound.dms_vehicle_sale (
      external_id text PRIMARY KEY, vin text NOT NULL, model text NOT NULL, buyer_name text NOT NULL,
      buyer_phone text NOT NULL, buyer_external_id text NOT NULL, dealer_id uuid NOT NULL, sold_on date NOT NULL)`);
  const stream = client.query(copyFrom(`COPY bench_inbound.dms_vehicle_sale FROM STDIN`));
  for (let i = 0; i < rows.length; i += CHUNK)
    await write(
      stream,
      rows
        .slice(i, i + CHUNK)
        .map(
          (r) =>
            `${r.externalId}\t${r.vin}\t${r.model}\t${r.buyer.name}\t${r.buyer.phone}\t${r.buyer.externalCustomerId}\t${r.dealerId}\t${r.soldOn}\n`,
        )
        .join(''),
    );
  stream.end();
  await finished(stream);
}
