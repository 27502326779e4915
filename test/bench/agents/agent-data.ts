import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { ALL_QUALITY_TYPES, GeoPoint, QualityType } from '@crm/contracts';
import { latinName, nameSearchKeys } from '@crm/search-keys';
import { copyRows, copyText, customerName, mobile, pgArray, vin } from '../customer-data';
import { BRANDS, copyStations } from '../station-data';
import { mulberry32 } from '../latency-stats';

/** A customer as the agents know them: what a caller gives (name, phone) and what they call about. */
export interface BenchCustomer {
  id: string;
  name: string;
  nameLatin: string;
  chinese: boolean;
  phone: string;
  vehicleIds: string[];
}

interface City {
  name: string;
  province: string;
  at: GeoPoint;
}

const CITIES: City[] = [
  { name: '上海市', province: '上海市', at: { lat: 31.23, lon: 121.47 } },
  { name: '北京市', province: '北京市', at: { lat: 39.9, lon: 116.4 } },
  { name: '广州市', province: '广东省', at: { lat: 23.13, lon: 113.26 } },
  { name: '深圳市', province: '广东省', at: { lat: 22.54, lon: 114.06 } },
  { name: '成都市', province: '四川省', at: { lat: 30.66, lon: 104.07 } },
  { name: '武汉市', province: '湖北省', at: { lat: 30.59, lon: 114.31 } },
  { name: '杭州市', province: '浙江省', at: { lat: 30.27, lon: 120.16 } },
  { name: '南京市', province: '江苏省', at: { lat: 32.06, lon: 118.8 } },
  { name: '重庆市', province: '重庆市', at: { lat: 29.56, lon: 106.55 } },
  { name: '西安市', province: '陕西省', at: { lat: 34.34, lon: 108.94 } },
];
const MODELS = ['A6 Sedan', 'X3 SUV', 'C200', 'Model E', 'Q5 Sportback', 'GT Coupe'];
const DAY_MS = 86_400_000;
/** Every fifth customer owns a second vehicle; every fourth has a closed ticket with its repair. */
const SECOND_VEHICLE_EVERY = 5;
const TICKET_EVERY = 4;
const PAST_CONTACTS = 3;

export interface Partners {
  dealers: { id: string; code: string; name: string; city: City }[];
  stations: { id: string; code: string; name: string }[];
}

interface Db {
  customerMaster: Client;
  callCenter: Client;
  service: Client;
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(items.length * random())];
}

function day(offsetDays: number): string {
  return new Date(Date.now() + offsetDays * DAY_MS).toISOString().slice(0, 10);
}

/** Repair stations into the service's routing table (the routing bench's generator), then every store's partner copy. */
export async function copyPartners(db: Db, dealerCount: number, stationCount: number): Promise<Partners> {
  const random = mulberry32(7);
  await copyStations(db.service, 0, stationCount, random);
  const { rows: stations } = await db.service.query<{
    id: string;
    code: string;
    name: string;
    lat: number;
    lon: number;
  }>(`SELECT id, code, name, lat, lon FROM service.station ORDER BY code`);
  const dealers = Array.from({ length: dealerCount }, (_, n) => {
    const city = CITIES[n % CITIES.length];
    const code = `DL-${String(n).padStart(5, '0')}`;
    return { id: randomUUID(), code, name: `${city.name}${BRANDS[n % BRANDS.length]}经销商 ${n}`, city };
  });
  await copyRows(
    db.customerMaster,
    `COPY customer_master.partner (id, kind, code, name, city, lat, lon) FROM STDIN`,
    [
      ...dealers.map(
        (d) => `${d.id}\tdealer\t${d.code}\t${d.name}\t${d.city.name}\t${d.city.at.lat}\t${d.city.at.lon}\n`,
      ),
      ...stations.map((s) => `${s.id}\trepair_station\t${s.code}\t${s.name}\t\\N\t${s.lat}\t${s.lon}\n`),
    ],
  );
  await copyRows(db.callCenter, `COPY call_center.partner (id, kind, code, name, city) FROM STDIN`, [
    ...dealers.map((d) => `${d.id}\tdealer\t${d.code}\t${d.name}\t${d.city.name}\n`),
    ...stations.map((s) => `${s.id}\trepair_station\t${s.code}\t${s.name}\t\\N\n`),
  ]);
  return { dealers, stations };
}

interface VehicleRow {
  id: string;
  vin: string;
  brand: string;
  model: string;
  year: number;
  purchased: string;
  dealerId: string;
  warrantyEnd: string;
  ownerId: string;
}

function vehiclesOf(customers: BenchCustomer[], partners: Partners, random: () => number): VehicleRow[] {
  return customers.flatMap((customer, i) =>
    customer.vehicleIds.map((id, k) => {
      const ageDays = Math.floor(random() * 8 * 365);
      return {
        id,
        vin: vin(i + k * customers.length),
        brand: pick(BRANDS, random),
        model: pick(MODELS, random),
        year: new Date(Date.now() - ageDays * DAY_MS).getUTCFullYear(),
        purchased: day(-ageDays),
        dealerId: pick(partners.dealers, random).id,
        warrantyEnd: day(3 * 365 - ageDays),
        ownerId: customer.id,
      };
    }),
  );
}

/**
 * `count` customers (the customer-search bench's names and phones: Chinese, pinyin and Western),
 * each with one or two vehicles sold by a dealer, into customer-master and the call center's copy
 * with the same ids, as the events would have left them.
 */
export async function copyCustomers(db: Db, count: number, partners: Partners): Promise<BenchCustomer[]> {
  const random = mulberry32(42);
  const customers: BenchCustomer[] = Array.from({ length: count }, (_, i) => {
    const { name, chinese } = customerName(i, random);
    const vehicleIds = [randomUUID(), ...(i % SECOND_VEHICLE_EVERY === 0 ? [randomUUID()] : [])];
    return { id: randomUUID(), name, nameLatin: latinName(name), chinese, phone: mobile(i), vehicleIds };
  });
  const keys = new Map<string, string>();
  const keysOf = (name: string) => keys.get(name) ?? keys.set(name, pgArray(nameSearchKeys(name))).get(name);
  const cityOf = (i: number) => CITIES[i % CITIES.length];
  await copyRows(
    db.customerMaster,
    `COPY customer_master.customer (id, kind, name, name_latin, search_keys, city, status) FROM STDIN`,
    customers.map(
      (c, i) =>
        `${c.id}\tperson\t${copyText(c.name)}\t${c.nameLatin}\t${keysOf(c.name)}\t${cityOf(i).name}\tactive\n`,
    ),
  );
  const now = new Date().toISOString();
  await copyRows(
    db.callCenter,
    `COPY call_center.customer (id, kind, name, name_latin, search_keys, address, city, updated_at) FROM STDIN`,
    customers.map((c, i) => {
      const city = cityOf(i);
      const address = JSON.stringify({ province: city.province, city: city.name, location: city.at });
      return `${c.id}\tperson\t${copyText(c.name)}\t${c.nameLatin}\t${keysOf(c.name)}\t${address}\t${city.name}\t${now}\n`;
    }),
  );
  for (const [client, schema] of [
    [db.customerMaster, 'customer_master'],
    [db.callCenter, 'call_center'],
  ] as const)
    await copyRows(
      client,
      `COPY ${schema}.customer_phone (customer_id, e164, digits, position) FROM STDIN`,
      customers.map((c) => `${c.id}\t+86${c.phone}\t${c.phone}\t0\n`),
    );
  const vehicles = vehiclesOf(customers, partners, random).map(
    (v) =>
      `${v.id}\t${v.vin}\t${v.brand}\t${v.model}\t${v.year}\t${v.purchased}\t${v.dealerId}\t${v.warrantyEnd}\t${v.ownerId}\n`,
  );
  for (const [client, schema] of [
    [db.customerMaster, 'customer_master'],
    [db.callCenter, 'call_center'],
  ] as const)
    await copyRows(
      client,
      `COPY ${schema}.vehicle (id, vin, brand, model, model_year, purchase_date, selling_dealer_id, warranty_end,
         owner_customer_id) FROM STDIN`,
      vehicles,
    );
  return customers;
}

interface PastTicket {
  id: string;
  number: string;
  customer: BenchCustomer;
  stationId: string;
  stationName: string;
  qualityType: QualityType;
  openedAt: Date;
}

/**
 * What the 360 shows besides the master data, in the call center's copy: a closed ticket with its
 * repair for every fourth customer and up to three past contacts each.
 */
export async function copyHistory(
  callCenter: Client,
  customers: BenchCustomer[],
  partners: Partners,
): Promise<void> {
  const random = mulberry32(99);
  const tickets: PastTicket[] = customers
    .filter((_, i) => i % TICKET_EVERY === 0)
    .map((customer, n) => {
      const station = pick(partners.stations, random);
      const openedAt = new Date(Date.now() - (30 + Math.floor(random() * 700)) * DAY_MS);
      const number = `T-BENCH-${String(n).padStart(7, '0')}`;
      const qualityType = pick(ALL_QUALITY_TYPES, random);
      return {
        id: randomUUID(),
        number,
        customer,
        stationId: station.id,
        stationName: station.name,
        qualityType,
        openedAt,
      };
    });
  await copyRows(
    callCenter,
    `COPY call_center.ticket (id, number, customer_id, vehicle_id, quality_type, severity, status, description, channel,
       station_id, accepted_by, opened_at, updated_at) FROM STDIN`,
    tickets.map(
      (t) =>
        `${t.id}\t${t.number}\t${t.customer.id}\t${t.customer.vehicleIds[0]}\t${t.qualityType}\tmedium\tclosed\t` +
        `客户反映异响 (customer reports a noise)\tphone\t${t.stationId}\t技师 李\t${t.openedAt.toISOString()}\t` +
        `${new Date(t.openedAt.getTime() + 5 * DAY_MS).toISOString()}\n`,
    ),
  );
  await copyRows(
    callCenter,
    `COPY call_center.repair (id, ticket_id, ticket_number, customer_id, vehicle_id, station_id, station_name,
       quality_type, work_done, technician, repaired_at) FROM STDIN`,
    tickets.map(
      (t) =>
        `${randomUUID()}\t${t.id}\t${t.number}\t${t.customer.id}\t${t.customer.vehicleIds[0]}\t${t.stationId}\t` +
        `${t.stationName}\t${t.qualityType}\t更换部件 (part replaced)\t李师傅\t` +
        `${new Date(t.openedAt.getTime() + 3 * DAY_MS).toISOString()}\n`,
    ),
  );
  await copyRows(
    callCenter,
    `COPY call_center.interaction (id, customer_id, kind, channel, direction, agent_id, agent_name, subject, notes,
       outcome, duration_seconds, ticket_id, vehicle_id, quality_type, occurred_at) FROM STDIN`,
    [...pastInteractions(customers, tickets, random)],
  );
}

function* pastInteractions(customers: BenchCustomer[], tickets: PastTicket[], random: () => number) {
  for (const t of tickets)
    yield (
      `${randomUUID()}\t${t.customer.id}\tcomplaint\tphone\tinbound\tagent-history\t历史坐席\t` +
      `Complaint: ${t.qualityType}\t客户反映异响\tticket-requested\t\\N\t${t.id}\t${t.customer.vehicleIds[0]}\t` +
      `${t.qualityType}\t${t.openedAt.toISOString()}\n`
    );
  for (const customer of customers)
    for (let k = Math.floor(random() * (PAST_CONTACTS + 1)); k > 0; k--)
      yield (
        `${randomUUID()}\t${customer.id}\tcontact\tphone\t${random() < 0.8 ? 'inbound' : 'outbound'}\t` +
        `agent-history\t历史坐席\t咨询保养 (asked about servicing)\t\\N\tresolved\t${60 + Math.floor(random() * 400)}\t` +
        `\\N\t\\N\t\\N\t${new Date(Date.now() - Math.floor(random() * 900) * DAY_MS).toISOString()}\n`
      );
}
