import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VehicleState } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER = excludedEventIsNewerSql('call_center.vehicle', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

export interface OwnedVehicle {
  vin: string;
  brand: string;
  sellingDealerId: string | null;
}

@Injectable()
export class VehicleReplicaRepository {
  /** Only a newer event (ADR 0021) overwrites: a replay or a late event never brings back older state. */
  async upsert(tx: EntityManager, v: VehicleState, order: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.vehicle (id, vin, brand, model, model_year, purchase_date, selling_dealer_id,
         warranty_end, owner_customer_id, source_occurred_at, source_sequence)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       ON CONFLICT (id) DO UPDATE SET vin = EXCLUDED.vin, brand = EXCLUDED.brand, model = EXCLUDED.model,
         model_year = EXCLUDED.model_year, purchase_date = EXCLUDED.purchase_date,
         selling_dealer_id = EXCLUDED.selling_dealer_id, warranty_end = EXCLUDED.warranty_end,
         owner_customer_id = EXCLUDED.owner_customer_id, source_occurred_at = EXCLUDED.source_occurred_at,
         source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [
        v.vehicleId,
        v.vin,
        v.brand,
        v.model,
        v.modelYear,
        v.purchaseDate,
        v.sellingDealerId,
        v.warrantyEnd,
        v.ownerCustomerId,
        order.occurredAt,
        order.sequence,
      ],
    );
  }

  async ownersOfVehiclesSoldBy(tx: EntityManager, dealerId: string): Promise<string[]> {
    const rows: { owner: string }[] = await tx.query(
      `SELECT DISTINCT owner_customer_id AS owner FROM call_center.vehicle
        WHERE selling_dealer_id = $1 AND owner_customer_id IS NOT NULL`,
      [dealerId],
    );
    return rows.map((row) => row.owner);
  }

  async findOwned(tx: EntityManager, vehicleId: string, customerId: string): Promise<OwnedVehicle | null> {
    const [row] = await tx.query(
      `SELECT vin, brand, selling_dealer_id AS "sellingDealerId" FROM call_center.vehicle
        WHERE id = $1 AND owner_customer_id = $2`,
      [vehicleId, customerId],
    );
    return row ?? null;
  }
}
