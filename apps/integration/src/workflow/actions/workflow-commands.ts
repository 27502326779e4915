import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EventDefinition, PayloadOf } from '@crm/contracts';
import { Clock } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { ActionRun } from './workflow-action';

/**
 * Sends a command to the service owning a record as an event in integration's outbox, once per firing and action:
 * the row keyed by both is written in the same transaction, so a firing retried after a crash adds nothing.
 */
@Injectable()
export class WorkflowCommands {
  constructor(
    private readonly db: DataSource,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  async sendOnce<D extends EventDefinition>(
    definition: D,
    recordId: string,
    payload: PayloadOf<D>,
    run: ActionRun,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      const event = this.events.create(definition, recordId, payload);
      const inserted: unknown[] = await tx.query(
        `INSERT INTO integration.workflow_command (firing_id, action_index, event_id, event_type, created_at)
         VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING event_id`,
        [run.firingId, run.actionIndex, event.id, event.type, this.clock.now()],
      );
      if (inserted.length > 0) await this.outbox.add(tx, event);
    });
  }
}
