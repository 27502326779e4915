import { setTimeout as sleep } from 'node:timers/promises';
import { ALL_QUALITY_TYPES, GeoPoint, QualityType } from '@crm/contracts';
import { withCheckDigit } from '@crm/core';
import { eventually } from '@crm/testing';
import { BRANDS, copyStations, pointInChina, Random, StationMix } from './station-data';
import { withClient } from './bench-database';
import { callApi } from './complaint-flow-services';
import { StationWebhookReceiver } from './station-webhook-receiver';

/** A complaint is only drawn where at least this many able stations lie within this radius (see plan). */
const ABLE_NEARBY = 3;
const NEARBY_KM = 100;
const REGISTRATIONS_IN_FLIGHT = 8;
const IMPORT_TIMEOUT_MS = 600_000;

interface StationRow {
  id: string;
  lat: number;
  lon: number;
  brands: string[];
  skills: string[];
  capacity: number;
  open_tickets: number;
  active: boolean;
}

export interface BenchCustomer {
  customerId: string;
  vehicleId: string;
  brand: string;
  home: GeoPoint;
}

export interface PlannedComplaint {
  customer: BenchCustomer;
  qualityType: QualityType;
}

/**
 * Stations as the routing bench generates them (cities, capacity 5–40, 3–8 skills, some full, some inactive),
 * copied into the service's replica, each with its own webhook URL on the receiver; resolves with the mix.
 */
export async function loadStations(
  serviceDatabaseUrl: string,
  serviceUrl: string,
  adminToken: string,
  receiver: StationWebhookReceiver,
  count: number,
  random: Random,
): Promise<{ stations: StationRow[]; mix: StationMix }> {
  const { stations, mix } = await withClient(serviceDatabaseUrl, async (client) => {
    const copied = await copyStations(client, 1, count, random);
    const { rows } = await client.query<StationRow>(
      `SELECT id, lat, lon, brands, skills, capacity, open_tickets, active FROM service.station`,
    );
    return { stations: rows, mix: copied };
  });
  const queue = [...stations];
  const register = async () => {
    for (let station = queue.shift(); station; station = queue.shift()) {
      const url = `${serviceUrl}/stations/${station.id}/webhook`;
      const { body } = await callApi<{ secret: string }>(url, adminToken, 'PUT', {
        url: receiver.urlFor(station.id),
      });
      receiver.addStation(station.id, body.secret);
    }
  };
  await Promise.all(Array.from({ length: REGISTRATIONS_IN_FLIGHT }, register));
  return { stations, mix };
}

/** customer-master's import header: every column, blank cells where the bench has nothing to say. */
const IMPORT_HEADER =
  'external_id,kind,name,phone,email,province,city,birthday,gender,vin,brand,model,model_year,purchase_date,' +
  'selling_dealer_code,warranty_end';

function customerCsv(count: number, random: Random): string {
  const lines = [IMPORT_HEADER];
  for (let i = 0; i < count; i++) {
    const serial = String(i).padStart(6, '0');
    const brand = BRANDS[Math.floor(random() * BRANDS.length)];
    const vin = withCheckDigit(`LSVAU2180N2${serial}`);
    const phone = `139${String(i).padStart(8, '0')}`;
    lines.push(
      `BENCH-${serial},person,客户${serial},${phone},,,,,,${vin},${brand},Model ${i % 7},,2024-03-01,,`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * Customers with one vehicle each, imported into customer-master as one CSV file; resolves once the call
 * center's replica knows every vehicle. Each customer gets a home anywhere the stations could be.
 */
export async function importCustomers(
  masterUrl: string,
  callCenterDatabaseUrl: string,
  adminToken: string,
  count: number,
  random: Random,
): Promise<BenchCustomer[]> {
  const response = await fetch(`${masterUrl}/imports/customers?fileName=bench-customers.csv`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
    body: customerCsv(count, random),
  });
  if (response.status !== 202)
    throw new Error(`customer import: HTTP ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: string };
  await importFinished(`${masterUrl}/imports/${id}`, adminToken, count);
  const vehicles = await eventually(
    () =>
      withClient(callCenterDatabaseUrl, async (client) => {
        const { rows } = await client.query<{ id: string; brand: string; owner_customer_id: string }>(
          `SELECT id, brand, owner_customer_id FROM call_center.vehicle WHERE owner_customer_id IS NOT NULL ORDER BY vin`,
        );
        if (rows.length < count) throw new Error(`the call center knows ${rows.length} of ${count} vehicles`);
        return rows;
      }),
    IMPORT_TIMEOUT_MS,
    500,
  );
  return vehicles.map((v) => ({
    customerId: v.owner_customer_id,
    vehicleId: v.id,
    brand: v.brand,
    home: pointInChina(random),
  }));
}

async function importFinished(jobUrl: string, adminToken: string, count: number): Promise<void> {
  for (const deadline = Date.now() + IMPORT_TIMEOUT_MS; Date.now() < deadline; await sleep(500)) {
    const { body } = await callApi<{ status: string; created: number }>(jobUrl, adminToken, 'GET');
    if (body.status === 'running') continue;
    if (body.status === 'completed' && body.created === count) return;
    throw new Error(`customer import ${body.status}: ${JSON.stringify(body).slice(0, 1000)}`);
  }
  throw new Error(`customer import still running after ${IMPORT_TIMEOUT_MS} ms`);
}

/** Kilometres between two points, by the equirectangular approximation (close enough within a few hundred km). */
function kmBetween(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const x = (b.lon - a.lon) * rad * Math.cos(((a.lat + b.lat) / 2) * rad);
  const y = (b.lat - a.lat) * rad;
  return Math.sqrt(x * x + y * y) * 6371;
}

/**
 * `count` complaints, each by a customer drawn at random about a quality type drawn at random, kept only if at
 * least 3 stations within 100 km of the customer's home could take it (active, not full, skill, brand): a
 * complaint routed nowhere sends no webhook, so it has no complaint-to-station time. The nearest able station
 * may still be full by the time it comes, and then routing widens its radius as it would in production.
 */
export function planComplaints(
  customers: BenchCustomer[],
  stations: StationRow[],
  count: number,
  random: Random,
): PlannedComplaint[] {
  const open = stations.filter((s) => s.active && s.open_tickets < s.capacity);
  const nearby = new Map<BenchCustomer, StationRow[]>();
  const nearbyOf = (customer: BenchCustomer) => {
    let found = nearby.get(customer);
    if (!found) {
      found = open.filter(
        (s) => s.brands.includes(customer.brand) && kmBetween(customer.home, s) <= NEARBY_KM,
      );
      nearby.set(customer, found);
    }
    return found;
  };
  const planned: PlannedComplaint[] = [];
  for (let draws = 0; planned.length < count; draws++) {
    if (draws > count * 1_000)
      throw new Error('too few able stations near the customers: load more stations');
    const customer = customers[Math.floor(random() * customers.length)];
    const qualityType = ALL_QUALITY_TYPES[Math.floor(random() * ALL_QUALITY_TYPES.length)];
    const able = nearbyOf(customer).filter((s) => s.skills.includes(qualityType));
    if (able.length >= ABLE_NEARBY) planned.push({ customer, qualityType });
  }
  return planned;
}
