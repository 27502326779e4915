import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock, ConflictError } from '@crm/core';
import { CampaignObjective } from '../../campaign-objectives';
import { CustomerFeaturesRepository, FeatureRow } from '../features/customer-features.repository';
import { FEATURE_KEYS } from '../features/propensity-features';
import { areaUnderCurve } from '../model/auc';
import { fitLogistic } from '../model/logistic-trainer';
import { probabilityOf, PropensityModel } from '../model/propensity-model';
import { PropensityModelRepository } from '../model/propensity-model.repository';
import { fitStandardisation, standardise, Standardisation } from '../model/standardisation';
import { splitHeldOut } from './held-out-split';

/** Fewer responders (or non-responders) than this and a model would learn noise; training is refused. */
export const MIN_PER_CLASS = 20;

type LabelledRow = FeatureRow & { label: boolean };

/** Trains an objective's model on demand from its past sends and stores it as the next version (ADR 0033). */
@Injectable()
export class PropensityTrainingService {
  constructor(
    private readonly features: CustomerFeaturesRepository,
    private readonly models: PropensityModelRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  async train(objective: CampaignObjective, trainedBy: string): Promise<PropensityModel> {
    const rows = (await this.features.examples(this.dataSource.manager, objective)) as LabelledRow[];
    const { train, heldOut } = splitHeldOut(rows);
    assertEnough(objective, rows, heldOut);
    const standardisation = fitStandardisation(
      train.map((row) => row.values),
      FEATURE_KEYS.length,
    );
    const fitted = fitLogistic(
      train.map((row) => standardise(row.values, standardisation)),
      train.map((row) => row.label),
    );
    return this.models.insertNext(this.dataSource.manager, {
      objective,
      features: FEATURE_KEYS,
      ...fitted,
      ...standardisation,
      auc: heldOutAuc({ ...fitted, ...standardisation }, heldOut),
      trainCount: train.length,
      heldOutCount: heldOut.length,
      positives: rows.filter((row) => row.label).length,
      negatives: rows.filter((row) => !row.label).length,
      trainedBy,
      trainedAt: this.clock.now().toISOString(),
    });
  }
}

function heldOutAuc(
  model: Standardisation & { intercept: number; weights: number[] },
  heldOut: LabelledRow[],
): number {
  return areaUnderCurve(
    heldOut.map((row) => ({ probability: probabilityOf(model, row.values), positive: row.label })),
  );
}

/** Enough of each class to learn from, and both classes among the held-out rows to measure on. */
function assertEnough(objective: CampaignObjective, rows: LabelledRow[], heldOut: LabelledRow[]): void {
  const positives = rows.filter((row) => row.label).length;
  const negatives = rows.length - positives;
  const heldOutPositives = heldOut.filter((row) => row.label).length;
  const measurable = heldOutPositives > 0 && heldOutPositives < heldOut.length;
  if (positives >= MIN_PER_CLASS && negatives >= MIN_PER_CLASS && measurable) return;
  throw new ConflictError(
    `Too few past responses to train a ${objective} model: ${positives} responded and ${negatives} did not ` +
      `(at least ${MIN_PER_CLASS} of each needed, both among the held-out customers)`,
    {
      objective,
      positives,
      negatives,
      heldOutPositives,
      heldOutCount: heldOut.length,
      required: MIN_PER_CLASS,
    },
  );
}
