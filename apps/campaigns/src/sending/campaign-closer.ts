import { Injectable } from '@nestjs/common';
import { CampaignSent } from '@crm/contracts';
import { Clock } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { CampaignRepository } from '../campaigns/campaign.repository';
import { CampaignRecipientRepository } from './campaign-recipient.repository';

const CAMPAIGNS_PER_PASS = 20;

/** A sending campaign none of whose recipients still waits is sent: marked so, with its counts in campaign.sent. */
@Injectable()
export class CampaignCloser {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly recipients: CampaignRecipientRepository,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  async closeFinished(): Promise<number> {
    const closed = await this.close();
    if (closed > 0) await this.recipients.refreshStatistics();
    return closed;
  }

  private close(): Promise<number> {
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      const finished = await this.campaigns.claimFinished(tx, CAMPAIGNS_PER_PASS);
      for (const campaign of finished) {
        const progress = await this.recipients.progress(tx, campaign.id);
        await this.campaigns.markSent(tx, campaign.id, now);
        await this.outbox.add(
          tx,
          this.events.create(CampaignSent, campaign.id, {
            campaignId: campaign.id,
            channel: campaign.channel,
            sentAt: now.toISOString(),
            recipients: { sent: progress.sent, failed: progress.failed, skipped: progress.skipped },
          }),
        );
      }
      return finished.length;
    });
  }
}
