import { Module } from '@nestjs/common';
import { HOST_RESOLVER, systemResolver, WebhookTargetPolicy } from './webhook-target-policy';

/** The SSRF guard, shared by webhook registration (stations) and the sender (webhooks). */
@Module({
  providers: [WebhookTargetPolicy, { provide: HOST_RESOLVER, useValue: systemResolver }],
  exports: [WebhookTargetPolicy],
})
export class WebhookTargetsModule {}
