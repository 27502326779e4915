import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Money, OpportunityLost, OpportunityStageChanged, OpportunityWon } from '@crm/contracts';
import { EventFactory, Outbox } from '@crm/messaging';
import { Opportunity, salesCycleDays, toSummary } from './opportunity';
import { OpportunityRepository } from './opportunity.repository';
import { WON_STAGE } from './pipeline';

/**
 * Every opportunity state change goes through here: the row, its stage history (who, when) and its
 * integration events, in the caller's transaction.
 */
@Injectable()
export class OpportunityJournal {
  constructor(
    private readonly opportunities: OpportunityRepository,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
  ) {}

  async opened(tx: EntityManager, o: Opportunity, by: string): Promise<void> {
    await this.opportunities.insert(tx, o);
    await this.stageEntered(tx, o, null, by);
  }

  async moved(tx: EntityManager, o: Opportunity, fromStage: string, by: string): Promise<void> {
    await this.opportunities.update(tx, o);
    await this.stageEntered(tx, o, fromStage, by);
  }

  /** Entered the won or lost stage: the stage change, then opportunity.won or opportunity.lost. */
  async closed(tx: EntityManager, o: Opportunity, fromStage: string, by: string): Promise<void> {
    await this.moved(tx, o, fromStage, by);
    const closedAt = o.closedAt as string;
    const common = {
      ...toSummary(o),
      reason: o.closeReason as string,
      closedAt,
      salesCycleDays: salesCycleDays(o, new Date(closedAt)),
    };
    await this.outbox.add(
      tx,
      o.stage === WON_STAGE
        ? this.events.create(OpportunityWon, o.id, { ...common, amount: o.amount as Money })
        : this.events.create(OpportunityLost, o.id, common),
    );
  }

  /** Fields that change no stage (amount, close date, owner). */
  async changed(tx: EntityManager, o: Opportunity): Promise<void> {
    await this.opportunities.update(tx, o);
  }

  private async stageEntered(tx: EntityManager, o: Opportunity, fromStage: string | null, by: string) {
    const change = {
      fromStage,
      toStage: o.stage,
      probability: o.probability,
      changedBy: by,
      changedAt: o.updatedAt,
    };
    await this.opportunities.addStageChange(tx, o.id, change);
    await this.outbox.add(
      tx,
      this.events.create(OpportunityStageChanged, o.id, {
        ...toSummary(o),
        fromStage,
        changedBy: by,
        changedAt: o.updatedAt,
      }),
    );
  }
}
