import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@crm/core';
import { RecordedAttempt } from '@crm/messaging';
import { SendResult, WebhookDispatcher as SignedWebhookDispatcher, WebhookSender } from '@crm/webhooks';
import { deliveryOutcome, webhookDeliveries } from '../delivery/delivery-metrics';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { DueDelivery } from './webhook-delivery';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';

/** Sends due webhook deliveries to the stations, right after the routing commits. */
@Injectable()
export class WebhookDispatcher extends SignedWebhookDispatcher<DueDelivery> {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    sender: WebhookSender,
    dataSource: DataSource,
    clock: Clock,
    @Inject(SERVICE_SETTINGS) settings: ServiceSettings,
  ) {
    super({ dataSource, sender, attempts: deliveries.attempts }, clock, {
      name: WebhookDispatcher.name,
      background: settings.backgroundJobs,
      pollIntervalMs: settings.webhookPollIntervalMs,
    });
  }

  protected claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
    return this.deliveries.claimDue(now, leaseUntil, limit);
  }

  protected async afterAttempt(_tx: unknown, _item: DueDelivery, attempt: RecordedAttempt<SendResult>) {
    webhookDeliveries.inc({ outcome: deliveryOutcome(attempt) });
  }
}
