import { Injectable } from '@nestjs/common';
import { CampaignChannel, CampaignRecipientSettled } from '@crm/contracts';
import { Clock } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { RecipientSettlementRepository, SettledRecipient } from './recipient-settlement.repository';

const RECIPIENTS_PER_PASS = 1000;

/**
 * When a recipient's attribution window closes, what they did is final: they are marked settled and one
 * campaign.recipient-settled goes into the outbox in the same transaction, so each (campaign, step, customer) is
 * published exactly once and a rerun finds nothing left to settle.
 */
@Injectable()
export class RecipientSettler {
  constructor(
    private readonly settlements: RecipientSettlementRepository,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
  ) {}

  /** Settles every closed window, a bounded batch per transaction; returns how many. */
  async settleClosed(): Promise<number> {
    let total = 0;
    for (let settled = await this.settleBatch(); settled > 0; settled = await this.settleBatch())
      total += settled;
    return total;
  }

  private settleBatch(): Promise<number> {
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      let settled = 0;
      for (const keys of await this.settlements.claimClosed(tx, now, RECIPIENTS_PER_PASS)) {
        const recipients = await this.settlements.measure(tx, keys);
        await this.outbox.addMany(
          tx,
          recipients.map((recipient) => this.settledEvent(keys.campaignId, keys.channel, recipient, now)),
        );
        settled += recipients.length;
      }
      return settled;
    });
  }

  private settledEvent(campaignId: string, channel: CampaignChannel, recipient: SettledRecipient, now: Date) {
    return this.events.create(CampaignRecipientSettled, campaignId, {
      ...recipient,
      campaignId,
      channel,
      windowClosedAt: recipient.windowClosedAt.toISOString(),
      settledAt: now.toISOString(),
    });
  }
}
