import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type BreachKind = 'response' | 'resolution';

/** Tickets whose due time passed without the step being done, not escalated for that target yet. */
@Injectable()
export class SlaBreachRepository {
  async overdue(tx: EntityManager, kind: BreachKind, now: Date, limit: number): Promise<string[]> {
    const condition =
      kind === 'response'
        ? `status = 'routed' AND response_breached_at IS NULL AND response_due_at <= $1`
        : `status NOT IN ('resolved', 'closed') AND resolution_breached_at IS NULL AND resolution_due_at <= $1`;
    const rows: { id: string }[] = await tx.query(
      `SELECT id FROM service.ticket WHERE ${condition} ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED`,
      [now, limit],
    );
    return rows.map((row) => row.id);
  }
}
