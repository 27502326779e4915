import { Inject, Injectable } from '@nestjs/common';
import { Clock } from '@crm/core';
import { deliveryOutcome, webhookDeliveries } from '../delivery/delivery-metrics';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { DueDelivery } from './webhook-delivery';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { SendResult, WebhookSender } from './webhook-sender';
import { DeliveryDispatcher, RecordedAttempt, StartedAttempt } from '@crm/messaging';

/** Sends due webhook deliveries to the stations, right after the routing commits. */
@Injectable()
export class WebhookDispatcher extends DeliveryDispatcher<DueDelivery, SendResult> {
  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly sender: WebhookSender,
    clock: Clock,
    @Inject(SERVICE_SETTINGS) settings: ServiceSettings,
  ) {
    super(clock, {
      name: WebhookDispatcher.name,
      background: settings.backgroundJobs,
      pollIntervalMs: settings.webhookPollIntervalMs,
    });
  }

  protected claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
    return this.deliveries.claimDue(now, leaseUntil, limit);
  }

  protected override beginAttempt(delivery: DueDelivery, started: StartedAttempt): Promise<void> {
    return this.deliveries.beginAttempt(delivery.deliveryId, started);
  }

  protected send(delivery: DueDelivery, at: Date): Promise<SendResult> {
    return this.sender.send(delivery, at);
  }

  protected async record(delivery: DueDelivery, attempt: RecordedAttempt<SendResult>): Promise<void> {
    await this.deliveries.recordAttempt(delivery.deliveryId, attempt);
    webhookDeliveries.inc({ outcome: deliveryOutcome(attempt) });
  }
}
