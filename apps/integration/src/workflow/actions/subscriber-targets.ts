import { Inject, Injectable } from '@nestjs/common';
import { LookupAddress } from 'node:dns';
import { hostOf, pinnedPost, systemResolver, WebhookTargetPolicy } from '@crm/webhooks';
import { SEND_TIMEOUT_MS } from '@crm/messaging';
import { WORKFLOW_SETTINGS, WorkflowSettings } from '../workflow-settings';

export { WebhookTargetRefused as SubscriberRefused } from '@crm/webhooks';

/**
 * Where call-subscriber may post: the SSRF guard of station webhooks (https, public addresses, never the platform),
 * checked when a rule is saved and again, after DNS, for the address each POST is pinned to.
 */
@Injectable()
export class SubscriberTargets {
  private readonly policy: WebhookTargetPolicy;

  constructor(@Inject(WORKFLOW_SETTINGS) settings: WorkflowSettings) {
    this.policy = new WebhookTargetPolicy(
      {
        allowHttp: settings.subscriberAllowHttp,
        allowPrivateTargets: settings.subscriberAllowPrivateTargets,
        deniedHosts: settings.subscriberDeniedHosts,
      },
      systemResolver,
    );
  }

  check(url: string): Promise<LookupAddress> {
    return this.policy.check(url);
  }

  /** Posts JSON to the URL's checked address; resolves with the HTTP status. */
  async post(rawUrl: string, headers: Record<string, string>, body: string): Promise<number> {
    const url = this.policy.checkUrl(rawUrl);
    const address = await this.policy.pick(hostOf(url));
    return pinnedPost({
      url,
      address,
      headers: { 'content-type': 'application/json', ...headers },
      body,
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  }
}
