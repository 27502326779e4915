import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * Each column moves only forward: the last service is the latest repair seen, the rating the latest given.
 * Replays and out-of-order events therefore change nothing, and concurrent writers cannot lose each other's
 * column (the conflict update reads the committed row).
 */
const KEEP_THE_LATEST = `
  ON CONFLICT (customer_id) DO UPDATE SET
    last_service_at = GREATEST(campaigns.customer_service.last_service_at, EXCLUDED.last_service_at),
    last_rating_score = CASE WHEN ${ratingIsNewer()} THEN EXCLUDED.last_rating_score
                             ELSE campaigns.customer_service.last_rating_score END,
    last_rated_at = CASE WHEN ${ratingIsNewer()} THEN EXCLUDED.last_rated_at
                         ELSE campaigns.customer_service.last_rated_at END`;

function ratingIsNewer(): string {
  return `(EXCLUDED.last_rated_at IS NOT NULL AND (campaigns.customer_service.last_rated_at IS NULL
           OR campaigns.customer_service.last_rated_at <= EXCLUDED.last_rated_at))`;
}

/** One row per customer of what segments ask of their service history: when last serviced, how satisfied. */
@Injectable()
export class ServiceHistoryRepository {
  async recordService(tx: EntityManager, customerId: string, servicedAt: string): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.customer_service (customer_id, last_service_at) VALUES ($1, $2) ${KEEP_THE_LATEST}`,
      [customerId, servicedAt],
    );
  }

  async recordRating(tx: EntityManager, customerId: string, score: number, ratedAt: string): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.customer_service (customer_id, last_rating_score, last_rated_at) VALUES ($1, $2, $3)
       ${KEEP_THE_LATEST}`,
      [customerId, score, ratedAt],
    );
  }

  /** The survivor keeps the later service and the later rating of the two records. */
  async mergeInto(tx: EntityManager, mergedId: string, survivorId: string): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.customer_service (customer_id, last_service_at, last_rating_score, last_rated_at)
       SELECT $2, last_service_at, last_rating_score, last_rated_at FROM campaigns.customer_service
        WHERE customer_id = $1
       ${KEEP_THE_LATEST}`,
      [mergedId, survivorId],
    );
    await this.deleteFor(tx, mergedId);
  }

  async deleteFor(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.customer_service WHERE customer_id = $1`, [customerId]);
  }
}
