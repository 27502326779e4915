import { Inject, Injectable } from '@nestjs/common';
import { Clock, TrackingTokens } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { TrackingPermission } from '../customers/tracking-permission';
import { BrowsingProfileService } from '../profiles/browsing-profile.service';
import { VisitorRepository } from '../visitors/visitor.repository';
import { WEB_TRACKING_SETTINGS, WebTrackingSettings } from '../web-tracking-settings';
import { PageBeacon, PageViewBeacon } from './page-beacon';
import { PageViewRepository } from './page-view.repository';

/**
 * Applies one beacon in one transaction. A consenting visitor's views are kept; a visitor known to be a customer
 * who is erased or withdrawn in the customer master leaves nothing. A campaign link's click token (verified by
 * campaigns' own code, ADR 0044) tells who an anonymous visitor is.
 */
@Injectable()
export class PageViewCollector {
  private readonly campaignLinks: TrackingTokens | null;

  constructor(
    private readonly uow: UnitOfWork,
    private readonly visitors: VisitorRepository,
    private readonly pageViews: PageViewRepository,
    private readonly permission: TrackingPermission,
    private readonly profiles: BrowsingProfileService,
    private readonly clock: Clock,
    @Inject(WEB_TRACKING_SETTINGS) settings: WebTrackingSettings,
  ) {
    this.campaignLinks = settings.campaignLinkSecret ? new TrackingTokens(settings.campaignLinkSecret) : null;
  }

  /** Answers whether anything was stored. */
  async collect(beacon: PageBeacon): Promise<boolean> {
    const at = this.clock.now();
    return this.uow.run(async (tx) => {
      if (beacon.type === 'forget') {
        await this.pageViews.deleteVisitor(tx, beacon.visitorId);
        const customerId = await this.visitors.delete(tx, beacon.visitorId);
        if (customerId) await this.profiles.refresh(tx, customerId);
        return false;
      }
      // Someone a campaign link names, who may not be tracked, leaves nothing: not even an anonymous view.
      const fromCampaign = beacon.type === 'view' ? this.campaignCustomer(beacon) : null;
      if (fromCampaign && !(await this.permission.mayTrack(tx, fromCampaign))) return false;
      let { customerId } = await this.visitors.touch(tx, beacon.visitorId, at);
      if (fromCampaign && !customerId) {
        await this.visitors.link(tx, beacon.visitorId, fromCampaign, 'campaign');
        await this.pageViews.claimForCustomer(tx, beacon.visitorId, fromCampaign);
        customerId = fromCampaign;
      }
      if (customerId && !(await this.permission.mayTrack(tx, customerId))) return false;
      if (beacon.type === 'leave') {
        await this.pageViews.recordDwell(tx, beacon.visitorId, beacon.viewId, beacon.dwellMs);
        if (customerId) await this.profiles.refresh(tx, customerId);
        return true;
      }
      const inserted = await this.pageViews.insert(tx, {
        visitorId: beacon.visitorId,
        viewId: beacon.viewId,
        customerId,
        sequence: beacon.seq,
        path: beacon.path,
        category: beacon.category ?? null,
        model: beacon.model ?? null,
        viewedAt: at,
      });
      if (inserted && customerId) await this.profiles.refresh(tx, customerId);
      return inserted;
    });
  }

  private campaignCustomer(beacon: PageViewBeacon): string | null {
    if (!beacon.campaignToken || !this.campaignLinks) return null;
    return this.campaignLinks.verifyClick(beacon.campaignToken)?.customerId ?? null;
  }
}
