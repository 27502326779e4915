import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VehicleState } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER_EVENT = excludedEventIsNewerSql('service.customer_vehicle', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** A customer's vehicle as the customer master last described it: what a ticket may claim about it. */
export interface CustomerVehicle {
  vehicleId: string;
  vin: string;
  brand: string;
  ownerCustomerId: string;
  sellingDealerId: string | null;
}

interface Row {
  vehicle_id: string;
  vin: string;
  brand: string;
  owner_customer_id: string;
  selling_dealer_id: string | null;
}

const toVehicle = (r: Row): CustomerVehicle => ({
  vehicleId: r.vehicle_id,
  vin: r.vin,
  brand: r.brand,
  ownerCustomerId: r.owner_customer_id,
  sellingDealerId: r.selling_dealer_id,
});

@Injectable()
export class CustomerVehicleRepository {
  /** Only a newer event (ADR 0021) overwrites: a replay or a late event never brings back a former owner. */
  async save(tx: EntityManager, v: VehicleState, order: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO service.customer_vehicle (vehicle_id, vin, brand, owner_customer_id, selling_dealer_id,
         source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (vehicle_id) DO UPDATE SET vin = EXCLUDED.vin, brand = EXCLUDED.brand,
         owner_customer_id = EXCLUDED.owner_customer_id, selling_dealer_id = EXCLUDED.selling_dealer_id,
         updated_at = now(), source_occurred_at = EXCLUDED.source_occurred_at,
         source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_EVENT}`,
      [v.vehicleId, v.vin, v.brand, v.ownerCustomerId, v.sellingDealerId, order.occurredAt, order.sequence],
    );
  }

  async find(
    tx: EntityManager,
    by: { vehicleId?: string | null; vin?: string | null },
  ): Promise<CustomerVehicle | null> {
    const rows: Row[] = by.vehicleId
      ? await tx.query(`SELECT * FROM service.customer_vehicle WHERE vehicle_id = $1`, [by.vehicleId])
      : await tx.query(
          `SELECT * FROM service.customer_vehicle WHERE vin = $1 ORDER BY updated_at DESC LIMIT 1`,
          [by.vin],
        );
    return rows[0] ? toVehicle(rows[0]) : null;
  }

  async moveOwner(tx: EntityManager, from: string, to: string): Promise<void> {
    await tx.query(
      `UPDATE service.customer_vehicle SET owner_customer_id = $2 WHERE owner_customer_id = $1`,
      [from, to],
    );
  }

  async removeOwnedBy(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM service.customer_vehicle WHERE owner_customer_id = $1`, [customerId]);
  }
}
