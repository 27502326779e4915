import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Money } from '@crm/contracts';
import { ConflictError, InvalidInputError } from '@crm/core';
import { Opportunity } from './opportunity';
import { OpportunityJournal } from './opportunity-journal';
import { assertAmountIsManual, OpportunityLineRepository } from './opportunity-line.repository';
import { OpportunityTransaction } from './opportunity-transaction';
import { LOST_STAGE, Pipeline, stageOf, WON_STAGE } from './pipeline';

/** Moves opportunities through their pipeline and closes them as won or lost; closed ones stay closed. */
@Injectable()
export class OpportunityStageService {
  constructor(
    private readonly transaction: OpportunityTransaction,
    private readonly journal: OpportunityJournal,
    private readonly lines: OpportunityLineRepository,
  ) {}

  move(principal: Principal, id: string, stageKey: string): Promise<Opportunity> {
    return this.transaction.run(principal, id, async ({ tx, opportunity: o, pipeline }) => {
      const stage = stageOf(pipeline, stageKey);
      if (!stage)
        throw new InvalidInputError([{ field: 'stage', message: `is not a stage of ${pipeline.name}` }]);
      if (stage.outcome !== 'open')
        throw new ConflictError(`close an opportunity with /win or /lose, not by moving it to ${stage.key}`);
      if (stage.key === o.stage) throw new ConflictError(`opportunity ${id} is already in ${stage.key}`);
      const from = o.stage;
      Object.assign(o, { stage: stage.key, probability: stage.probability });
      await this.journal.moved(tx, o, from, principal.subject);
    });
  }

  /** Won needs an amount, given now or set before: without one it is a 409. */
  win(principal: Principal, id: string, reason: string, amount?: Money): Promise<Opportunity> {
    return this.transaction.run(principal, id, async ({ tx, opportunity: o, pipeline, now }) => {
      if (amount) {
        await assertAmountIsManual(this.lines, tx, o.id);
        o.amount = amount;
      }
      if (!o.amount) throw new ConflictError('a won opportunity needs an amount', { field: 'amount' });
      const from = this.close(o, pipeline, WON_STAGE, reason, now);
      await this.journal.closed(tx, o, from, principal.subject);
    });
  }

  lose(principal: Principal, id: string, reason: string): Promise<Opportunity> {
    return this.transaction.run(principal, id, async ({ tx, opportunity: o, pipeline, now }) => {
      const from = this.close(o, pipeline, LOST_STAGE, reason, now);
      await this.journal.closed(tx, o, from, principal.subject);
    });
  }

  private close(o: Opportunity, pipeline: Pipeline, stageKey: string, reason: string, at: Date): string {
    const stage = stageOf(pipeline, stageKey);
    if (!stage) throw new Error(`pipeline ${pipeline.id} has no ${stageKey} stage`);
    const from = o.stage;
    Object.assign(o, {
      stage: stage.key,
      probability: stage.probability,
      closeReason: reason,
      closedAt: at.toISOString(),
    });
    return from;
  }
}
