import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { latinName, nameSearchKeys } from '@crm/search-keys';
import { mulberry32 } from '../../../test/bench/latency-stats';
import {
  CITIES,
  MODELS,
  copyRows,
  copyText,
  customerName,
  mobile,
  pgArray,
  pick,
  vin,
} from '../../../test/bench/customer-data';

export interface SampleCustomer {
  name: string;
  nameLatin: string;
  phone: string;
  vin: string;
  chinese: boolean;
}

/**
 * Streams `count` customers, each with a mobile phone and one vehicle, into the tables with COPY;
 * returns an evenly spread sample of active customers to build queries from.
 */
export async function copyCustomers(
  client: Client,
  count: number,
  sampleSize: number,
): Promise<SampleCustomer[]> {
  const random = mulberry32(42);
  const keysOf = new Map<string, { keys: string; latin: string }>();
  const ids: string[] = [];
  const sample: SampleCustomer[] = [];
  const sampleEvery = Math.max(1, Math.floor(count / sampleSize));
  function* customers(): Generator<string> {
    for (let i = 0; i < count; i++) {
      const id = randomUUID();
      ids.push(id);
      const { name, chinese } = customerName(i, random);
      const derived = keysOf.get(name) ?? { keys: pgArray(nameSearchKeys(name)), latin: latinName(name) };
      keysOf.set(name, derived);
      const status = i % 100 === 99 ? 'merged' : 'active';
      if (i % sampleEvery === 0 && status === 'active')
        sample.push({ name, nameLatin: derived.latin, phone: mobile(i), vin: vin(i), chinese });
      yield `${id}\tperson\t${copyText(name)}\t${derived.latin}\t${derived.keys}\t${pick(CITIES, random)}\t${status}\n`;
    }
  }
  await copyRows(
    client,
    `COPY customer_master.customer (id, kind, name, name_latin, search_keys, city, status) FROM STDIN`,
    customers(),
  );
  await copyRows(
    client,
    `COPY customer_master.customer_phone (customer_id, e164, digits, position) FROM STDIN`,
    ids.map((id, i) => `${id}\t+86${mobile(i)}\t${mobile(i)}\t0\n`),
  );
  await copyRows(
    client,
    `COPY customer_master.vehicle (id, vin, brand, model, owner_customer_id) FROM STDIN`,
    ids.map((id, i) => `${randomUUID()}\t${vin(i)}\tBrand\t${MODELS[i % MODELS.length]}\t${id}\n`),
  );
  return sample;
}
