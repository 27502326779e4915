import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { SalesNotificationRaised } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { NotificationDraft, SalesNotification } from './sales-notification';
import { SalesNotificationRepository } from './sales-notification.repository';

/** Puts a notification in its recipient's inbox and announces it for the console, in the caller's transaction. */
@Injectable()
export class SalesNotifier {
  constructor(
    private readonly notifications: SalesNotificationRepository,
    private readonly events: EventFactory,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async notify(tx: EntityManager, draft: NotificationDraft): Promise<SalesNotification> {
    const notification: SalesNotification = {
      ...draft,
      id: this.ids.next(),
      createdAt: this.clock.now().toISOString(),
      readAt: null,
    };
    await this.notifications.insert(tx, notification);
    await this.outbox.add(
      tx,
      this.events.create(SalesNotificationRaised, notification.id, {
        notificationId: notification.id,
        recipientId: notification.recipientId,
        kind: notification.kind,
        title: notification.title,
        body: notification.body,
        recordType: notification.recordType,
        recordId: notification.recordId,
        partnerId: notification.partnerId,
        raisedAt: notification.createdAt,
      }),
    );
    return notification;
  }
}
