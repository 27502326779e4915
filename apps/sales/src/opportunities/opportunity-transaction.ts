import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Principal } from '@crm/auth';
import { Clock, ConflictError, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { SalesScope, scopeOf } from '../hierarchy/sales-scope';
import { isClosed, Opportunity } from './opportunity';
import { OpportunityRepository } from './opportunity.repository';
import { Pipeline } from './pipeline';
import { PipelineRepository } from './pipeline.repository';

export interface OpportunityStep {
  tx: EntityManager;
  opportunity: Opportunity;
  pipeline: Pipeline;
  scope: SalesScope;
  now: Date;
}

/**
 * Every change to an open opportunity: load it locked within the caller's scope (404 outside it),
 * refuse a closed one (409), stamp the time, run the step, in one transaction.
 */
@Injectable()
export class OpportunityTransaction {
  constructor(
    private readonly opportunities: OpportunityRepository,
    private readonly pipelines: PipelineRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  run(
    principal: Principal,
    id: string,
    work: (step: OpportunityStep) => Promise<void>,
  ): Promise<Opportunity> {
    const scope = scopeOf(principal);
    return this.uow.run(async (tx) => {
      const opportunity = await this.opportunities.find(scope, id, tx, true);
      if (!opportunity) throw new NotFoundError('opportunity', id);
      if (isClosed(opportunity)) throw new ConflictError(`opportunity ${id} is already ${opportunity.stage}`);
      const pipeline = await this.pipelines.find(opportunity.pipelineId, tx);
      if (!pipeline) throw new Error(`opportunity ${id} names a missing pipeline`);
      const now = this.clock.now();
      opportunity.updatedAt = now.toISOString();
      await work({ tx, opportunity, pipeline, scope, now });
      return opportunity;
    });
  }
}
