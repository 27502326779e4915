import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GeoPoint, PartnerKind, QualityType } from '@crm/contracts';
import { geoSql } from '@crm/persistence';
import { Partner } from './partner';

const PARTNER_COLUMNS = `id, kind, code, name, phone, province, city, district, street, postal_code, lat, lon, brands,
  skills, capacity, opening_hours, active, created_at, updated_at`;
const NEARBY = geoSql('$1', '$2');

interface PartnerRow {
  id: string;
  kind: PartnerKind;
  code: string;
  name: string;
  phone: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  street: string | null;
  postal_code: string | null;
  lat: number;
  lon: number;
  brands: string[];
  skills: QualityType[];
  capacity: number;
  opening_hours: Partner['openingHours'];
  active: boolean;
  created_at: Date;
  updated_at: Date;
  distance_m?: number;
}

function toPartner(row: PartnerRow): Partner {
  const location = { lat: row.lat, lon: row.lon };
  return {
    partnerId: row.id,
    kind: row.kind,
    code: row.code,
    name: row.name,
    phone: row.phone,
    address: {
      province: row.province,
      city: row.city,
      district: row.district,
      street: row.street,
      postalCode: row.postal_code,
      location,
    },
    location,
    brands: row.brands,
    skills: row.skills,
    capacity: row.capacity,
    openingHours: row.opening_hours,
    active: row.active,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export interface NearbyPartnerQuery {
  at: GeoPoint;
  kind?: PartnerKind;
  skill?: QualityType;
  brand?: string;
  limit: number;
}

@Injectable()
export class PartnerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<Partner | null> {
    const rows = await tx.query(`SELECT ${PARTNER_COLUMNS} FROM customer_master.partner WHERE id = $1`, [id]);
    return rows[0] ? toPartner(rows[0]) : null;
  }

  /** Those of `ids` that are dealers. */
  async dealerIdsAmong(tx: EntityManager, ids: string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM customer_master.partner WHERE id = ANY($1::uuid[]) AND kind = 'dealer'`,
      [ids],
    );
    return new Set(rows.map((row) => row.id));
  }

  async existsWithCode(code: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM customer_master.partner WHERE code = $1 AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [code, exceptId],
    );
    return rows.length > 0;
  }

  async save(tx: EntityManager, p: Partner): Promise<void> {
    await tx.query(
      `INSERT INTO customer_master.partner (id, kind, code, name, phone, province, city, district, street, postal_code,
         lat, lon, brands, skills, capacity, opening_hours, active, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, phone = EXCLUDED.phone,
         province = EXCLUDED.province, city = EXCLUDED.city, district = EXCLUDED.district, street = EXCLUDED.street,
         postal_code = EXCLUDED.postal_code, lat = EXCLUDED.lat, lon = EXCLUDED.lon, brands = EXCLUDED.brands,
         skills = EXCLUDED.skills, capacity = EXCLUDED.capacity, opening_hours = EXCLUDED.opening_hours,
         active = EXCLUDED.active, updated_at = EXCLUDED.updated_at`,
      [
        p.partnerId,
        p.kind,
        p.code,
        p.name,
        p.phone,
        p.address.province,
        p.address.city,
        p.address.district,
        p.address.street,
        p.address.postalCode,
        p.location.lat,
        p.location.lon,
        p.brands,
        p.skills,
        p.capacity,
        JSON.stringify(p.openingHours),
        p.active,
        p.createdAt,
        p.updatedAt,
      ],
    );
  }

  async list(
    filter: { kind?: PartnerKind; code?: string },
    limit: number,
    offset: number,
  ): Promise<Partner[]> {
    const rows = await this.dataSource.query(
      `SELECT ${PARTNER_COLUMNS} FROM customer_master.partner
        WHERE ($1::text IS NULL OR kind = $1) AND ($2::text IS NULL OR code = $2)
        ORDER BY code LIMIT $3 OFFSET $4`,
      [filter.kind ?? null, filter.code ?? null, limit, offset],
    );
    return rows.map(toPartner);
  }

  /** Nearest first by great-circle distance, answered by the GiST index (KNN), never a scan. */
  async findNearby(query: NearbyPartnerQuery): Promise<(Partner & { distanceMeters: number })[]> {
    const rows: PartnerRow[] = await this.dataSource.query(
      `SELECT ${PARTNER_COLUMNS}, ${NEARBY.distanceMeters} AS distance_m
         FROM customer_master.partner
        WHERE active AND ($3::text IS NULL OR kind = $3) AND ($4::text IS NULL OR skills @> ARRAY[$4::text])
          AND ($5::text IS NULL OR brands @> ARRAY[$5::text])
        ORDER BY ${NEARBY.nearestFirst} LIMIT $6`,
      [query.at.lat, query.at.lon, query.kind ?? null, query.skill ?? null, query.brand ?? null, query.limit],
    );
    return rows.map((row) => ({ ...toPartner(row), distanceMeters: Math.round(Number(row.distance_m)) }));
  }
}
