import { Module } from '@nestjs/common';
import { PLATFORM_CONFIG } from '@crm/platform';
import { WebhookTargetPolicy, WebhookTargetSettings, webhookProviders } from '@crm/webhooks';
import { IntegrationMessaging } from '../integration-messaging';
import { EventLogRetention } from './event-log-retention';
import { EventLogRepository } from './event-log.repository';
import { SubscriberHealth } from './subscriber-health';
import { SubscriptionDeliveryRepository } from './subscription-delivery.repository';
import { SubscriptionDeliveryService } from './subscription-delivery.service';
import { SubscriptionEventsConsumer } from './subscription-events.consumer';
import { SubscriptionFanout } from './subscription-fanout.service';
import { SubscriptionPartnerScopeRegistration } from './subscription-partner-scope.registration';
import { SubscriptionReplayService } from './subscription-replay.service';
import { SUBSCRIPTION_SETTINGS, SubscriptionSettings, subscriptionSettings } from './subscription-settings';
import { SubscriptionController } from './subscription.controller';
import { SubscriptionDispatcher } from './subscription.dispatcher';
import { SubscriptionRepository } from './subscription.repository';
import { SubscriptionService } from './subscription.service';

/**
 * Event subscriptions (outbound, ADR 0037): API clients and partners subscribe URLs to event types; every consumed
 * event is fanned out to the subscriptions that may see it and sent through the platform's one webhook machinery.
 */
@Module({
  imports: [IntegrationMessaging],
  controllers: [SubscriptionController],
  providers: [
    { provide: SUBSCRIPTION_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: subscriptionSettings },
    ...webhookProviders({
      inject: [SUBSCRIPTION_SETTINGS],
      useFactory: (settings: SubscriptionSettings): WebhookTargetSettings => settings.targets,
    }),
    SubscriptionRepository,
    SubscriptionDeliveryRepository,
    EventLogRepository,
    SubscriptionService,
    SubscriptionDeliveryService,
    SubscriptionReplayService,
    SubscriptionFanout,
    SubscriptionEventsConsumer,
    SubscriberHealth,
    SubscriptionDispatcher,
    EventLogRetention,
    SubscriptionPartnerScopeRegistration,
  ],
  // Workflow's call-subscriber posts under the same SSRF guard and settings as subscriptions.
  exports: [WebhookTargetPolicy],
})
export class SubscriptionsModule {}
