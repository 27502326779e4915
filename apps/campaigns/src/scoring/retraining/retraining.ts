import { CampaignObjective } from '../../campaign-objectives';

/** An objective's retraining schedule: look every `everyHours`, retrain once `minNewResponses` new responders arrived. */
export interface RetrainingSetting {
  objective: CampaignObjective;
  enabled: boolean;
  everyHours: number;
  minNewResponses: number;
  lastCheckedAt: string | null;
  updatedBy: string;
  updatedAt: string;
}

/** One retraining: both AUCs on the same held-out rows, and the version adopted (null: the previous model kept). */
export interface RetrainingRun {
  objective: CampaignObjective;
  ranAt: string;
  positives: number;
  previousVersion: number | null;
  previousAuc: number | null;
  candidateAuc: number;
  adoptedVersion: number | null;
}
