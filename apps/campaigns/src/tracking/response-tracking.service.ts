import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { CampaignResponseRepository } from './campaign-response.repository';
import { ResponseKinds } from './campaign-response';
import { TrackingTokens } from '@crm/core';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { withSiteLinkToken } from './site-link';
import { templateLinks } from './template-links';

export interface CallCenterResponse {
  campaignId: string;
  customerId: string;
  outcome: string | null;
  at: Date;
}

/**
 * Records what recipients did: the open pixel, tracked clicks, and call-center answers. A forged, altered or unknown
 * token is one and the same 404, and a click only ever leads to a link of the campaign's own template.
 */
@Injectable()
export class ResponseTrackingService {
  constructor(
    private readonly tokens: TrackingTokens,
    private readonly responses: CampaignResponseRepository,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {}

  async opened(token: string): Promise<void> {
    const claim = this.tokens.verifyOpen(token);
    await this.uow.run(async (tx) => {
      if (!claim || !(await this.responses.wasSentTo(tx, claim.campaignId, claim.customerId)))
        throw new NotFoundError('Tracking link', 'given');
      await this.responses.record(tx, {
        ...claim,
        kind: ResponseKinds.opened,
        at: this.clock.now(),
        detail: null,
      });
    });
  }

  /** Resolves the URL to redirect to: the template's link the token was signed for (carrying it on to our site). */
  async clicked(token: string): Promise<string> {
    const claim = this.tokens.verifyClick(token);
    return this.uow.run(async (tx) => {
      const campaign = claim && (await this.responses.findCampaign(tx, claim.campaignId));
      const url = campaign && templateLinks(campaign.template)[claim.linkIndex];
      if (!url || !(await this.responses.wasSentTo(tx, claim.campaignId, claim.customerId)))
        throw new NotFoundError('Tracking link', 'given');
      await this.responses.record(tx, {
        ...claim,
        kind: ResponseKinds.clicked,
        at: this.clock.now(),
        detail: url,
      });
      return withSiteLinkToken(url, token, this.settings.siteOrigins);
    });
  }

  /** An agent's interaction tagged with a campaign; ignored unless the customer was frozen into that campaign. */
  async replied(response: CallCenterResponse, tx: EntityManager): Promise<void> {
    if (!(await this.responses.wasFrozenFor(tx, response.campaignId, response.customerId))) return;
    await this.responses.record(tx, { ...response, kind: ResponseKinds.replied, detail: response.outcome });
  }
}
