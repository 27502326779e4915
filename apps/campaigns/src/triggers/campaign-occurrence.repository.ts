import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RecipientSkipReason } from '@crm/contracts';
import { FIRST_STEP } from '../campaigns/campaign';
import { CampaignProgress, progressFrom } from '../sending/campaign-progress';

export interface OccurrenceRun {
  occurrence: string;
  step: number;
  frozenAt: string;
  recipients: CampaignProgress;
}

/** Owns `campaign_occurrence`: one row per run of a repeating campaign, naming the step it froze. */
@Injectable()
export class CampaignOccurrenceRepository {
  /**
   * Records the run with the campaign's next step, or resolves null when the occurrence already ran (or is running
   * in a transaction not yet committed, which this insert then waits for).
   */
  async start(tx: EntityManager, campaignId: string, occurrence: string, at: Date): Promise<number | null> {
    const [row] = await tx.query(
      `INSERT INTO campaigns.campaign_occurrence (campaign_id, occurrence, step, frozen_at)
       SELECT $1, $2, COALESCE(max(step), ${FIRST_STEP}) + 1, $3 FROM campaigns.campaign_occurrence
        WHERE campaign_id = $1
       ON CONFLICT DO NOTHING RETURNING step`,
      [campaignId, occurrence, at],
    );
    return row ? row.step : null;
  }

  /** The campaign's runs, latest first, each with where its recipients stand. */
  async list(tx: EntityManager, campaignId: string, limit: number, offset: number): Promise<OccurrenceRun[]> {
    const runs: { occurrence: string; step: number; frozenAt: Date }[] = await tx.query(
      `SELECT occurrence, step, frozen_at AS "frozenAt" FROM campaigns.campaign_occurrence
        WHERE campaign_id = $1 ORDER BY step DESC LIMIT $2 OFFSET $3`,
      [campaignId, limit, offset],
    );
    const counts: { step: number; status: string; reason: RecipientSkipReason | null; count: number }[] =
      await tx.query(
        `SELECT step, status, skip_reason AS reason, count(*)::int AS count FROM campaigns.campaign_recipient
          WHERE campaign_id = $1 AND step = ANY($2::smallint[]) GROUP BY step, status, skip_reason`,
        [campaignId, runs.map((run) => run.step)],
      );
    return runs.map((run) => ({
      occurrence: run.occurrence,
      step: run.step,
      frozenAt: new Date(run.frozenAt).toISOString(),
      recipients: progressFrom(counts.filter((count) => count.step === run.step)),
    }));
  }
}
