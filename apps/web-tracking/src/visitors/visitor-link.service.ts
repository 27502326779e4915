import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '@crm/messaging';
import { PageViewRepository } from '../collect/page-view.repository';
import { TrackingPermission } from '../customers/tracking-permission';
import { BrowsingProfileService } from '../profiles/browsing-profile.service';
import { VisitorRepository } from './visitor.repository';

/** "Visitor V is customer C", from the site's server after a login. */
@Injectable()
export class VisitorLinkService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly visitors: VisitorRepository,
    private readonly pageViews: PageViewRepository,
    private readonly permission: TrackingPermission,
    private readonly profiles: BrowsingProfileService,
  ) {}

  /**
   * Only a visitor who consented (and so is known) is linked. A customer withdrawn or erased in the customer master
   * is never linked, and the visitor's anonymous views go too: they are now known to be that person's.
   * The answer is the same either way, so the site learns nothing of the customer's consent.
   */
  async link(visitorId: string, customerId: string): Promise<void> {
    await this.uow.run(async (tx) => {
      if (!(await this.permission.mayTrack(tx, customerId))) {
        await this.pageViews.deleteVisitor(tx, visitorId);
        await this.visitors.delete(tx, visitorId);
        return;
      }
      if (!(await this.visitors.link(tx, visitorId, customerId, 'login'))) return;
      await this.pageViews.claimForCustomer(tx, visitorId, customerId);
      await this.profiles.refresh(tx, customerId);
    });
  }
}
