import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { FixedClock } from '@crm/core';
import { CustomerFeaturesRepository, FeatureRow } from '../features/customer-features.repository';
import { FEATURE_KEYS } from '../features/propensity-features';
import { PropensityModel } from '../model/propensity-model';
import { PropensityModelRepository } from '../model/propensity-model.repository';
import { isHeldOut } from './held-out-split';
import { PropensityTrainingService } from './propensity-training.service';

const uuid = (i: number) => {
  const h = createHash('md5').update(`retrain-${i}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
};
const WIDTH = FEATURE_KEYS.length;

/**
 * 300 customers whose first feature decides the label; on the training customers the label is the opposite when
 * `trainingInverted`, so a model trained on them ranks the held-out customers backwards.
 */
function examples(trainingInverted: boolean): FeatureRow[] {
  return Array.from({ length: 300 }, (_, i) => {
    const customerId = uuid(i);
    const x = ((i * 37) % 100) / 25 - 2;
    const truth = x > 0;
    const values = [x, ...Array<number>(WIDTH - 1).fill(0)];
    return { customerId, values, label: trainingInverted && !isHeldOut(customerId) ? !truth : truth };
  });
}

/** A stored model that reads only the first feature, with this sign. */
function previousModel(sign: 1 | -1, positives: number): PropensityModel {
  return {
    objective: 'retention',
    version: 4,
    features: [...FEATURE_KEYS],
    intercept: 0,
    weights: [sign, ...Array<number>(WIDTH - 1).fill(0)],
    means: Array<number>(WIDTH).fill(0),
    stds: Array<number>(WIDTH).fill(1),
    auc: 0.9,
    trainCount: 100,
    heldOutCount: 25,
    positives,
    negatives: 60,
    trainedBy: 'u-marketer',
    trainedAt: '2026-01-01T00:00:00.000Z',
  };
}

function service(rows: FeatureRow[], previous: PropensityModel | null) {
  const inserted: Omit<PropensityModel, 'version'>[] = [];
  const positives = rows.filter((row) => row.label).length;
  const features = {
    examples: async () => rows,
    labelCounts: async () => ({ positives, negatives: rows.length - positives }),
  } as unknown as CustomerFeaturesRepository;
  const models = {
    latest: async () => previous,
    insertNext: async (_: unknown, model: Omit<PropensityModel, 'version'>) => {
      inserted.push(model);
      return { ...model, version: (previous?.version ?? 0) + 1 };
    },
  } as unknown as PropensityModelRepository;
  const dataSource = { manager: {} } as DataSource;
  const training = new PropensityTrainingService(
    features,
    models,
    dataSource,
    new FixedClock(new Date('2026-06-01T00:00:00Z')),
  );
  return { training, inserted };
}

describe(PropensityTrainingService.name, () => {
  it('keeps the model in use when the candidate ranks the same held-out rows worse, recording both AUCs', async () => {
    const { training, inserted } = service(examples(true), previousModel(1, 10));
    const run = await training.retrain('retention', 5);
    expect(inserted).toEqual([]);
    expect(run).toMatchObject({
      objective: 'retention',
      previousVersion: 4,
      previousAuc: 1,
      adoptedVersion: null,
    });
    expect(run!.candidateAuc).toBeLessThan(0.5);
  });

  it('adopts a candidate that ranks the held-out rows better than the model in use', async () => {
    const { training, inserted } = service(examples(false), previousModel(-1, 10));
    const run = await training.retrain('retention', 5);
    expect(inserted).toHaveLength(1);
    expect(inserted[0].trainedBy).toBe('scheduled-retraining');
    expect(run).toMatchObject({ previousVersion: 4, previousAuc: 0, adoptedVersion: 5 });
    expect(run!.candidateAuc).toBeGreaterThan(0.9);
  });

  it('trains nothing until enough new responders arrived since the model in use', async () => {
    const rows = examples(false);
    const positives = rows.filter((row) => row.label).length;
    const { training, inserted } = service(rows, previousModel(1, positives - 4));
    expect(await training.retrain('retention', 5)).toBeNull();
    expect(inserted).toEqual([]);
  });

  it('adopts the first model of an objective without comparing', async () => {
    const { training, inserted } = service(examples(false), null);
    const run = await training.retrain('retention', 1_000);
    expect(inserted).toHaveLength(1);
    expect(run).toMatchObject({ previousVersion: null, previousAuc: null, adoptedVersion: 1 });
  });

  it('skips a retraining with too few responses instead of failing the schedule', async () => {
    const { training, inserted } = service(examples(false).slice(0, 30), null);
    expect(await training.retrain('retention', 1)).toBeNull();
    expect(inserted).toEqual([]);
  });
});
