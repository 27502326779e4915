import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  ActivityLogged,
  EventEnvelope,
  OpportunityLost,
  OpportunityStageChanged,
  OpportunitySummary,
  OpportunityWon,
} from '@crm/contracts';
import { EventSubscriber, eventOrderOf } from '@crm/messaging';
import { EntityManager } from 'typeorm';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { ErasedCustomerRepository } from './erased-customer.repository';
import { OpportunityOutcome, OpportunityReplicaRepository } from './opportunity-replica.repository';
import { SalesActivityRepository } from './sales-activity.repository';

/**
 * Sales activities and opportunities with a known customer join that customer's 360; the others (a lead's) are not
 * the agent's concern, nor is one about an erased customer (it arrives on another topic, possibly after the erasure).
 */
@Injectable()
export class SalesEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly activities: SalesActivityRepository,
    private readonly opportunities: OpportunityReplicaRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(READ_MODEL_CONSUMER, ActivityLogged, async ({ payload }, tx) => {
      if (!payload.customerId || (await this.erased.isErased(tx, payload.customerId))) return;
      await this.activities.insert(tx, { ...payload, customerId: payload.customerId });
      this.invalidator.afterCommit(tx, payload.customerId);
    });
    this.subscriber.on(READ_MODEL_CONSUMER, OpportunityStageChanged, (event, tx) =>
      this.opportunityChanged(tx, event, null, event.payload.changedAt),
    );
    this.subscriber.on(READ_MODEL_CONSUMER, OpportunityWon, (event, tx) =>
      this.opportunityChanged(tx, event, 'won', event.payload.closedAt),
    );
    this.subscriber.on(READ_MODEL_CONSUMER, OpportunityLost, (event, tx) =>
      this.opportunityChanged(tx, event, 'lost', event.payload.closedAt),
    );
  }

  private async opportunityChanged(
    tx: EntityManager,
    event: EventEnvelope<OpportunitySummary>,
    outcome: OpportunityOutcome,
    changedAt: string,
  ): Promise<void> {
    const { customerId } = event.payload;
    if (!customerId || (await this.erased.isErased(tx, customerId))) return;
    const summary = { ...event.payload, customerId };
    await this.opportunities.upsert(tx, { summary, outcome, changedAt }, eventOrderOf(event));
    this.invalidator.afterCommit(tx, customerId);
  }
}
