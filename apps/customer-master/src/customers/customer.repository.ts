import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Consent, Customer } from './customer';
import { nameSearchKeys, normalizePhone } from '@crm/search-keys';

/** An Idempotency-Key of a registration, per registering scope: a partner id, or `staff`. */
export interface RegistrationKey {
  scope: string;
  key: string;
}

interface CustomerRow {
  id: string;
  kind: Customer['kind'];
  name: string;
  name_latin: string | null;
  emails: string[];
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  postal_code: string | null;
  lat: number | null;
  lon: number | null;
  birthday: string | null;
  gender: Customer['gender'];
  tags: string[];
  owner_sales_rep_id: string | null;
  preferred_language: Customer['preferredLanguage'];
  status: Customer['status'];
  merged_into: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  phones: string[] | null;
  consents: Consent[] | null;
}

export const CUSTOMER_COLUMNS = `c.id, c.kind, c.name, c.name_latin, c.emails, c.province, c.city, c.district, c.street,
  c.postal_code, c.lat, c.lon, to_char(c.birthday, 'YYYY-MM-DD') AS birthday, c.gender, c.tags, c.owner_sales_rep_id,
  c.preferred_language, c.status, c.merged_into, c.version, c.created_at, c.updated_at,
  ARRAY(SELECT p.e164 FROM customer_master.customer_phone p WHERE p.customer_id = c.id ORDER BY p.position, p.e164) AS phones,
  (SELECT coalesce(json_agg(json_build_object('channel', k.channel, 'granted', k.granted,
     'at', to_char(k.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'source', k.source) ORDER BY k.channel), '[]')
   FROM customer_master.consent k WHERE k.customer_id = c.id) AS consents`;

export function toCustomer(row: CustomerRow): Customer {
  const hasAddress =
    row.province || row.city || row.district || row.street || row.postal_code || row.lat !== null;
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    nameLatin: row.name_latin,
    phones: row.phones ?? [],
    emails: row.emails,
    address: hasAddress
      ? {
          province: row.province,
          city: row.city,
          district: row.district,
          street: row.street,
          postalCode: row.postal_code,
          location: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
        }
      : null,
    birthday: row.birthday,
    gender: row.gender,
    tags: row.tags,
    ownerSalesRepId: row.owner_sales_rep_id,
    consents: row.consents ?? [],
    preferredLanguage: row.preferred_language,
    status: row.status,
    mergedInto: row.merged_into,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function phoneDigits(e164: string): string {
  return normalizePhone(e164)?.digits ?? e164.replace(/\D/g, '');
}

/** A customer as one row of `insertMany`'s record set, search keys computed as `save` does. */
function toInsertRecord(customer: Customer) {
  const a = customer.address;
  return {
    id: customer.id,
    kind: customer.kind,
    name: customer.name,
    name_latin: customer.nameLatin,
    search_keys: nameSearchKeys(customer.name, customer.nameLatin ?? undefined),
    emails: customer.emails,
    province: a?.province ?? null,
    city: a?.city ?? null,
    district: a?.district ?? null,
    street: a?.street ?? null,
    postal_code: a?.postalCode ?? null,
    lat: a?.location?.lat ?? null,
    lon: a?.location?.lon ?? null,
    birthday: customer.birthday,
    gender: customer.gender,
    tags: customer.tags,
    owner_sales_rep_id: customer.ownerSalesRepId,
    status: customer.status,
    merged_into: customer.mergedInto,
    version: customer.version,
    created_at: customer.createdAt,
    updated_at: customer.updatedAt,
    preferred_language: customer.preferredLanguage,
  };
}

/** Owns the SQL of customers, their phones and consents. */
@Injectable()
export class CustomerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<Customer | null> {
    const rows = await tx.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customer_master.customer c WHERE c.id = $1`,
      [id],
    );
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  /** The customer registered under this Idempotency-Key in this scope (a partner id, or staff), if any. */
  async findByRegistrationKey(key: RegistrationKey): Promise<Customer | null> {
    const rows = await this.dataSource.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customer_master.customer c
         JOIN customer_master.customer_registration_key k ON k.customer_id = c.id
        WHERE k.scope = $1 AND k.key = $2`,
      [key.scope, key.key],
    );
    return rows[0] ? toCustomer(rows[0]) : null;
  }

  /** Fails with a unique violation when another registration holds the key already. */
  async recordRegistrationKey(tx: EntityManager, key: RegistrationKey, customerId: string): Promise<void> {
    await tx.query(
      `INSERT INTO customer_master.customer_registration_key (scope, key, customer_id) VALUES ($1, $2, $3)`,
      [key.scope, key.key, customerId],
    );
  }

  async findByIds(ids: string[], tx: EntityManager = this.dataSource.manager): Promise<Customer[]> {
    if (ids.length === 0) return [];
    const rows = await tx.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customer_master.customer c WHERE c.id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((row: CustomerRow) => [row.id, toCustomer(row)]));
    return ids.map((id) => byId.get(id)).filter((c): c is Customer => !!c);
  }

  /** Those of `ids` that are active customers the partner (when given) is linked to. */
  async activeAmong(tx: EntityManager, ids: string[], partnerId: string | null): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await tx.query(
      `SELECT c.id FROM customer_master.customer c WHERE c.id = ANY($1::uuid[]) AND c.status = 'active'
          AND ($2::uuid IS NULL OR EXISTS (SELECT 1 FROM customer_master.customer_partner_link l
                                            WHERE l.customer_id = c.id AND l.partner_id = $2))`,
      [ids, partnerId],
    );
    return new Set(rows.map((row) => row.id));
  }

  /**
   * Locks the customers' rows until the transaction ends, always in id order, so concurrent
   * changes of the same records (two opposite merges, say) run one after the other without deadlock.
   */
  async lock(tx: EntityManager, ...ids: string[]): Promise<void> {
    await tx.query(`SELECT id FROM customer_master.customer WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [
      ids,
    ]);
  }

  /** Inserts or fully rewrites a customer, recomputing its search keys. */
  async save(tx: EntityManager, customer: Customer): Promise<void> {
    const a = customer.address;
    await tx.query(
      `INSERT INTO customer_master.customer (id, kind, name, name_latin, search_keys, emails, province, city, district,
         street, postal_code, lat, lon, birthday, gender, tags, owner_sales_rep_id, status, merged_into, version,
         created_at, updated_at, preferred_language)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, name_latin = EXCLUDED.name_latin,
         search_keys = EXCLUDED.search_keys, emails = EXCLUDED.emails, province = EXCLUDED.province,
         city = EXCLUDED.city, district = EXCLUDED.district, street = EXCLUDED.street,
         postal_code = EXCLUDED.postal_code, lat = EXCLUDED.lat, lon = EXCLUDED.lon, birthday = EXCLUDED.birthday,
         gender = EXCLUDED.gender, tags = EXCLUDED.tags, owner_sales_rep_id = EXCLUDED.owner_sales_rep_id,
         status = EXCLUDED.status, merged_into = EXCLUDED.merged_into, version = EXCLUDED.version,
         updated_at = EXCLUDED.updated_at, preferred_language = EXCLUDED.preferred_language`,
      [
        customer.id,
        customer.kind,
        customer.name,
        customer.nameLatin,
        customer.status === 'erased' ? [] : nameSearchKeys(customer.name),
        customer.emails,
        a?.province ?? null,
        a?.city ?? null,
        a?.district ?? null,
        a?.street ?? null,
        a?.postalCode ?? null,
        a?.location?.lat ?? null,
        a?.location?.lon ?? null,
        customer.birthday,
        customer.gender,
        customer.tags,
        customer.ownerSalesRepId,
        customer.status,
        customer.mergedInto,
        customer.version,
        customer.createdAt,
        customer.updatedAt,
        customer.preferredLanguage,
      ],
    );
    await this.replacePhones(tx, customer.id, customer.phones);
    await this.replaceConsents(tx, customer.id, customer.consents);
  }

  /** Inserts new customers with their phones and consents, a few statements for the whole batch (ADR 0049). */
  async insertMany(tx: EntityManager, customers: Customer[]): Promise<void> {
    if (customers.length === 0) return;
    await tx.query(
      `INSERT INTO customer_master.customer (id, kind, name, name_latin, search_keys, emails, province, city, district,
         street, postal_code, lat, lon, birthday, gender, tags, owner_sales_rep_id, status, merged_into, version,
         created_at, updated_at, preferred_language)
       SELECT id, kind, name, name_latin, search_keys, emails, province, city, district, street, postal_code, lat, lon,
              birthday, gender, tags, owner_sales_rep_id, status, merged_into, version, created_at, updated_at,
              preferred_language
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, kind text, name text, name_latin text, search_keys text[],
           emails text[], province text, city text, district text, street text, postal_code text,
           lat double precision, lon double precision, birthday date, gender text, tags text[],
           owner_sales_rep_id text, status text, merged_into uuid, version int, created_at timestamptz,
           updated_at timestamptz, preferred_language text)`,
      [JSON.stringify(customers.map(toInsertRecord))],
    );
    const phones = customers.flatMap((c) =>
      c.phones.map((e164, position) => ({ customerId: c.id, e164, position })),
    );
    await tx.query(
      `INSERT INTO customer_master.customer_phone (customer_id, e164, digits, position)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::smallint[])`,
      [
        phones.map((phone) => phone.customerId),
        phones.map((phone) => phone.e164),
        phones.map((phone) => phoneDigits(phone.e164)),
        phones.map((phone) => phone.position),
      ],
    );
    const consents = customers.flatMap((c) =>
      c.consents.map((consent) => ({ customerId: c.id, ...consent })),
    );
    if (consents.length === 0) return;
    await tx.query(
      `INSERT INTO customer_master.consent (customer_id, channel, granted, recorded_at, source)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::boolean[], $4::timestamptz[], $5::text[])`,
      [
        consents.map((consent) => consent.customerId),
        consents.map((consent) => consent.channel),
        consents.map((consent) => consent.granted),
        consents.map((consent) => consent.at),
        consents.map((consent) => consent.source),
      ],
    );
  }

  private async replacePhones(tx: EntityManager, customerId: string, phones: string[]): Promise<void> {
    await tx.query(`DELETE FROM customer_master.customer_phone WHERE customer_id = $1`, [customerId]);
    for (const [position, e164] of phones.entries()) {
      await tx.query(
        `INSERT INTO customer_master.customer_phone (customer_id, e164, digits, position) VALUES ($1, $2, $3, $4)`,
        [customerId, e164, phoneDigits(e164), position],
      );
    }
  }

  private async replaceConsents(tx: EntityManager, customerId: string, consents: Consent[]): Promise<void> {
    await tx.query(`DELETE FROM customer_master.consent WHERE customer_id = $1`, [customerId]);
    for (const consent of consents) {
      await tx.query(
        `INSERT INTO customer_master.consent (customer_id, channel, granted, recorded_at, source) VALUES ($1, $2, $3, $4, $5)`,
        [customerId, consent.channel, consent.granted, consent.at, consent.source],
      );
    }
  }

  /** Customers visible to a partner, newest first. */
  async listLinkedTo(partnerId: string | null, limit: number, offset: number): Promise<Customer[]> {
    const rows = await this.dataSource.query(
      `SELECT ${CUSTOMER_COLUMNS} FROM customer_master.customer c
        WHERE c.status = 'active'
          AND ($1::uuid IS NULL OR EXISTS (SELECT 1 FROM customer_master.customer_partner_link l
                                            WHERE l.customer_id = c.id AND l.partner_id = $1))
        ORDER BY c.created_at DESC, c.id LIMIT $2 OFFSET $3`,
      [partnerId, limit, offset],
    );
    return rows.map(toCustomer);
  }
}
