import { Injectable } from '@nestjs/common';
import { ConflictError, IdGenerator, InvalidInputError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import {
  defaultForecastCategory,
  ForecastCategory,
  LOST_STAGE,
  Pipeline,
  PipelineStage,
  WON_STAGE,
} from './pipeline';
import { PipelineRepository } from './pipeline.repository';

export interface PipelineDefinition {
  name: string;
  stages: { key: string; name: string; probability: number; forecastCategory?: ForecastCategory }[];
}

function closingStage(
  key: string,
  name: string,
  position: number,
  probability: number,
  outcome: 'won' | 'lost',
): PipelineStage {
  return {
    key,
    name,
    position,
    probability,
    outcome,
    forecastCategory: defaultForecastCategory(outcome, probability),
  };
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
        ...definition.stages.map((s, position) => ({
          ...s,
          position,
          outcome: 'open' as const,
          forecastCategory: s.forecastCategory ?? defaultForecastCategory('open', s.probability),
        })),
        closingStage(WON_STAGE, 'Won', keys.length, 100, 'won'),
        closingStage(LOST_STAGE, 'Lost', keys.length + 1, 0, 'lost'),
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
