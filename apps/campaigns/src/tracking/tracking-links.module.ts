import { Module } from '@nestjs/common';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { MessageTracking } from './message-tracking';
import { TrackingTokens } from '@crm/core';

/** The signed tracking links: made by the sender at render time, checked by the tracking routes. */
@Module({
  providers: [
    {
      provide: TrackingTokens,
      inject: [CAMPAIGNS_SETTINGS],
      useFactory: (settings: CampaignsSettings) => new TrackingTokens(settings.unsubscribeSecret),
    },
    MessageTracking,
  ],
  exports: [TrackingTokens, MessageTracking],
})
export class TrackingLinksModule {}
