import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VehicleState } from '@crm/contracts';

/** Who owns which model since when: for segments on owned models and purchase dates. */
@Injectable()
export class VehicleReplicaRepository {
  /** Only a newer event (by the envelope's occurredAt) overwrites. */
  async upsert(tx: EntityManager, vehicle: VehicleState, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.vehicle (id, owner_customer_id, model, purchase_date, updated_at)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET owner_customer_id = EXCLUDED.owner_customer_id, model = EXCLUDED.model,
         purchase_date = EXCLUDED.purchase_date, updated_at = EXCLUDED.updated_at
       WHERE campaigns.vehicle.updated_at <= EXCLUDED.updated_at`,
      [vehicle.vehicleId, vehicle.ownerCustomerId, vehicle.model, vehicle.purchaseDate, at],
    );
  }

  async repointOwner(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    await tx.query(`UPDATE campaigns.vehicle SET owner_customer_id = $2 WHERE owner_customer_id = $1`, [
      fromId,
      toId,
    ]);
  }

  async deleteOwnedBy(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.vehicle WHERE owner_customer_id = $1`, [customerId]);
  }
}
