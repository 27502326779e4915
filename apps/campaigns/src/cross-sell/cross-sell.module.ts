import { Module } from '@nestjs/common';
import { ErasedCustomers } from '@crm/messaging';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CAMPAIGNS_SCHEMA } from '../campaigns.constants';
import { CrossSellEventsConsumer } from './cross-sell-events.consumer';
import { CrossSellRecompute } from './cross-sell-recompute';
import { CrossSellRecomputeLoop } from './cross-sell-recompute.loop';
import { CrossSellRuleRepository } from './cross-sell-rule.repository';
import { CrossSellController } from './cross-sell.controller';
import { NextBestOfferRepository } from './next-best-offer.repository';
import { NextBestOfferService } from './next-best-offer.service';

/** Cross-sell: association rules over the order and vehicle replicas and each customer's next best offer. */
@Module({
  imports: [CampaignsMessaging],
  controllers: [CrossSellController],
  providers: [
    CrossSellRuleRepository,
    NextBestOfferRepository,
    NextBestOfferService,
    CrossSellRecompute,
    CrossSellRecomputeLoop,
    { provide: ErasedCustomers, useValue: new ErasedCustomers(CAMPAIGNS_SCHEMA) },
    CrossSellEventsConsumer,
  ],
})
export class CrossSellModule {}
