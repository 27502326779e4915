import { Module } from '@nestjs/common';
import { Clock } from '@crm/core';
import { CampaignsMessaging } from '../campaigns-messaging';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { CampaignModule } from '../campaigns/campaign.module';
import { ScoringModule } from '../scoring/scoring.module';
import { SegmentsModule } from '../segments/segments.module';
import { RecipientSettlementModule } from '../tracking/recipient-settlement.module';
import { TrackingLinksModule } from '../tracking/tracking-links.module';
import { CampaignChannels, PacedChannel } from './campaign-channels';
import { CampaignChannelSender } from './campaign-message';
import { CampaignCloser } from './campaign-closer';
import { CampaignLauncher } from './campaign-launcher';
import { CampaignProgressController } from './campaign-progress.controller';
import { CampaignProgressService } from './campaign-progress.service';
import { CampaignRecipientRepository } from './campaign-recipient.repository';
import { CampaignSender } from './campaign.sender';
import { EmailCampaignSender } from './email-campaign.sender';
import { FrequencyCapRepository } from './frequency-cap.repository';
import { RecipientFreezer } from './recipient-freezer';
import { SendPacer } from './send-pacer';
import { SmsCampaignSender } from './sms-campaign.sender';
import { SmsReplyController } from './sms-reply.controller';
import { SmsReplyService } from './sms-reply.service';
import { UnsubscribeController } from './unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe.service';
import { UnsubscribeTokens } from './unsubscribe-token';
import { UnsubscriptionRepository } from './unsubscription.repository';

/**
 * The channels configured: email to the SMTP server named, or into the mail folder, or none; SMS to the
 * gateway named, or discarded, or none.
 */
export function campaignChannels(settings: CampaignsSettings, clock: Clock): CampaignChannels {
  const email = settings.smtpUrl
    ? EmailCampaignSender.overSmtp(settings.smtpUrl, settings.smtpConnections, settings.mailFrom)
    : settings.mailFolder
      ? EmailCampaignSender.intoFolder(settings.mailFolder, settings.mailFrom)
      : null;
  const sms = settings.smsGatewayUrl
    ? SmsCampaignSender.overHttp(settings.smsGatewayUrl, settings.smsGatewayKey)
    : settings.discardSms
      ? SmsCampaignSender.discarding()
      : null;
  const paced = (sender: CampaignChannelSender, ratePerSecond: number): PacedChannel => ({
    sender,
    pacer: new SendPacer(ratePerSecond, clock),
    ratePerSecond,
  });
  return new CampaignChannels([
    ...(email ? [paced(email, settings.emailRatePerSecond)] : []),
    ...(sms ? [paced(sms, settings.smsRatePerSecond)] : []),
  ]);
}

/** Sending: freezing each campaign's recipients at its time, sending each once, its progress and the opt-outs. */
@Module({
  imports: [
    CampaignsMessaging,
    CampaignModule,
    SegmentsModule,
    ScoringModule,
    TrackingLinksModule,
    RecipientSettlementModule,
  ],
  controllers: [CampaignProgressController, UnsubscribeController, SmsReplyController],
  providers: [
    {
      provide: CampaignChannels,
      inject: [CAMPAIGNS_SETTINGS, Clock],
      useFactory: campaignChannels,
    },
    {
      provide: UnsubscribeTokens,
      inject: [CAMPAIGNS_SETTINGS],
      useFactory: (settings: CampaignsSettings) => new UnsubscribeTokens(settings.unsubscribeSecret),
    },
    CampaignRecipientRepository,
    UnsubscriptionRepository,
    FrequencyCapRepository,
    UnsubscribeService,
    SmsReplyService,
    CampaignProgressService,
    RecipientFreezer,
    CampaignCloser,
    CampaignSender,
    CampaignLauncher,
  ],
  exports: [CampaignLauncher, CampaignSender, CampaignRecipientRepository, RecipientFreezer],
})
export class SendingModule {}
