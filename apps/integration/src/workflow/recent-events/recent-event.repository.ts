import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope } from '@crm/contracts';

/**
 * The events integration saw lately, kept a few days for dry runs: a rule is tried against what really happened
 * without reading other services' data or replaying Kafka.
 */
@Injectable()
export class RecentEventRepository {
  constructor(private readonly db: DataSource) {}

  async keep(tx: EntityManager, event: EventEnvelope, at: Date): Promise<void> {
    await tx.query(
      `INSERT INTO integration.workflow_recent_event (event_id, event_type, received_at, envelope)
       VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
      [event.id, event.type, at, JSON.stringify(event)],
    );
  }

  /** The latest events of a type received since `since`, newest first. */
  async ofType(type: string, since: Date, limit: number): Promise<EventEnvelope[]> {
    const rows: { envelope: EventEnvelope }[] = await this.db.query(
      `SELECT envelope FROM integration.workflow_recent_event WHERE event_type = $1 AND received_at >= $2
        ORDER BY received_at DESC, event_id LIMIT $3`,
      [type, since, limit],
    );
    return rows.map((row) => row.envelope);
  }

  /** Drops events received before `before` (the retention); resolves with how many. */
  async purge(before: Date): Promise<number> {
    const [, count]: [unknown, number] = await this.db.query(
      `DELETE FROM integration.workflow_recent_event WHERE received_at < $1`,
      [before],
    );
    return count;
  }

  /** A person's erasure: their events go at once rather than at the end of the retention. */
  async forgetAggregate(tx: EntityManager, aggregateId: string): Promise<void> {
    await tx.query(
      `DELETE FROM integration.workflow_recent_event WHERE envelope->>'aggregateId' = $1
          OR envelope->'payload'->>'customerId' = $1`,
      [aggregateId],
    );
  }
}
