import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';
import { CAMPAIGN_OBJECTIVES, CampaignObjective } from '../../campaign-objectives';

export class RetrainingSettingDto {
  @ApiProperty({ example: true, description: 'Off: the objective is trained only on demand' })
  @IsBoolean()
  enabled: boolean;

  @ApiProperty({ example: 24, minimum: 1, maximum: 8760, description: 'How often to look for new responses' })
  @IsInt()
  @Min(1)
  @Max(8760)
  everyHours: number;

  @ApiProperty({
    example: 50,
    minimum: 1,
    maximum: 1_000_000,
    description: 'Retrain once this many more responders than the model in use was trained on have arrived',
  })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minNewResponses: number;
}

export class RetrainingSettingView extends RetrainingSettingDto {
  @ApiProperty({ enum: CAMPAIGN_OBJECTIVES }) objective: CampaignObjective;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) lastCheckedAt: string | null;
  @ApiProperty({ example: 'u-marketer-1' }) updatedBy: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

export class RetrainingRunView {
  @ApiProperty({ enum: CAMPAIGN_OBJECTIVES }) objective: CampaignObjective;
  @ApiProperty({ format: 'date-time' }) ranAt: string;
  @ApiProperty({ example: 640, description: 'Responders among the training rows' }) positives: number;
  @ApiProperty({ example: 3, nullable: true, type: Number }) previousVersion: number | null;
  @ApiProperty({
    example: 0.74,
    nullable: true,
    type: Number,
    description:
      "The previous model's AUC on the candidate's held-out rows; null when there was none to compare",
  })
  previousAuc: number | null;
  @ApiProperty({ example: 0.77 }) candidateAuc: number;
  @ApiProperty({
    example: 4,
    nullable: true,
    type: Number,
    description: 'The version stored; null when the candidate scored worse and the previous model was kept',
  })
  adoptedVersion: number | null;
}

export class RetrainingStatusView {
  @ApiProperty({ type: RetrainingSettingView, nullable: true }) setting: RetrainingSettingView | null;
  @ApiProperty({ type: [RetrainingRunView], description: 'The latest retrainings first (10)' })
  runs: RetrainingRunView[];
}
