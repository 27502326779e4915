import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VehicleState } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER_EVENT = excludedEventIsNewerSql('campaigns.vehicle', {
  sequence: 'source_sequence',
  occurredAt: 'updated_at',
});

/** Who owns which model since when: for segments on owned models and purchase dates. */
@Injectable()
export class VehicleReplicaRepository {
  /** Only a newer event (ADR 0021) overwrites. */
  async upsert(tx: EntityManager, vehicle: VehicleState, order: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.vehicle (id, owner_customer_id, model, purchase_date, updated_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET owner_customer_id = EXCLUDED.owner_customer_id, model = EXCLUDED.model,
         purchase_date = EXCLUDED.purchase_date, updated_at = EXCLUDED.updated_at,
         source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_EVENT}`,
      [
        vehicle.vehicleId,
        vehicle.ownerCustomerId,
        vehicle.model,
        vehicle.purchaseDate,
        order.occurredAt,
        order.sequence,
      ],
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
