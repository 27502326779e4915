import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@crm/core';
import { SERVICE_SETTINGS, ServiceSettings } from '../service-settings';
import { nextAttemptAt, WEBHOOK_TIMEOUT_MS } from './webhook-backoff';
import { DueDelivery } from './webhook-delivery';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookSender } from './webhook-sender';

const BATCH = 20;
/** Longer than a send can take, so a claimed delivery is retried only if its sender died. */
const LEASE_MS = WEBHOOK_TIMEOUT_MS * 6;

/**
 * Sends due webhook deliveries: woken right after a routing commits, with a poll as the safety net
 * (retries that come due, a crash between commit and send), like the event outbox relay.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private timer?: NodeJS.Timeout;
  private running = false;
  private pass: Promise<void> = Promise.resolve();
  private again = false;
  private busy = false;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly sender: WebhookSender,
    private readonly clock: Clock,
    @Inject(SERVICE_SETTINGS) private readonly settings: ServiceSettings,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.settings.backgroundJobs) return;
    this.running = true;
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.running = false;
    clearTimeout(this.timer);
    await this.pass;
  }

  wake(): void {
    if (!this.running) return;
    if (this.busy) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.busy = true;
    this.pass = this.loop().finally(() => {
      this.busy = false;
      if (this.running) this.timer = setTimeout(() => this.wake(), this.settings.webhookPollIntervalMs);
    });
  }

  /** Sends everything due now; resolves with how many deliveries were attempted. */
  async dispatchDue(): Promise<number> {
    let total = 0;
    for (;;) {
      const now = this.clock.now();
      const due = await this.deliveries.claimDue(now, new Date(now.getTime() + LEASE_MS), BATCH);
      await Promise.all(due.map((delivery) => this.attempt(delivery)));
      total += due.length;
      if (due.length < BATCH) return total;
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      await this.dispatchDue().catch((error) => this.logger.warn(`webhook dispatch will retry: ${error}`));
    } while (this.again && this.running);
  }

  private async attempt(delivery: DueDelivery): Promise<void> {
    const at = this.clock.now();
    const result = await this.sender.send(delivery, at);
    const attempt = delivery.attempts + 1;
    const delivered = result.error === null;
    await this.deliveries.recordAttempt(delivery.deliveryId, {
      ...result,
      attempt,
      at: at.toISOString(),
      delivered,
      nextAttemptAt: delivered ? null : nextAttemptAt(this.clock.now(), attempt),
    });
  }
}
