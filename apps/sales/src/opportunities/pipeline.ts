export type StageOutcome = 'open' | 'won' | 'lost';

/** Where a stage's opportunities count in the forecast: won ones are closed, lost ones omitted. */
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];
/** The categories an open stage may be given; closed and omitted belong to won and lost. */
export const OPEN_FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit'] as const;

export interface PipelineStage {
  key: string;
  name: string;
  position: number;
  probability: number;
  outcome: StageOutcome;
  forecastCategory: ForecastCategory;
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

/** A stage's category unless configured: commit from 80 %, best case from 40 %, pipeline below. */
export function defaultForecastCategory(outcome: StageOutcome, probability: number): ForecastCategory {
  if (outcome === 'won') return 'closed';
  if (outcome === 'lost') return 'omitted';
  if (probability >= 80) return 'commit';
  return probability >= 40 ? 'best_case' : 'pipeline';
}
