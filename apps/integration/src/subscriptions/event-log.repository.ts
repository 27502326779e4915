import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { EventEnvelope } from '@crm/contracts';

const PRUNE_BATCH = 5_000;

/** The consumed events kept for replays, for the retention the settings give. */
@Injectable()
export class EventLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(tx: EntityManager, event: EventEnvelope, receivedAt: Date): Promise<void> {
    await tx.query(
      `INSERT INTO integration.event_log (event_id, type, occurred_at, envelope, received_at)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (event_id) DO NOTHING`,
      [event.id, event.type, event.occurredAt, JSON.stringify(event), receivedAt],
    );
  }

  /** The events of these types that occurred since `from`, oldest first. */
  async since(tx: EntityManager, types: string[], from: Date): Promise<EventEnvelope[]> {
    const rows: { envelope: EventEnvelope }[] = await tx.query(
      `SELECT envelope FROM integration.event_log WHERE type = ANY($1) AND occurred_at >= $2
        ORDER BY occurred_at, event_id`,
      [types, from],
    );
    return rows.map((r) => r.envelope);
  }

  /** Deletes what is older than the retention, in batches so no long lock is held; resolves with how many. */
  async prune(receivedBefore: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = await this.dataSource.query(
        `DELETE FROM integration.event_log WHERE event_id IN (
           SELECT event_id FROM integration.event_log WHERE received_at < $1 LIMIT ${PRUNE_BATCH})`,
        [receivedBefore],
      );
      total += deleted;
      if (deleted < PRUNE_BATCH) return total;
    }
  }

  /** A forgotten customer: every logged event that mentions them goes, but the erasure itself (`keep`). */
  async eraseAbout(tx: EntityManager, customerId: string, keep: string): Promise<void> {
    await tx.query(
      `DELETE FROM integration.event_log WHERE strpos(envelope::text, $1) > 0 AND event_id <> $2`,
      [customerId, keep],
    );
  }
}
