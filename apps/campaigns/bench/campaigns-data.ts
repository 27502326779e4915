import { Client } from 'pg';
import { OWNED_VEHICLE_SUMMARY } from '../src/customers/owned-vehicle-summary';

/** The 31 provincial regions, so a one-region rule selects about 1/31 of the customers. */
const PROVINCES = [
  '北京市',
  '天津市',
  '河北省',
  '山西省',
  '内蒙古自治区',
  '辽宁省',
  '吉林省',
  '黑龙江省',
  '上海市',
  '江苏省',
  '浙江省',
  '安徽省',
  '福建省',
  '江西省',
  '山东省',
  '河南省',
  '湖北省',
  '湖南省',
  '广东省',
  '广西壮族自治区',
  '海南省',
  '重庆市',
  '四川省',
  '贵州省',
  '云南省',
  '西藏自治区',
  '陕西省',
  '甘肃省',
  '青海省',
  '宁夏回族自治区',
  '新疆维吾尔自治区',
];
export const MODELS = [
  'Aurora S7',
  'Aurora S5',
  'Aurora X3',
  'Aurora X5',
  'Aurora E1',
  'Aurora E3',
  'Aurora M9',
  'Aurora V6',
];
const SURNAMES = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '黄',
  '赵',
  '吴',
  '周',
  '徐',
  '孙',
  '马',
  '朱',
  '胡',
  '郭',
  '何',
  '高',
  '林',
  '罗',
];
const GIVEN = [
  '芳',
  '伟',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀英',
  '霞',
  '平',
];
/** Customers carrying this tag are the send benchmark's audience: each has an email address and consent. */
export const SEND_TAG = 'bench-send';

/** The same UUID for the same number on every run, so the raw queries can name customers too. */
const uuidOf = (kind: string, n: string) =>
  `('00000000-0000-4000-${kind}-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/**
 * Who of customers i = 1..n consents to what, as SQL over `i` ($2 is the send audience): email asked of 70% and all
 * of the audience, withdrawn by 5% outside it; SMS granted by half.
 */
const EMAIL_ASKED = `(i <= $2 OR i % 10 < 7)`;
const EMAIL_GRANTED = `(i <= $2 OR i % 20 <> 0)`;
const SMS_GRANTED = `(i % 2 = 0)`;

/**
 * Customers 1..n, set-based: province, city, a name, a phone and an email each; the first `audience` carry the
 * send tag. Spread by modular arithmetic on the customer number, so every run loads the same rows. Loaded after
 * their vehicles, whose models and purchase days they carry as the replica keeps them, with their consented channels
 * (ADR 0060).
 */
async function loadCustomers(client: Client, customers: number, audience: number): Promise<void> {
  await client.query(
    `INSERT INTO campaigns.customer (id, kind, name, province, city, gender, tags, phones, emails, updated_at,
       owned_models, purchase_dates, consented_channels)
     SELECT ${uuidOf('8000', 'i')}, 'person',
            ($3::text[])[1 + i % 20] || ($4::text[])[1 + (i / 20) % 20],
            ($5::text[])[1 + (i * 7) % 31], ($5::text[])[1 + (i * 7) % 31],
            CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END,
            CASE WHEN i <= $2 THEN ARRAY[$6] ELSE '{}'::text[] END,
            ARRAY['+86138' || lpad(i::text, 8, '0')],
            CASE WHEN i <= $2 OR i % 5 <> 0 THEN ARRAY['c' || i || '@bench.example'] ELSE '{}'::text[] END,
            now(), coalesce(owned.owned_models, '{}'), coalesce(owned.purchase_dates, '{}'),
            array_remove(ARRAY[CASE WHEN ${EMAIL_ASKED} AND ${EMAIL_GRANTED} THEN 'email' END,
                               CASE WHEN ${SMS_GRANTED} THEN 'sms' END], NULL)
       FROM generate_series(1, $1::int) i
       LEFT JOIN (SELECT v.owner_customer_id, ${OWNED_VEHICLE_SUMMARY}
                    FROM campaigns.vehicle v GROUP BY v.owner_customer_id) owned
              ON owned.owner_customer_id = ${uuidOf('8000', 'i')}`,
    [customers, audience, SURNAMES, GIVEN, PROVINCES, SEND_TAG],
  );
}

/** The consents of the customers, as their rows carry them. */
async function loadConsents(client: Client, customers: number, audience: number): Promise<void> {
  await client.query(
    `INSERT INTO campaigns.customer_consent (customer_id, channel, granted, at)
     SELECT ${uuidOf('8000', 'i')}, 'email', ${EMAIL_GRANTED}, now()
       FROM generate_series(1, $1::int) i WHERE ${EMAIL_ASKED}
     UNION ALL
     SELECT ${uuidOf('8000', 'i')}, 'sms', true, now() FROM generate_series(1, $1::int) i WHERE ${SMS_GRANTED}`,
    [customers, audience],
  );
}

/** A vehicle for every customer and a second for every third: one of eight models, bought over six years. */
async function loadVehicles(client: Client, customers: number): Promise<void> {
  await client.query(
    `INSERT INTO campaigns.vehicle (id, owner_customer_id, model, purchase_date, updated_at)
     SELECT ${uuidOf('8001', 'v')}, ${uuidOf('8000', '1 + (v - 1) % $1')},
            ($2::text[])[1 + (v * 13) % 8], date '2020-01-01' + (v * 37) % 2190, now()
       FROM generate_series(1, $1::int + $1::int / 3) v`,
    [customers, MODELS],
  );
}

export async function loadCampaignsData(client: Client, customers: number, audience: number): Promise<void> {
  await loadVehicles(client, customers);
  await loadCustomers(client, customers, audience);
  await loadConsents(client, customers, audience);
}

/** The benchmark's 4-rule segment: a region, an owned model, a purchase date range and email consent. */
export const FOUR_RULE_SEGMENT = {
  all: [
    { field: 'province', in: ['广东省'] },
    { field: 'ownedModel', in: ['Aurora S7'] },
    { field: 'purchaseDate', from: '2023-01-01', to: '2024-12-31' },
    { field: 'consent', channel: 'email' },
  ],
};

/** The same predicate written by hand: the raw baseline the API is compared with. */
const FOUR_RULE_WHERE = `c.province = ANY($1::text[])
  AND c.owned_models && $2::text[]
  AND c.purchase_dates && daterange($3::date, $4::date, '[]')
  AND c.consented_channels @> ARRAY['email']`;
export const FOUR_RULE_PARAMS = [['广东省'], ['Aurora S7'], '2023-01-01', '2024-12-31'];
export const RAW_COUNT = `SELECT count(*)::int AS count FROM campaigns.customer c WHERE ${FOUR_RULE_WHERE}`;
export const RAW_PREVIEW = `SELECT c.id AS "customerId", c.name, c.province, c.city FROM campaigns.customer c
  WHERE ${FOUR_RULE_WHERE} ORDER BY c.name, c.id LIMIT $5 OFFSET $6`;
