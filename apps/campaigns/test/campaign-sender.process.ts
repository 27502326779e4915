// A campaign sender alone in a process of its own, so a test can kill it with SIGKILL mid-batch: the real sender
// loop, repository and pooled SMTP sender, on the database and SMTP server named in its environment.
import { DataSource } from 'typeorm';
import { SystemClock } from '@crm/core';
import { DEFAULT_CAMPAIGNS_SETTINGS } from '../src/campaigns-settings';
import { campaignChannels } from '../src/sending/sending.module';
import { CampaignRecipientRepository } from '../src/sending/campaign-recipient.repository';
import { CampaignSender } from '../src/sending/campaign.sender';
import { FrequencyCapRepository } from '../src/sending/frequency-cap.repository';
import { UnsubscribeTokens } from '../src/sending/unsubscribe-token';
import { MessageTracking } from '../src/tracking/message-tracking';
import { TrackingTokens } from '@crm/core';

async function main(): Promise<void> {
  const env = (name: string) => process.env[name] ?? '';
  const settings = {
    ...DEFAULT_CAMPAIGNS_SETTINGS,
    pollIntervalMs: 100,
    smtpUrl: env('CAMPAIGNS_SMTP_URL'),
    emailRatePerSecond: Number(env('CAMPAIGNS_EMAIL_RATE_PER_SECOND')),
    unsubscribeSecret: env('CAMPAIGNS_UNSUBSCRIBE_SECRET'),
  };
  const dataSource = await new DataSource({
    type: 'postgres',
    url: env('DATABASE_URL'),
    extra: { max: 10 },
  }).initialize();
  const clock = new SystemClock();
  const sender = new CampaignSender(
    new CampaignRecipientRepository(dataSource),
    campaignChannels(settings, clock),
    new UnsubscribeTokens(settings.unsubscribeSecret),
    new FrequencyCapRepository(dataSource),
    new MessageTracking(new TrackingTokens(settings.unsubscribeSecret), settings),
    clock,
    settings,
  );
  sender.onApplicationBootstrap();
  process.send?.({ ready: true });
  process.on('disconnect', () => {
    void sender.onApplicationShutdown().then(() => dataSource.destroy());
  });
}

void main();
