import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CampaignObjective } from '../../campaign-objectives';
import { RetrainingRun, RetrainingSetting } from './retraining';

const SETTING = `objective, enabled, every_hours AS "everyHours", min_new_responses AS "minNewResponses",
  last_checked_at AS "lastCheckedAt", updated_by AS "updatedBy", updated_at AS "updatedAt"`;
const RUN = `objective, ran_at AS "ranAt", positives, previous_version AS "previousVersion",
  previous_auc AS "previousAuc", candidate_auc AS "candidateAuc", adopted_version AS "adoptedVersion"`;
const iso = (at: Date | string | null) => (at === null ? null : new Date(at).toISOString());

/** Owns the retraining schedules per objective and the record of each retraining (ADR 0046). */
@Injectable()
export class RetrainingRepository {
  async save(
    tx: EntityManager,
    setting: Omit<RetrainingSetting, 'lastCheckedAt'>,
  ): Promise<RetrainingSetting> {
    const [row] = await tx.query(
      `INSERT INTO campaigns.propensity_retraining
         (objective, enabled, every_hours, min_new_responses, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (objective) DO UPDATE SET enabled = EXCLUDED.enabled, every_hours = EXCLUDED.every_hours,
         min_new_responses = EXCLUDED.min_new_responses, updated_by = EXCLUDED.updated_by,
         updated_at = EXCLUDED.updated_at
       RETURNING ${SETTING}`,
      [
        setting.objective,
        setting.enabled,
        setting.everyHours,
        setting.minNewResponses,
        setting.updatedBy,
        setting.updatedAt,
      ],
    );
    return toSetting(row);
  }

  async find(tx: EntityManager, objective: CampaignObjective): Promise<RetrainingSetting | null> {
    const [row] = await tx.query(
      `SELECT ${SETTING} FROM campaigns.propensity_retraining WHERE objective = $1`,
      [objective],
    );
    return row ? toSetting(row) : null;
  }

  /** The enabled schedules whose last look is at least their interval old, locked against another instance. */
  async claimDue(tx: EntityManager, now: Date): Promise<RetrainingSetting[]> {
    // An UPDATE answers [rows, count].
    const [rows]: [RetrainingSetting[], number] = await tx.query(
      `UPDATE campaigns.propensity_retraining SET last_checked_at = $1
        WHERE objective IN (
          SELECT objective FROM campaigns.propensity_retraining
           WHERE enabled AND (last_checked_at IS NULL OR last_checked_at <= $1::timestamptz - make_interval(hours => every_hours))
           FOR UPDATE SKIP LOCKED)
       RETURNING ${SETTING}`,
      [now],
    );
    return rows.map(toSetting);
  }

  async recordRun(tx: EntityManager, run: RetrainingRun): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.propensity_retraining_run
         (objective, ran_at, positives, previous_version, previous_auc, candidate_auc, adopted_version)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        run.objective,
        run.ranAt,
        run.positives,
        run.previousVersion,
        run.previousAuc,
        run.candidateAuc,
        run.adoptedVersion,
      ],
    );
  }

  async recentRuns(tx: EntityManager, objective: CampaignObjective, limit: number): Promise<RetrainingRun[]> {
    const rows = await tx.query(
      `SELECT ${RUN} FROM campaigns.propensity_retraining_run WHERE objective = $1 ORDER BY id DESC LIMIT $2`,
      [objective, limit],
    );
    return rows.map((row: RetrainingRun) => ({ ...row, ranAt: iso(row.ranAt)! }));
  }
}

function toSetting(row: RetrainingSetting): RetrainingSetting {
  return { ...row, lastCheckedAt: iso(row.lastCheckedAt), updatedAt: iso(row.updatedAt)! };
}
