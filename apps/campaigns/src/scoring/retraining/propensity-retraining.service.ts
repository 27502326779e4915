import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@crm/core';
import { CampaignObjective } from '../../campaign-objectives';
import { PropensityTrainingService } from '../training/propensity-training.service';
import { RetrainingRun, RetrainingSetting } from './retraining';
import { RetrainingRepository } from './retraining.repository';

const RECENT_RUNS = 10;

export interface RetrainingChange {
  enabled: boolean;
  everyHours: number;
  minNewResponses: number;
}

/** Each objective's retraining schedule, and the pass that retrains the objectives due (ADR 0046). */
@Injectable()
export class PropensityRetrainingService {
  constructor(
    private readonly settings: RetrainingRepository,
    private readonly training: PropensityTrainingService,
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
  ) {}

  set(objective: CampaignObjective, change: RetrainingChange, updatedBy: string): Promise<RetrainingSetting> {
    return this.settings.save(this.dataSource.manager, {
      objective,
      ...change,
      updatedBy,
      updatedAt: this.clock.now().toISOString(),
    });
  }

  async status(
    objective: CampaignObjective,
  ): Promise<{ setting: RetrainingSetting | null; runs: RetrainingRun[] }> {
    const db = this.dataSource.manager;
    return {
      setting: await this.settings.find(db, objective),
      runs: await this.settings.recentRuns(db, objective, RECENT_RUNS),
    };
  }

  /**
   * Claims the schedules due (each instance claims others' rows never: SKIP LOCKED, then marked looked at), then
   * retrains each outside that transaction; a retraining is recorded only when one ran.
   */
  async retrainDue(): Promise<RetrainingRun[]> {
    const due = await this.dataSource.transaction((tx) => this.settings.claimDue(tx, this.clock.now()));
    const runs: RetrainingRun[] = [];
    for (const setting of due) {
      const run = await this.training.retrain(setting.objective, setting.minNewResponses);
      if (!run) continue;
      await this.settings.recordRun(this.dataSource.manager, run);
      runs.push(run);
    }
    return runs;
  }
}
