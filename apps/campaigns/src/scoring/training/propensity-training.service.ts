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
import { RetrainingRun } from '../retraining/retraining';
import { splitHeldOut } from './held-out-split';

/** Fewer responders (or non-responders) than this and a model would learn noise; training is refused. */
export const MIN_PER_CLASS = 20;

/** Who trained a model that the schedule retrained. */
export const RETRAINING_ACTOR = 'scheduled-retraining';

type LabelledRow = FeatureRow & { label: boolean };
type Candidate = Omit<PropensityModel, 'version'>;

/** Trains an objective's model from its past sends, on demand or by its schedule (ADR 0033, 0046). */
@Injectable()
export class PropensityTrainingService {
  constructor(
    private readonly features: CustomerFeaturesRepository,
    private readonly models: PropensityModelRepository,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  /** On demand: stored as the next version whatever its AUC. */
  async train(objective: CampaignObjective, trainedBy: string): Promise<PropensityModel> {
    const { candidate } = await this.fit(objective, trainedBy);
    return this.models.insertNext(this.dataSource.manager, candidate);
  }

  /**
   * By the schedule: once `minNewResponses` responders arrived since the model in use was trained, a candidate is
   * trained and adopted unless its AUC is below the current model's on the same held-out rows. Null when too few
   * new responders arrived or too few responses exist to train at all.
   */
  async retrain(objective: CampaignObjective, minNewResponses: number): Promise<RetrainingRun | null> {
    const db = this.dataSource.manager;
    const previous = await this.models.latest(db, objective);
    const { positives } = await this.features.labelCounts(db, objective);
    if (previous && positives - previous.positives < minNewResponses) return null;
    const fitted = await this.fit(objective, RETRAINING_ACTOR).catch((error: unknown) => {
      if (error instanceof ConflictError) return null;
      throw error;
    });
    if (!fitted) return null;
    const { candidate, heldOut } = fitted;
    const comparable = previous && previous.features.join() === FEATURE_KEYS.join();
    const previousAuc = comparable ? heldOutAuc(previous, heldOut) : null;
    const adopted =
      previousAuc === null || candidate.auc >= previousAuc
        ? await this.models.insertNext(db, candidate)
        : null;
    return {
      objective,
      ranAt: candidate.trainedAt,
      positives: candidate.positives,
      previousVersion: previous?.version ?? null,
      previousAuc,
      candidateAuc: candidate.auc,
      adoptedVersion: adopted?.version ?? null,
    };
  }

  private async fit(
    objective: CampaignObjective,
    trainedBy: string,
  ): Promise<{ candidate: Candidate; heldOut: LabelledRow[] }> {
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
    const candidate = {
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
    };
    return { candidate, heldOut };
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
