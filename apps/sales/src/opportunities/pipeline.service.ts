import { Injectable } from '@nestjs/common';
import { ConflictError, IdGenerator, InvalidInputError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { LOST_STAGE, Pipeline, WON_STAGE } from './pipeline';
import { PipelineRepository } from './pipeline.repository';

export interface PipelineDefinition {
  name: string;
  stages: { key: string; name: string; probability: number }[];
}

/** Configures pipelines: the open stages in order with their probabilities; won (100) and lost (0) close every pipeline. */
@Injectable()
export class PipelineService {
  constructor(
    private readonly pipelines: PipelineRepository,
    private readonly uow: UnitOfWork,
    private readonly ids: IdGenerator,
  ) {}

  list(): Promise<Pipeline[]> {
    return this.pipelines.list();
  }

  create(definition: PipelineDefinition): Promise<Pipeline> {
    const keys = definition.stages.map((s) => s.key);
    if (new Set(keys).size !== keys.length)
      throw new InvalidInputError([{ field: 'stages', message: 'stage keys must be unique' }]);
    if (keys.includes(WON_STAGE) || keys.includes(LOST_STAGE))
      throw new InvalidInputError([{ field: 'stages', message: 'won and lost are added to every pipeline' }]);
    const pipeline: Pipeline = {
      id: this.ids.next(),
      name: definition.name,
      isDefault: false,
      stages: [
        ...definition.stages.map((s, position) => ({ ...s, position, outcome: 'open' as const })),
        { key: WON_STAGE, name: 'Won', position: keys.length, probability: 100, outcome: 'won' },
        { key: LOST_STAGE, name: 'Lost', position: keys.length + 1, probability: 0, outcome: 'lost' },
      ],
    };
    return this.uow.run(async (tx) => {
      if (await this.pipelines.nameTaken(tx, pipeline.name))
        throw new ConflictError(`a pipeline named ${pipeline.name} exists`);
      await this.pipelines.insert(tx, pipeline);
      return pipeline;
    });
  }
}
