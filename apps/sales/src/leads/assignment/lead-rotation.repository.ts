import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Round-robin turns among a manager's direct reports. */
@Injectable()
export class LeadRotationRepository {
  /**
   * The report after the last one served (by user id, wrapping around), or null when the manager has
   * none. The team's rotation row stays locked until the caller's transaction ends, so concurrent
   * captures take turns one after another instead of both taking the same person.
   */
  async nextTurn(tx: EntityManager, managerId: string): Promise<{ ownerId: string; turn: number } | null> {
    await tx.query(
      `INSERT INTO sales.lead_rotation (manager_id)
       SELECT user_id FROM sales.sales_user WHERE user_id = $1 ON CONFLICT DO NOTHING`,
      [managerId],
    );
    const [rotation] = await tx.query(
      `SELECT last_user_id FROM sales.lead_rotation WHERE manager_id = $1 FOR UPDATE`,
      [managerId],
    );
    if (!rotation) return null;
    const [next] = await tx.query(
      `SELECT user_id FROM sales.sales_user WHERE manager_id = $1
        ORDER BY user_id <= $2 , user_id LIMIT 1`,
      [managerId, rotation.last_user_id ?? ''],
    );
    if (!next) return null;
    const [updated] = await tx.query(
      `WITH turned AS (UPDATE sales.lead_rotation SET last_user_id = $2, turns = turns + 1
                        WHERE manager_id = $1 RETURNING turns)
       SELECT turns FROM turned`,
      [managerId, next.user_id],
    );
    return { ownerId: next.user_id, turn: Number(updated.turns) };
  }
}
