import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ActiveOfferView,
  BrowsingProfileView,
  Consent,
  CustomerProfile,
  NextBestOfferView,
  RepairView,
  TicketView,
} from './customer-360';

export interface VehicleRow {
  vehicleId: string;
  vin: string;
  brand: string;
  model: string;
  modelYear: number | null;
  purchaseDate: string | null;
  sellingDealerId: string | null;
  sellingDealerName: string | null;
  warrantyEnd: string | null;
}

const OPEN = `status NOT IN ('resolved', 'closed')`;

/** Reads the call center's copies for the 360 view; every query is keyed by the customer id index. */
@Injectable()
export class Customer360Repository {
  constructor(private readonly dataSource: DataSource) {}

  async profile(customerId: string): Promise<{ profile: CustomerProfile; consents: Consent[] } | null> {
    const [row] = await this.dataSource.query(
      `SELECT c.id AS "customerId", c.kind, c.name, c.name_latin AS "nameLatin", c.emails, c.address,
              to_char(c.birthday, 'YYYY-MM-DD') AS birthday, c.gender, c.tags, c.consents,
              ARRAY(SELECT p.e164 FROM call_center.customer_phone p WHERE p.customer_id = c.id
                     ORDER BY p.position) AS phones
         FROM call_center.customer c WHERE c.id = $1`,
      [customerId],
    );
    if (!row) return null;
    const { consents, ...profile } = row;
    return { profile, consents };
  }

  vehicles(customerId: string): Promise<VehicleRow[]> {
    return this.dataSource.query(
      `SELECT v.id AS "vehicleId", v.vin, v.brand, v.model, v.model_year AS "modelYear",
              to_char(v.purchase_date, 'YYYY-MM-DD') AS "purchaseDate", v.selling_dealer_id AS "sellingDealerId",
              d.name AS "sellingDealerName", to_char(v.warranty_end, 'YYYY-MM-DD') AS "warrantyEnd"
         FROM call_center.vehicle v LEFT JOIN call_center.partner d ON d.id = v.selling_dealer_id
        WHERE v.owner_customer_id = $1 ORDER BY v.purchase_date DESC NULLS LAST, v.vin`,
      [customerId],
    );
  }

  async repairs(customerId: string): Promise<RepairView[]> {
    const rows = await this.dataSource.query(
      `SELECT id AS "repairId", ticket_id AS "ticketId", ticket_number AS "ticketNumber",
              vehicle_id AS "vehicleId", vin, json_build_object('id', station_id, 'name', station_name) AS station,
              repaired_at AS "repairedAt", quality_type AS "qualityType", work_done AS "workDone", technician
         FROM call_center.repair WHERE customer_id = $1 ORDER BY repaired_at DESC`,
      [customerId],
    );
    return rows.map((row: RepairView & { repairedAt: Date }) => ({
      ...row,
      repairedAt: row.repairedAt.toISOString(),
    }));
  }

  async tickets(customerId: string): Promise<TicketView[]> {
    const rows = await this.dataSource.query(
      `SELECT t.id AS "ticketId", t.number, t.status, t.${OPEN} AS open, t.quality_type AS "qualityType",
              t.severity, t.description, t.vehicle_id AS "vehicleId", t.accepted_by AS "acceptedBy",
              CASE WHEN t.station_id IS NULL THEN NULL
                   ELSE json_build_object('id', t.station_id, 'name', s.name) END AS station,
              t.opened_at AS "openedAt", t.updated_at AS "updatedAt",
              (SELECT json_build_object('id', i.agent_id, 'name', i.agent_name)
                 FROM call_center.interaction i
                WHERE i.ticket_id = t.id AND i.kind = 'complaint'
                ORDER BY i.occurred_at LIMIT 1) AS "openedBy",
              CASE WHEN t.satisfaction_score IS NULL THEN NULL
                   ELSE json_build_object('score', t.satisfaction_score, 'comment', t.satisfaction_comment,
                     'recordedAt', to_json(t.satisfaction_recorded_at) #>> '{}') END AS satisfaction
         FROM call_center.ticket t LEFT JOIN call_center.partner s ON s.id = t.station_id
        WHERE t.customer_id = $1 ORDER BY t.${OPEN} DESC, t.opened_at DESC`,
      [customerId],
    );
    return rows.map((row: TicketView & { openedAt: Date; updatedAt: Date }) => ({
      ...row,
      openedAt: row.openedAt.toISOString(),
      updatedAt: row.updatedAt.toISOString(),
    }));
  }

  /** Null when campaigns offers nothing, or withdrew its offer. */
  async nextBestOffer(customerId: string): Promise<NextBestOfferView | null> {
    const [row] = await this.dataSource.query(
      `SELECT product, based_on AS "basedOn", reason, since FROM call_center.next_best_offer
        WHERE customer_id = $1 AND product IS NOT NULL`,
      [customerId],
    );
    return row ? { ...row, since: (row.since as Date).toISOString() } : null;
  }

  /** Offers granted or applied and still valid, soonest ending first. */
  async activeOffers(customerId: string, now: Date): Promise<ActiveOfferView[]> {
    const rows = await this.dataSource.query(
      `SELECT offer_id AS "offerId", title, kind, value::float8 AS value, currency, applies_to AS "appliesTo", reason,
              status, granted_at AS "grantedAt", valid_until AS "validUntil", applied_at AS "appliedAt"
         FROM call_center.customer_offer
        WHERE customer_id = $1 AND status IN ('granted', 'applied') AND valid_until > $2
        ORDER BY valid_until, offer_id`,
      [customerId, now],
    );
    return rows.map(
      (row: ActiveOfferView & { grantedAt: Date; validUntil: Date; appliedAt: Date | null }) => ({
        ...row,
        grantedAt: row.grantedAt.toISOString(),
        validUntil: row.validUntil.toISOString(),
        appliedAt: row.appliedAt?.toISOString() ?? null,
      }),
    );
  }

  /** Null when the customer was never seen on the website, or their profile was withdrawn. */
  async browsingProfile(customerId: string): Promise<BrowsingProfileView | null> {
    const [row] = await this.dataSource.query(
      `SELECT models, interests, dwell_seconds AS "dwellSeconds", COALESCE(model_dwell, '[]') AS "modelDwell",
              visits, last_visit_at AS "lastVisitAt"
         FROM call_center.browsing_profile WHERE customer_id = $1 AND last_visit_at IS NOT NULL`,
      [customerId],
    );
    return row ? { ...row, lastVisitAt: (row.lastVisitAt as Date).toISOString() } : null;
  }
}
