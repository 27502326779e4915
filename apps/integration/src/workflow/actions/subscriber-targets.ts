import { Injectable } from '@nestjs/common';
import { LookupAddress } from 'node:dns';
import { hostOf, pinnedPost, WebhookTargetPolicy } from '@crm/webhooks';
import { SEND_TIMEOUT_MS } from '@crm/messaging';

export { WebhookTargetRefused as SubscriberRefused } from '@crm/webhooks';

/**
 * Where call-subscriber may post: the SSRF guard of station webhooks (https, public addresses, never the platform),
 * checked when a rule is saved and again, after DNS, for the address each POST is pinned to.
 */
@Injectable()
export class SubscriberTargets {
  constructor(private readonly policy: WebhookTargetPolicy) {}

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
