import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { Campaign, FIRST_STEP } from '../campaigns/campaign';
import { CampaignRepository } from '../campaigns/campaign.repository';
import { SegmentSql } from '../segments/segment-sql';
import { RecipientTargeting } from '../scoring/targeting/recipient-targeting';
import { SegmentService } from '../segments/segment.service';
import { CampaignRecipientRepository } from './campaign-recipient.repository';

const CAMPAIGNS_PER_PASS = 5;

/** At its send time, a campaign's segment becomes a fixed list of recipients: later changes to it do not count. */
@Injectable()
export class RecipientFreezer {
  private readonly logger = new Logger(RecipientFreezer.name);

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly recipients: CampaignRecipientRepository,
    private readonly segments: SegmentService,
    private readonly targeting: RecipientTargeting,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /** Freezes the campaigns due now, each in one transaction with its move to sending; resolves how many. */
  async freezeDue(): Promise<number> {
    const due = await this.uow.run((tx) => this.campaigns.listDue(tx, this.clock.now(), CAMPAIGNS_PER_PASS));
    let frozen = 0;
    for (const campaign of due) if (await this.freeze(campaign)) frozen++;
    return frozen;
  }

  /**
   * The segment's members (its rule, or its static list, as SQL) are worked out before the transaction (its
   * service uses a connection of its own, and the embedded database has one); the campaign is then claimed again
   * inside it, so of two replicas only one freezes it.
   */
  private async freeze(campaign: Campaign): Promise<boolean> {
    const members = await this.segments.selection(campaign.segmentId);
    return this.uow.run(async (tx) => {
      const now = this.clock.now();
      if (!(await this.campaigns.claimIfDue(tx, campaign.id, now))) return false;
      const count = await this.freezeStep(tx, campaign, FIRST_STEP, members, now);
      await this.campaigns.markSending(tx, campaign.id, now);
      this.logger.log(`campaign ${campaign.id}: ${count} recipients frozen`);
      return true;
    });
  }

  /**
   * Freezes one step of a campaign to the members given (a segment, or a segment and a trigger's condition), cut to
   * the campaign's targeting by propensity score when it has one.
   */
  async freezeStep(
    tx: EntityManager,
    campaign: Campaign,
    step: number,
    members: SegmentSql,
    now: Date,
  ): Promise<number> {
    return this.recipients.freeze(
      tx,
      { campaignId: campaign.id, step, channel: campaign.channel, holdoutPercent: campaign.holdoutPercent },
      await this.targeting.narrow(tx, campaign.targeting, members),
      now,
    );
  }
}
