import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { WakePollLoop } from '@crm/messaging';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { RecipientSettler } from '../tracking/recipient-settler';
import { CampaignSender } from './campaign.sender';
import { CampaignCloser } from './campaign-closer';
import { RecipientFreezer } from './recipient-freezer';

/**
 * The campaign lifecycle on a poll: freeze what is due (then wake the sender), close what is done, settle the
 * recipients whose attribution window closed.
 */
@Injectable()
export class CampaignLauncher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;

  constructor(
    private readonly freezer: RecipientFreezer,
    private readonly closer: CampaignCloser,
    private readonly settler: RecipientSettler,
    private readonly sender: CampaignSender,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {
    this.loop = new WakePollLoop({
      name: CampaignLauncher.name,
      pass: () => this.launchDue(),
      pollIntervalMs: settings.pollIntervalMs,
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.backgroundJobs) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** One pass; tests call it directly. */
  async launchDue(): Promise<void> {
    if ((await this.freezer.freezeDue()) > 0) this.sender.wake();
    await this.closer.closeFinished();
    await this.settler.settleClosed();
  }
}
