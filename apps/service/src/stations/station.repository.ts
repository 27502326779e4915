import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerState } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';
import { Station } from './station';

const NEWER_EVENT = excludedEventIsNewerSql('service.station', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

interface StationRow {
  id: string;
  code: string;
  name: string;
  phone: string | null;
  address: Station['address'];
  lat: number;
  lon: number;
  brands: string[];
  skills: Station['skills'];
  capacity: number;
  open_tickets: number;
  opening_hours: Station['openingHours'];
  active: boolean;
  webhook_url: string | null;
}

const COLUMNS = `id, code, name, phone, address, lat, lon, brands, skills, capacity, open_tickets, opening_hours, active,
  webhook_url`;

function toStation(row: StationRow): Station {
  return {
    stationId: row.id,
    code: row.code,
    name: row.name,
    phone: row.phone,
    address: row.address,
    location: { lat: row.lat, lon: row.lon },
    brands: row.brands,
    skills: row.skills,
    capacity: row.capacity,
    openTickets: row.open_tickets,
    openingHours: row.opening_hours,
    active: row.active,
    webhookUrl: row.webhook_url,
  };
}

/** The station replica: master data from partner events, open-ticket counts and webhooks owned here. */
@Injectable()
export class StationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Only a newer event (ADR 0021) overwrites: a replay or a late event never brings back older state. */
  async upsert(tx: EntityManager, p: PartnerState, order: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO service.station (id, code, name, phone, address, lat, lon, brands, skills, capacity, opening_hours,
         active, updated_at, source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, now(), $13, $14)
       ON CONFLICT (id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, phone = EXCLUDED.phone,
         address = EXCLUDED.address, lat = EXCLUDED.lat, lon = EXCLUDED.lon, brands = EXCLUDED.brands,
         skills = EXCLUDED.skills, capacity = EXCLUDED.capacity, opening_hours = EXCLUDED.opening_hours,
         active = EXCLUDED.active, updated_at = now(), source_occurred_at = EXCLUDED.source_occurred_at,
         source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_EVENT}`,
      [
        p.partnerId,
        p.code,
        p.name,
        p.phone,
        JSON.stringify(p.address),
        p.location.lat,
        p.location.lon,
        p.brands,
        p.skills,
        p.capacity,
        JSON.stringify(p.openingHours),
        p.active,
        order.occurredAt,
        order.sequence,
      ],
    );
  }

  async findById(id: string, tx: EntityManager = this.dataSource.manager): Promise<Station | null> {
    const rows: StationRow[] = await tx.query(`SELECT ${COLUMNS} FROM service.station WHERE id = $1`, [id]);
    return rows[0] ? toStation(rows[0]) : null;
  }

  /** The names of these stations by id (the ones unknown here are left out). */
  async namesOf(ids: string[]): Promise<Map<string, string>> {
    const rows: { id: string; name: string }[] = await this.dataSource.query(
      `SELECT id, name FROM service.station WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /** Stations by code, optionally in one province or city (the address's), for the service manager's map. */
  async list(f: { region?: string; limit: number; offset: number }): Promise<Station[]> {
    const rows: StationRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM service.station
        WHERE ($1::text IS NULL OR address->>'province' = $1 OR address->>'city' = $1)
        ORDER BY code LIMIT $2 OFFSET $3`,
      [f.region ?? null, f.limit, f.offset],
    );
    return rows.map(toStation);
  }

  async setWebhook(id: string, url: string, secret: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `UPDATE service.station SET webhook_url = $2, webhook_secret = $3 WHERE id = $1 RETURNING id`,
      [id, url, secret],
    );
    return rows[0].length > 0;
  }

  async webhookSecret(id: string): Promise<string | null> {
    const rows = await this.dataSource.query(`SELECT webhook_secret FROM service.station WHERE id = $1`, [
      id,
    ]);
    return rows[0]?.webhook_secret ?? null;
  }

  /** Takes one slot; false when the station filled up since it was chosen. */
  async claimSlot(tx: EntityManager, id: string): Promise<boolean> {
    const rows = await tx.query(
      `UPDATE service.station SET open_tickets = open_tickets + 1 WHERE id = $1 AND open_tickets < capacity
       RETURNING id`,
      [id],
    );
    return rows[0].length > 0;
  }

  async releaseSlot(tx: EntityManager, id: string): Promise<void> {
    await tx.query(`UPDATE service.station SET open_tickets = greatest(open_tickets - 1, 0) WHERE id = $1`, [
      id,
    ]);
  }
}
