import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { GeoPoint } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';
import { geoSql } from '@crm/persistence';
import { Dealer, DealerCandidate } from './dealer';

const GEO = geoSql('$1', '$2', { lat: 'd.lat', lon: 'd.lon' });
/** Enough of the nearest (by the index) to see every dealer tied at the same distance. */
const NEAREST_BATCH = 20;
/**
 * A dealer sells a model when one of its brands is the model's first word ("Aurora S7" is an Aurora)
 * or the model itself: partners carry brands, not model lists.
 */
const SELLS = `EXISTS (SELECT 1 FROM unnest(d.brands) b
  WHERE lower($3::text) = lower(b) OR starts_with(lower($3::text), lower(b) || ' '))`;

const NEWER_EVENT = excludedEventIsNewerSql('sales.dealer', {
  sequence: 'source_sequence',
  occurredAt: 'changed_at',
});

/** The dealer replica, fed by customer-master's partner events. */
@Injectable()
export class DealerRepository {
  constructor(private readonly dataSource: DataSource) {}

  async count(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS count FROM sales.dealer`);
    return row.count;
  }

  /** Only a newer event (ADR 0021) overwrites: a late or replayed one changes nothing. */
  async upsert(tx: EntityManager, dealer: Dealer, order: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO sales.dealer (partner_id, code, name, lat, lon, brands, active, changed_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (partner_id) DO UPDATE SET code = EXCLUDED.code, name = EXCLUDED.name, lat = EXCLUDED.lat,
         lon = EXCLUDED.lon, brands = EXCLUDED.brands, active = EXCLUDED.active, changed_at = EXCLUDED.changed_at,
         source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_EVENT}`,
      [
        dealer.partnerId,
        dealer.code,
        dealer.name,
        dealer.location.lat,
        dealer.location.lon,
        dealer.brands,
        dealer.active,
        order.occurredAt,
        order.sequence,
      ],
    );
  }

  /**
   * Active dealers selling `model` (any dealer when null), nearest first; dealers as near to the meter
   * go to the one with fewer open leads, then the lower dealer code, so the same state gives the same choice.
   */
  async findNearestSelling(
    tx: EntityManager,
    at: GeoPoint,
    model: string | null,
    limit: number,
  ): Promise<DealerCandidate[]> {
    const rows: { partner_id: string; code: string; name: string; distance_m: number; open_leads: number }[] =
      await tx.query(
        `SELECT near.*, load.open_leads FROM (
           SELECT d.partner_id, d.code, d.name, round(${GEO.distanceMeters})::int AS distance_m FROM sales.dealer d
            WHERE d.active AND ($3::text IS NULL OR ${SELLS})
            ORDER BY ${GEO.nearestFirst} LIMIT ${NEAREST_BATCH}) near
         CROSS JOIN LATERAL (
           SELECT count(*)::int AS open_leads FROM sales.lead l
            WHERE l.partner_id = near.partner_id AND l.status NOT IN ('converted', 'disqualified')) load
         ORDER BY near.distance_m, load.open_leads, near.code LIMIT $4`,
        [at.lat, at.lon, model, limit],
      );
    return rows.map((row) => ({
      partnerId: row.partner_id,
      code: row.code,
      name: row.name,
      distanceMeters: row.distance_m,
      openLeads: row.open_leads,
    }));
  }
}
