import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@crm/core';
import { DeliveryDispatcher, DispatcherOptions, RecordedAttempt, StartedAttempt } from '@crm/messaging';
import { WebhookAttemptLog } from './webhook-attempt-log';
import { DueWebhook, SendResult, WebhookSender } from './webhook-sender';

export interface WebhookDispatcherParts {
  dataSource: DataSource;
  sender: WebhookSender;
  attempts: WebhookAttemptLog;
}

/**
 * The one machinery every webhook goes out through (station webhooks, event subscriptions): claimed with a lease,
 * each attempt written before the signed POST and completed after it, retried with the shared backoff. An app says
 * only which rows are due, and what else an attempt's outcome changes in the same transaction.
 */
export abstract class WebhookDispatcher<T extends DueWebhook> extends DeliveryDispatcher<T, SendResult> {
  protected constructor(
    private readonly parts: WebhookDispatcherParts,
    clock: Clock,
    options: DispatcherOptions,
  ) {
    super(clock, options);
  }

  /** What the outcome changes besides the delivery row, in its transaction (metrics, the subscriber's health). */
  protected abstract afterAttempt(
    tx: EntityManager,
    item: T,
    attempt: RecordedAttempt<SendResult>,
  ): Promise<void>;

  protected override beginAttempt(item: T, started: StartedAttempt): Promise<void> {
    return this.parts.attempts.begin(item.deliveryId, started);
  }

  protected send(item: T, at: Date): Promise<SendResult> {
    return this.parts.sender.send(item, at);
  }

  protected async record(item: T, attempt: RecordedAttempt<SendResult>): Promise<void> {
    await this.parts.dataSource.transaction(async (tx) => {
      await this.parts.attempts.record(tx, item.deliveryId, attempt);
      await this.afterAttempt(tx, item, attempt);
    });
  }
}
