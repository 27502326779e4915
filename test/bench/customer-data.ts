import { once } from 'node:events';
import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { withCheckDigit } from '@crm/core';
import { latinName } from '@crm/search-keys';

/*
 * Customers' names, mobile numbers and VINs as the benchmarks generate them, and the COPY helper
 * they load with (the customer-search and agents benches).
 */
const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈',
];
const GIVEN = [
  ...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉建国峰志红飞宇浩凯鑫宁晨博文斌',
  ...'欣怡子涵梓轩雨嘉睿思佳诗雅俊豪泽昊天瑞琪晓东海亮新春光荣家婷雪梅兰琳颖莉倩慧丹晶云龙斌',
];
const FIRST = [
  'James',
  'Mary',
  'John',
  'Anna',
  'David',
  'Linda',
  'Michael',
  'Sarah',
  'Peter',
  'Emma',
  'Thomas',
  'Laura',
  'Daniel',
  'Sophie',
  'Mark',
  'Julia',
  'Paul',
  'Lena',
  'Kevin',
  'Nina',
  'Lucas',
  'Maria',
  'Felix',
  'Clara',
];
const LAST = [
  'Smith',
  'Müller',
  'Johnson',
  'Schmidt',
  'Brown',
  'Weber',
  'Miller',
  'Fischer',
  'Wilson',
  'Wagner',
  'Taylor',
  'Becker',
  'Anderson',
  'Hoffmann',
  'Thomas',
  'Schulz',
  'Martin',
  'Koch',
  'Walker',
  'Richter',
];
export const CITIES = [
  '上海市',
  '北京市',
  '广州市',
  '深圳市',
  '成都市',
  '武汉市',
  '杭州市',
  '南京市',
  '重庆市',
  '西安市',
];
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '157',
  '158',
  '159',
  '180',
  '181',
  '182',
  '183',
  '186',
  '187',
  '188',
  '189',
];

export function pick<T>(items: T[], random: () => number, skew = 1): T {
  return items[Math.floor(items.length * random() ** skew)];
}

function chineseName(random: () => number): string {
  const given = pick(GIVEN, random) + (random() < 0.6 ? pick(GIVEN, random) : '');
  return pick(SURNAMES, random, 2) + given;
}

function capitalized(latin: string): string {
  return latin.replace(/\b[a-z]/g, (letter) => letter.toUpperCase());
}

/** 40% Chinese names, 30% the same kind of names in pinyin, 30% English and German names. */
export function customerName(i: number, random: () => number): { name: string; chinese: boolean } {
  const kind = i % 10;
  if (kind < 4) return { name: chineseName(random), chinese: true };
  if (kind < 7) return { name: capitalized(latinName(chineseName(random))), chinese: false };
  return { name: `${pick(FIRST, random)} ${pick(LAST, random)}`, chinese: false };
}

/** A unique mobile number per row: the 8 subscriber digits are a bijection of the row number. */
export function mobile(i: number): string {
  return MOBILE_PREFIXES[i % MOBILE_PREFIXES.length] + String((i * 7_919_113) % 100_000_000).padStart(8, '0');
}

export function pgArray(values: string[]): string {
  return `{${values.map((value) => `"${value.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

export function copyText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n');
}

async function write(stream: Writable, chunk: string): Promise<void> {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

const BATCH = 5_000;
/** Chinese WMIs (GB 16735 VINs start with L) and model codes for the vehicle descriptor. */
const WMIS = ['LSV', 'LFV', 'LBV', 'LGW', 'LVS'];
export const MODELS = ['AB12C', 'DE34F', 'GH56J', 'KL78M', 'NP90R', 'ST12U'];
const MODEL_YEARS = 'MNPRST';
const PLANTS = 'ABCDEFGHJK';

/** A unique, valid VIN per row: the plant letter and 6-digit serial number are a bijection of the row. */
export function vin(i: number): string {
  const serial = String(i % 1_000_000).padStart(6, '0');
  const plant = PLANTS[Math.floor(i / 1_000_000) % PLANTS.length];
  return withCheckDigit(
    WMIS[i % WMIS.length] +
      MODELS[i % MODELS.length] +
      '0' +
      MODEL_YEARS[i % MODEL_YEARS.length] +
      plant +
      serial,
  );
}

/** One COPY stream; `rows` writes its lines and resolves when they are all in. */
export async function copyRows(client: Client, statement: string, rows: Iterable<string>): Promise<void> {
  const stream = client.query(copyFrom(statement));
  let batch = '';
  let inBatch = 0;
  for (const line of rows) {
    batch += line;
    if (++inBatch === BATCH) {
      await write(stream, batch);
      [batch, inBatch] = ['', 0];
    }
  }
  stream.end(batch);
  await finished(stream);
}
