import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { VehicleState } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';
import { OWNED_VEHICLE_SUMMARY } from './owned-vehicle-summary';

const NEWER_EVENT = excludedEventIsNewerSql('campaigns.vehicle', {
  sequence: 'source_sequence',
  occurredAt: 'updated_at',
});

/**
 * Who owns which model since when: for segments on owned models and purchase dates. Every write here also
 * recomputes, in the same transaction, the owners' `owned_models` and `purchase_dates` those segments read.
 */
@Injectable()
export class VehicleReplicaRepository {
  /**
   * Only a newer event (ADR 0021) overwrites; on a transfer both the previous and the new owner change. The row is
   * locked before its owner is read, so a merge repointing it meanwhile cannot leave a stale previous owner.
   */
  async upsert(tx: EntityManager, vehicle: VehicleState, order: EventOrder): Promise<void> {
    const previous: Array<{ owner: string }> = await tx.query(
      `SELECT owner_customer_id AS owner FROM campaigns.vehicle WHERE id = $1 FOR UPDATE`,
      [vehicle.vehicleId],
    );
    const written: Array<{ owner: string }> = await tx.query(
      `INSERT INTO campaigns.vehicle (id, owner_customer_id, model, purchase_date, updated_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (id) DO UPDATE SET owner_customer_id = EXCLUDED.owner_customer_id, model = EXCLUDED.model,
         purchase_date = EXCLUDED.purchase_date, updated_at = EXCLUDED.updated_at,
         source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_EVENT}
       RETURNING owner_customer_id AS owner`,
      [
        vehicle.vehicleId,
        vehicle.ownerCustomerId,
        vehicle.model,
        vehicle.purchaseDate,
        order.occurredAt,
        order.sequence,
      ],
    );
    if (written.length > 0)
      await this.refreshOwners(
        tx,
        [...previous, ...written].map((row) => row.owner),
      );
  }

  async repointOwner(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    await tx.query(`UPDATE campaigns.vehicle SET owner_customer_id = $2 WHERE owner_customer_id = $1`, [
      fromId,
      toId,
    ]);
    await this.refreshOwners(tx, [fromId, toId]);
  }

  async deleteOwnedBy(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.vehicle WHERE owner_customer_id = $1`, [customerId]);
    await this.refreshOwners(tx, [customerId]);
  }

  /**
   * The customer and the vehicle consumers run side by side: whoever creates or recomputes a customer row takes
   * its lock first, so the next statement sees every vehicle and customer row the other committed. Always taken
   * after the vehicle rows a transaction writes and before the customer rows, sorted: never a deadlock.
   */
  async lockOwners(tx: EntityManager, customerIds: string[]): Promise<void> {
    await tx.query(
      `SELECT pg_advisory_xact_lock(hashtextextended('campaigns.vehicle_owner:' || id, 0))
         FROM unnest($1::uuid[]) WITH ORDINALITY AS owner(id, position) ORDER BY position`,
      [[...new Set(customerIds)].sort()],
    );
  }

  /**
   * Recomputes these customers' owned models and purchase days from their vehicles (not by adding to what the row
   * holds, so a redelivered or late event changes nothing); rows that already agree are not written.
   */
  async refreshOwners(tx: EntityManager, customerIds: string[]): Promise<void> {
    await this.lockOwners(tx, customerIds);
    await tx.query(
      `UPDATE campaigns.customer c SET owned_models = owned.owned_models, purchase_dates = owned.purchase_dates
         FROM unnest($1::uuid[]) AS affected(id),
              LATERAL (SELECT ${OWNED_VEHICLE_SUMMARY}
                         FROM campaigns.vehicle v WHERE v.owner_customer_id = affected.id) owned
        WHERE c.id = affected.id
          AND (c.owned_models, c.purchase_dates) IS DISTINCT FROM (owned.owned_models, owned.purchase_dates)`,
      [[...new Set(customerIds)]],
    );
  }
}
