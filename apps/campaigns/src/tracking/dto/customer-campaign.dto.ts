import { ApiProperty } from '@nestjs/swagger';
import { ALL_CAMPAIGN_CHANNELS, CampaignChannel } from '@crm/contracts';
import { CustomerCampaign } from '../customer-campaigns.repository';

class CampaignReplyView {
  @ApiProperty({ type: String, nullable: true, example: 'interested', description: 'The call’s outcome' })
  outcome: string | null;
  @ApiProperty({ format: 'date-time', description: 'The latest answer' })
  at: string;
}

export class CustomerCampaignView implements CustomerCampaign {
  @ApiProperty({ format: 'uuid' })
  campaignId: string;
  @ApiProperty({ example: '春季保养关怀' })
  name: string;
  @ApiProperty({ enum: ALL_CAMPAIGN_CHANNELS })
  channel: CampaignChannel;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Null when the customer was held out or the message is not sent yet',
  })
  sentAt: string | null;
  @ApiProperty({
    type: CampaignReplyView,
    nullable: true,
    description: 'Their answer taken by the call center (an interaction tagged with the campaign)',
  })
  reply: CampaignReplyView | null;
}
