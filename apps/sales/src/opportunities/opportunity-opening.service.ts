import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, IdGenerator, InvalidInputError } from '@crm/core';
import { OpenOpportunityCommand } from './open-opportunity.command';
import { Opportunity } from './opportunity';
import { OpportunityJournal } from './opportunity-journal';
import { firstOpenStage, stageOf } from './pipeline';
import { PipelineRepository } from './pipeline.repository';

/** Opens an opportunity in an open stage of a pipeline (the default pipeline's first stage unless told). */
@Injectable()
export class OpportunityOpeningService {
  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly journal: OpportunityJournal,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async open(tx: EntityManager, command: OpenOpportunityCommand): Promise<Opportunity> {
    const pipeline = await this.pipelines.find(command.pipelineId, tx);
    if (!pipeline) throw new InvalidInputError([{ field: 'pipelineId', message: 'names no pipeline' }]);
    const stage = command.stage ? stageOf(pipeline, command.stage) : firstOpenStage(pipeline);
    if (!stage || stage.outcome !== 'open')
      throw new InvalidInputError([{ field: 'stage', message: `is not an open stage of ${pipeline.name}` }]);
    const now = this.clock.now().toISOString();
    const opportunity: Opportunity = {
      id: this.ids.next(),
      name: command.name,
      pipelineId: pipeline.id,
      stage: stage.key,
      probability: stage.probability,
      amount: command.amount ?? null,
      expectedCloseDate: command.expectedCloseDate ?? null,
      customerId: command.customerId ?? null,
      leadId: command.leadId ?? null,
      ownerId: command.ownerId,
      partnerId: command.partnerId,
      region: command.region ?? null,
      closeReason: null,
      closedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    await this.journal.opened(tx, opportunity, command.openedBy);
    return opportunity;
  }
}
