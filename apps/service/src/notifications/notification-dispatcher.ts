import { Inject, Injectable } from '@nestjs/common';
import { performance } from 'node:perf_hooks';
import { Clock } from '@crm/core';
import { deliveryOutcome, notificationDeliveries } from '../delivery/delivery-metrics';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { EmailSender } from './email-sender';
import { DueNotification } from './notification';
import { NotificationRepository } from './notification.repository';
import {
  DeliveryDispatcher,
  describeSendError,
  RecordedAttempt,
  SEND_TIMEOUT_MS,
  SendOutcome,
  SmsGateway,
} from '@crm/messaging';

/** Sends due customer notifications by email or SMS, right after the transition that wrote them commits. */
@Injectable()
export class NotificationDispatcher extends DeliveryDispatcher<DueNotification, SendOutcome> {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly email: EmailSender,
    private readonly sms: SmsGateway,
    clock: Clock,
    @Inject(SERVICE_SETTINGS) settings: ServiceSettings,
  ) {
    super(clock, {
      name: NotificationDispatcher.name,
      background: settings.backgroundJobs,
      pollIntervalMs: settings.webhookPollIntervalMs,
      // An SMTP session can spend a send timeout on each of connect, greeting and a silent socket.
      sendTimeoutMs: 3 * SEND_TIMEOUT_MS,
    });
  }

  protected claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueNotification[]> {
    return this.notifications.claimDue(now, leaseUntil, limit);
  }

  protected async send(notification: DueNotification): Promise<SendOutcome> {
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    const channel = notification.channel === 'email' ? this.email : this.sms;
    try {
      await channel.send(notification);
      return { error: null, durationMs: elapsed() };
    } catch (error) {
      return { error: describeSendError(error), durationMs: elapsed() };
    }
  }

  protected async record(
    notification: DueNotification,
    attempt: RecordedAttempt<SendOutcome>,
  ): Promise<void> {
    await this.notifications.recordAttempt(notification.messageId, attempt);
    notificationDeliveries.inc({ channel: notification.channel, outcome: deliveryOutcome(attempt) });
  }
}
