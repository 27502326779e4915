import { FactoryProvider, Provider } from '@nestjs/common';
import {
  HOST_RESOLVER,
  systemResolver,
  WEBHOOK_TARGET_SETTINGS,
  WebhookTargetPolicy,
} from './webhook-target-policy';
import { WebhookSender } from './webhook-sender';

/**
 * The SSRF guard and the signed sender, for an app's module: `settings` tells them (from the app's own
 * configuration) where its webhooks may point.
 */
export function webhookProviders(settings: Omit<FactoryProvider, 'provide'>): Provider[] {
  return [
    { ...settings, provide: WEBHOOK_TARGET_SETTINGS },
    { provide: HOST_RESOLVER, useValue: systemResolver },
    WebhookTargetPolicy,
    WebhookSender,
  ];
}
