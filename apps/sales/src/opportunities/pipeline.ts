export type StageOutcome = 'open' | 'won' | 'lost';

export interface PipelineStage {
  key: string;
  name: string;
  position: number;
  probability: number;
  outcome: StageOutcome;
}

export interface Pipeline {
  id: string;
  name: string;
  isDefault: boolean;
  stages: PipelineStage[];
}

export const WON_STAGE = 'won';
export const LOST_STAGE = 'lost';

export function stageOf(pipeline: Pipeline, key: string): PipelineStage | undefined {
  return pipeline.stages.find((stage) => stage.key === key);
}

export function firstOpenStage(pipeline: Pipeline): PipelineStage {
  const stage = pipeline.stages.find((s) => s.outcome === 'open');
  if (!stage) throw new Error(`pipeline ${pipeline.id} has no open stage`);
  return stage;
}
