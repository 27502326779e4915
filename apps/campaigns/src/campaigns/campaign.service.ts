import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CampaignChannel, CampaignScheduled, EventEnvelope } from '@crm/contracts';
import { Clock, ConflictError, IdGenerator, InvalidInputError, NotFoundError } from '@crm/core';
import { EventFactory, Outbox, UnitOfWork } from '@crm/messaging';
import { CampaignObjective, DEFAULT_OBJECTIVE } from '../campaign-objectives';
import { PropensityScoringService } from '../scoring/propensity-scoring.service';
import { CampaignTargeting, parseTargeting } from '../scoring/targeting/campaign-targeting';
import { SegmentService } from '../segments/segment.service';
import { parseCampaignSchedule } from '../triggers/campaign-schedule';
import {
  assertCancellable,
  assertEditable,
  Campaign,
  CampaignStatus,
  CampaignStatuses,
  DEFAULT_ATTRIBUTION_DAYS,
} from './campaign';
import { CampaignRepository } from './campaign.repository';
import { parseTemplateFor } from './channel-template';

export interface NewCampaign {
  name: string;
  channel: CampaignChannel;
  objective?: CampaignObjective;
  segmentId: string;
  template: unknown;
  /** A cut by propensity score at freeze time; absent or null: the whole segment. */
  targeting?: unknown;
  /** A cron or a trigger to repeat on; absent for a one-off campaign. */
  schedule?: unknown;
  holdoutPercent?: number;
  attributionDays?: number;
  createdBy: string;
}

export type CampaignChanges = Partial<
  Pick<
    NewCampaign,
    | 'name'
    | 'objective'
    | 'segmentId'
    | 'template'
    | 'targeting'
    | 'schedule'
    | 'holdoutPercent'
    | 'attributionDays'
  >
>;

/** A scheduled time may lag the request a little (clock skew), not more. */
const PAST_TOLERANCE_MS = 60_000;

/** Campaign drafts, changed until they are scheduled; the send itself is the sending concept's. */
@Injectable()
export class CampaignService {
  constructor(
    private readonly campaigns: CampaignRepository,
    private readonly segments: SegmentService,
    private readonly scoring: PropensityScoringService,
    private readonly uow: UnitOfWork,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(input: NewCampaign): Promise<Campaign> {
    const template = parseTemplateFor(input.channel, input.template);
    const schedule = input.schedule === undefined ? null : parseCampaignSchedule(input.schedule);
    const objective = input.objective ?? DEFAULT_OBJECTIVE;
    const targeting = targetingOf(input.targeting, objective);
    await this.assertSegmentExists(input.segmentId);
    const now = this.clock.now().toISOString();
    const campaign: Campaign = {
      id: this.ids.next(),
      name: input.name,
      channel: input.channel,
      objective,
      segmentId: input.segmentId,
      template,
      targeting,
      sendAt: null,
      schedule,
      status: CampaignStatuses.draft,
      holdoutPercent: input.holdoutPercent ?? 0,
      attributionDays: input.attributionDays ?? DEFAULT_ATTRIBUTION_DAYS,
      createdBy: input.createdBy,
      createdAt: now,
      updatedAt: now,
      sentAt: null,
    };
    await this.uow.run((tx) => this.campaigns.insert(tx, campaign));
    return campaign;
  }

  async get(id: string): Promise<Campaign> {
    return this.uow.run((tx) => this.found(tx, id));
  }

  list(limit: number, offset: number, status?: CampaignStatus): Promise<Campaign[]> {
    return this.uow.run((tx) => this.campaigns.list(tx, limit, offset, status));
  }

  async update(id: string, changes: CampaignChanges): Promise<Campaign> {
    const schedule =
      changes.schedule === undefined || changes.schedule === null
        ? changes.schedule
        : parseCampaignSchedule(changes.schedule);
    if (changes.segmentId) await this.assertSegmentExists(changes.segmentId);
    return this.change(id, (campaign) => {
      assertEditable(campaign);
      const objective = changes.objective ?? campaign.objective;
      return {
        ...campaign,
        name: changes.name ?? campaign.name,
        objective,
        targeting:
          changes.targeting === undefined ? campaign.targeting : targetingOf(changes.targeting, objective),
        segmentId: changes.segmentId ?? campaign.segmentId,
        template:
          changes.template === undefined
            ? campaign.template
            : parseTemplateFor(campaign.channel, changes.template),
        schedule: schedule === undefined ? campaign.schedule : schedule,
        holdoutPercent: changes.holdoutPercent ?? campaign.holdoutPercent,
        attributionDays: changes.attributionDays ?? campaign.attributionDays,
      };
    });
  }

  /**
   * Sends at `sendAt`, or at once without one; its segment is frozen into recipients then, not now. A campaign with a
   * schedule is active from then on, each occurrence frozen as it comes.
   */
  async schedule(id: string, sendAt: string | undefined, scheduledBy: string): Promise<Campaign> {
    const now = this.clock.now();
    await this.assertTargetable(id);
    if (sendAt && new Date(sendAt).getTime() < now.getTime() - PAST_TOLERANCE_MS)
      throw new InvalidInputError([{ field: 'sendAt', message: 'must not be in the past' }]);
    return this.change(
      id,
      (campaign) => {
        assertEditable(campaign);
        return {
          ...campaign,
          status: CampaignStatuses.scheduled,
          sendAt: new Date(sendAt ?? now).toISOString(),
        };
      },
      (campaign) =>
        this.events.create(CampaignScheduled, campaign.id, {
          campaignId: campaign.id,
          name: campaign.name,
          channel: campaign.channel,
          segmentId: campaign.segmentId,
          sendAt: campaign.sendAt as string,
          scheduledBy,
        }),
    );
  }

  cancel(id: string): Promise<Campaign> {
    return this.change(id, (campaign) => {
      assertCancellable(campaign);
      return { ...campaign, status: CampaignStatuses.cancelled };
    });
  }

  /** Every change: lock, check, save, and its event in the same transaction. */
  private change(
    id: string,
    apply: (campaign: Campaign) => Campaign,
    event?: (campaign: Campaign) => EventEnvelope,
  ): Promise<Campaign> {
    return this.uow.run(async (tx) => {
      const changed = { ...apply(await this.found(tx, id, true)), updatedAt: this.clock.now().toISOString() };
      await this.campaigns.update(tx, changed);
      if (event) await this.outbox.add(tx, event(changed));
      return changed;
    });
  }

  private async found(tx: EntityManager, id: string, lock = false): Promise<Campaign> {
    const campaign = await this.campaigns.find(tx, id, lock);
    if (!campaign) throw new NotFoundError('Campaign', id);
    return campaign;
  }

  /** A campaign cut by score needs its objective's model before it is scheduled, not when it is frozen. */
  private async assertTargetable(id: string): Promise<void> {
    const { targeting } = await this.get(id);
    if (!targeting) return;
    try {
      await this.scoring.model(targeting.objective);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new ConflictError(
        `The campaign is targeted by the ${targeting.objective} model, which is not trained yet; train it first`,
      );
    }
  }

  private async assertSegmentExists(segmentId: string): Promise<void> {
    try {
      await this.segments.get(segmentId);
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      throw new InvalidInputError([{ field: 'segmentId', message: `no segment ${segmentId}` }]);
    }
  }
}

const targetingOf = (value: unknown, objective: CampaignObjective): CampaignTargeting | null =>
  value === undefined || value === null ? null : parseTargeting(value, objective);
