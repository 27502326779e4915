import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ALL_QUALITY_TYPES, GeoPoint, QualityType } from '@crm/contracts';

/* Repair stations spread over China as the benchmarks generate them (the routing and agents benches). */

/** Metropolitan areas with a weight roughly proportional to their population (millions). */
const CITIES: [lat: number, lon: number, weight: number][] = [
  [31.23, 121.47, 25], // Shanghai
  [39.9, 116.4, 22], // Beijing
  [23.13, 113.26, 19], // Guangzhou
  [22.54, 114.06, 18], // Shenzhen
  [29.56, 106.55, 16], // Chongqing
  [30.66, 104.07, 16], // Chengdu
  [39.13, 117.2, 14], // Tianjin
  [31.3, 120.59, 13], // Suzhou
  [30.59, 114.31, 12], // Wuhan
  [34.34, 108.94, 12], // Xi'an
  [30.27, 120.16, 12], // Hangzhou
  [34.75, 113.63, 12], // Zhengzhou
  [38.04, 114.51, 11], // Shijiazhuang
  [28.23, 112.94, 10], // Changsha
  [36.07, 120.38, 10], // Qingdao
  [45.8, 126.53, 10], // Harbin
  [32.06, 118.8, 9], // Nanjing
  [41.81, 123.43, 9], // Shenyang
  [36.65, 117.12, 9], // Jinan
  [31.82, 117.23, 9], // Hefei
  [43.82, 125.32, 9], // Changchun
  [25.04, 102.71, 8], // Kunming
  [26.07, 119.3, 8], // Fuzhou
  [22.82, 108.37, 8], // Nanning
  [38.91, 121.61, 7], // Dalian
  [28.68, 115.86, 6], // Nanchang
  [26.65, 106.63, 6], // Guiyang
  [24.48, 118.09, 5], // Xiamen
  [37.87, 112.55, 5], // Taiyuan
  [43.83, 87.62, 4], // Urumqi
  [36.06, 103.83, 4], // Lanzhou
  [40.84, 111.75, 3], // Hohhot
  [38.49, 106.23, 3], // Yinchuan
  [20.04, 110.35, 3], // Haikou
  [36.62, 101.78, 2], // Xining
  [29.65, 91.17, 1], // Lhasa
  [18.25, 109.51, 1], // Sanya
  [39.47, 75.99, 1], // Kashgar
];
const TOTAL_WEIGHT = CITIES.reduce((sum, [, , weight]) => sum + weight, 0);
const BOX = { minLat: 18, maxLat: 53, minLon: 73, maxLon: 135 };
/** The share of points anywhere in the box rather than around a city (rural and western China). */
const SCATTERED = 0.15;

export const BRANDS = ['Aurora', 'Zephyr', 'Borealis', 'Cirrus', 'Dynasty'];

export type Random = () => number;

function gaussian(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Mostly around cities (half in town, half in the surrounding region), some scattered anywhere. */
export function pointInChina(random: Random): GeoPoint {
  if (random() < SCATTERED) {
    return {
      lat: BOX.minLat + random() * (BOX.maxLat - BOX.minLat),
      lon: BOX.minLon + random() * (BOX.maxLon - BOX.minLon),
    };
  }
  let pick = random() * TOTAL_WEIGHT;
  const city = CITIES.find(([, , weight]) => (pick -= weight) < 0) ?? CITIES[0];
  const spread = random() < 0.5 ? 0.25 : 1.2;
  return {
    lat: clamp(city[0] + gaussian(random) * spread, BOX.minLat, BOX.maxLat),
    lon: clamp(city[1] + gaussian(random) * spread, BOX.minLon, BOX.maxLon),
  };
}

function subset<T>(values: readonly T[], share: number, random: Random): T[] {
  const chosen = values.filter(() => random() < share);
  return chosen.length > 0 ? chosen : [values[Math.floor(random() * values.length)]];
}

export interface StationMix {
  inactive: number;
  full: number;
}

/** `count` different values, in random order. */
function pick<T>(values: readonly T[], count: number, random: Random): T[] {
  const pool = [...values];
  return Array.from({ length: count }, () => pool.splice(Math.floor(random() * pool.length), 1)[0]);
}

/** Each station: 3–8 of the quality types as skills, a capacity of 5–40, 10% full and the rest partly loaded. */
function stationLine(n: number, random: Random, mix: StationMix): string {
  const { lat, lon } = pointInChina(random);
  const brands = subset(BRANDS, 0.35, random);
  const skills: QualityType[] = pick(ALL_QUALITY_TYPES, 3 + Math.floor(random() * 6), random);
  const capacity = 5 + Math.floor(random() * 36);
  const full = random() < 0.1;
  const openTickets = full ? capacity : Math.floor(random() * capacity);
  const active = random() >= 0.08;
  mix.inactive += active ? 0 : 1;
  mix.full += full ? 1 : 0;
  const code = `RS-${String(n).padStart(6, '0')}`;
  return [
    randomUUID(),
    code,
    `Station ${code}`,
    lat,
    lon,
    `{${brands.join(',')}}`,
    `{${skills.join(',')}}`,
    capacity,
    openTickets,
    active ? 't' : 'f',
  ].join('\t');
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/** Appends stations numbered from `first` with COPY; the GiST index is maintained as rows arrive. */
export async function copyStations(
  client: Client,
  first: number,
  count: number,
  random: Random,
): Promise<StationMix> {
  const mix: StationMix = { inactive: 0, full: 0 };
  const stream = client.query(
    copyFrom(
      `COPY service.station (id, code, name, lat, lon, brands, skills, capacity, open_tickets, active) FROM STDIN`,
    ),
  );
  let batch: string[] = [];
  for (let n = first; n < first + count; n++) {
    batch.push(stationLine(n, random, mix));
    if (batch.length === 5_000) {
      await write(stream, `${batch.join('\n')}\n`);
      batch = [];
    }
  }
  stream.end(batch.length > 0 ? `${batch.join('\n')}\n` : '');
  await finished(stream);
  return mix;
}
