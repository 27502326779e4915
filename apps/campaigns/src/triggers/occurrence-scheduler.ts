import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@crm/core';
import { UnitOfWork, WakePollLoop } from '@crm/messaging';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { Campaign } from '../campaigns/campaign';
import { CampaignRepository } from '../campaigns/campaign.repository';
import { SegmentService } from '../segments/segment.service';
import { CampaignSender } from '../sending/campaign.sender';
import { RecipientFreezer } from '../sending/recipient-freezer';
import { CampaignOccurrenceRepository } from './campaign-occurrence.repository';
import { CampaignSchedule } from './campaign-schedule';
import { dueOccurrence, Occurrence } from './occurrence';
import { occurrenceAudience } from './trigger-audience';

type RepeatingCampaign = Campaign & { schedule: CampaignSchedule };

/**
 * Runs recurring and triggered campaigns: each occurrence due is frozen into recipients under a step of its own,
 * once, whatever the number of passes or instances (the campaign row is claimed with SKIP LOCKED, the occurrence
 * row is unique); the campaign sender then sends them like any other.
 */
@Injectable()
export class OccurrenceScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OccurrenceScheduler.name);
  private readonly loop: WakePollLoop;

  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly occurrences: CampaignOccurrenceRepository,
    private readonly segments: SegmentService,
    private readonly freezer: RecipientFreezer,
    private readonly sender: CampaignSender,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {
    this.loop = new WakePollLoop({
      name: OccurrenceScheduler.name,
      pass: () => this.runDue(),
      pollIntervalMs: settings.pollIntervalMs,
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.backgroundJobs) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass over the active repeating campaigns; resolves the occurrences it froze. Tests call it directly. */
  async runDue(): Promise<number> {
    const now = this.clock.now();
    const active = await this.uow.run((tx) => this.campaigns.listActiveRepeating(tx, now));
    let ran = 0;
    for (const campaign of active as RepeatingCampaign[]) {
      const occurrence = dueOccurrence(campaign.schedule, now, new Date(campaign.sendAt as string));
      if (occurrence && (await this.run(campaign, occurrence, now))) ran++;
    }
    if (ran > 0) this.sender.wake();
    return ran;
  }

  private run(campaign: RepeatingCampaign, occurrence: Occurrence, now: Date): Promise<boolean> {
    return this.uow.run(async (tx) => {
      if (!(await this.campaigns.claimIfDue(tx, campaign.id, now))) return false;
      const step = await this.occurrences.start(tx, campaign.id, occurrence.key, now);
      if (step === null) return false;
      const members = await this.segments.selection(campaign.segmentId, tx);
      const audience = occurrenceAudience(campaign.id, campaign.schedule, occurrence, members, now);
      const count = await this.freezer.freezeStep(tx, campaign, step, audience, now);
      this.logger.log(
        `campaign ${campaign.id} ${occurrence.key}: ${count} recipients frozen as step ${step}`,
      );
      return true;
    });
  }
}
