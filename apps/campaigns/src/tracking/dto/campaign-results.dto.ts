import { ApiProperty } from '@nestjs/swagger';
import { ALL_CAMPAIGN_CHANNELS, CampaignChannel } from '@crm/contracts';

const rate = { type: Number, nullable: true, example: 0.12 } as const;

class TreatedRatesView {
  @ApiProperty({ ...rate, description: 'Over those sent' }) delivered: number | null;
  @ApiProperty(rate) bounced: number | null;
  @ApiProperty({ ...rate, description: 'Over those delivered' }) opened: number | null;
  @ApiProperty({ ...rate, description: 'Over those delivered' }) clicked: number | null;
  @ApiProperty(rate) replied: number | null;
  @ApiProperty(rate) unsubscribed: number | null;
  @ApiProperty(rate) converted: number | null;
}

class TreatedView {
  @ApiProperty({ enum: ['treated', 'holdout'] }) group: 'treated' | 'holdout';
  @ApiProperty({ description: 'Sent or tried (the treated group)', example: 900 }) size: number;
  @ApiProperty() delivered: number;
  @ApiProperty({ description: 'Failed for good with a permanent (5xx) SMTP reply' }) bounced: number;
  @ApiProperty() opened: number;
  @ApiProperty() clicked: number;
  @ApiProperty({ description: 'Answered through the call center' }) replied: number;
  @ApiProperty() unsubscribed: number;
  @ApiProperty({ description: 'Ordered or had a service visit within the attribution window' })
  converted: number;
  @ApiProperty({ description: 'order.placed amounts within the window (CNY)' }) orderAmount: number;
  @ApiProperty({ type: TreatedRatesView }) rates: TreatedRatesView;
}

class HoldoutView {
  @ApiProperty({ example: 100 }) size: number;
  @ApiProperty() converted: number;
  @ApiProperty(rate) conversionRate: number | null;
}

class IntervalView {
  @ApiProperty({ example: -0.0169 }) low: number;
  @ApiProperty({ example: 0.0969 }) high: number;
}

class LiftView {
  @ApiProperty(rate) treatedRate: number | null;
  @ApiProperty(rate) holdoutRate: number | null;
  @ApiProperty({ ...rate, description: 'Treated minus holdout conversion rate' }) absoluteLift: number | null;
  @ApiProperty({ type: IntervalView, nullable: true, description: '95 %, normal approximation' })
  confidenceInterval95: IntervalView | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why there is no interval' }) note: string | null;
}

class CostView {
  @ApiProperty({ example: 0.01 }) perMessage: number;
  @ApiProperty({ example: 9 }) total: number;
  @ApiProperty({ example: 250000 }) attributedRevenue: number;
  @ApiProperty({ type: Number, nullable: true, description: '(revenue - cost) / cost' }) roi: number | null;
}

class ProfileRowView {
  @ApiProperty({ enum: ['ageBand', 'province', 'model'] }) dimension: 'ageBand' | 'province' | 'model';
  @ApiProperty({ example: '30-39' }) value: string;
  @ApiProperty() responders: number;
  @ApiProperty() nonResponders: number;
}

export class CampaignResultsView {
  @ApiProperty({ format: 'uuid' }) campaignId: string;
  @ApiProperty({ enum: ALL_CAMPAIGN_CHANNELS }) channel: CampaignChannel;
  @ApiProperty({ example: 30 }) attributionDays: number;
  @ApiProperty({ type: TreatedView }) treated: TreatedView;
  @ApiProperty({ type: HoldoutView }) holdout: HoldoutView;
  @ApiProperty({ type: LiftView }) lift: LiftView;
  @ApiProperty({ type: CostView }) cost: CostView;
  @ApiProperty({ type: [ProfileRowView], description: 'Responders vs the rest of the treated group' })
  profile: ProfileRowView[];
}
