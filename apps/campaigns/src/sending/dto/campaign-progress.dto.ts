import { ApiProperty } from '@nestjs/swagger';
import { CampaignStatus, CampaignStatuses } from '../../campaigns/campaign';

export class SkippedCountsView {
  @ApiProperty({ example: 12, description: 'No consent on the channel (at the freeze or at the send)' })
  no_consent: number;

  @ApiProperty({ example: 3, description: 'No address on the channel' })
  no_address: number;

  @ApiProperty({ example: 0, description: 'Erased between the freeze and the send' })
  erased: number;

  @ApiProperty({
    example: 5,
    description:
      'Already had the most marketing messages on the channel its rolling window allows (frequency cap)',
  })
  frequency_cap: number;
}

export class CampaignProgressView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ enum: Object.values(CampaignStatuses) }) status: CampaignStatus;
  @ApiProperty({ example: 1200, description: 'Recipients frozen at the send time (0 before it)' })
  total: number;
  @ApiProperty({
    example: 400,
    description: 'Waiting or being sent (retries, and SMS waiting for the end of quiet hours, included)',
  })
  queued: number;
  @ApiProperty({ example: 780 }) sent: number;
  @ApiProperty({ example: 5, description: 'Given up after every retry' }) failed: number;
  @ApiProperty({ example: 120, description: 'In the holdout (control group): never sent' }) heldOut: number;
  @ApiProperty({ type: SkippedCountsView }) skipped: SkippedCountsView;
}
