import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CampaignObjective } from '../../campaign-objectives';
import { PropensityModel } from './propensity-model';

const COLUMNS = `objective, version, features, intercept, weights, means, stds, auc, train_count AS "trainCount",
  held_out_count AS "heldOutCount", positives, negatives, trained_by AS "trainedBy", trained_at AS "trainedAt"`;

/** Owns `propensity_model`: every model trained, versioned per objective; the highest version is the one in use. */
@Injectable()
export class PropensityModelRepository {
  /** Stores the model as the objective's next version (two trainings at once: the second fails on the key). */
  async insertNext(tx: EntityManager, model: Omit<PropensityModel, 'version'>): Promise<PropensityModel> {
    const [row] = await tx.query(
      `INSERT INTO campaigns.propensity_model (objective, version, features, intercept, weights, means, stds, auc,
         train_count, held_out_count, positives, negatives, trained_by, trained_at)
       SELECT $1, COALESCE(max(version), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13
         FROM campaigns.propensity_model WHERE objective = $1
       RETURNING ${COLUMNS}`,
      [
        model.objective,
        model.features,
        model.intercept,
        model.weights,
        model.means,
        model.stds,
        model.auc,
        model.trainCount,
        model.heldOutCount,
        model.positives,
        model.negatives,
        model.trainedBy,
        model.trainedAt,
      ],
    );
    return toModel(row);
  }

  async latest(tx: EntityManager, objective: CampaignObjective): Promise<PropensityModel | null> {
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM campaigns.propensity_model WHERE objective = $1 ORDER BY version DESC LIMIT 1`,
      [objective],
    );
    return row ? toModel(row) : null;
  }
}

function toModel(row: PropensityModel & { trainedAt: Date | string }): PropensityModel {
  return { ...row, trainedAt: new Date(row.trainedAt).toISOString() };
}
