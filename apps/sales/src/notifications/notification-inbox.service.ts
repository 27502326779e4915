import { Injectable } from '@nestjs/common';
import { Principal } from '@crm/auth';
import { Clock, NotFoundError } from '@crm/core';
import { SalesNotification } from './sales-notification';
import { SalesNotificationRepository } from './sales-notification.repository';

export interface InboxPage {
  items: SalesNotification[];
  unread: number;
  limit: number;
  offset: number;
}

/** The caller's own inbox; someone else's notification is 404. */
@Injectable()
export class NotificationInboxService {
  constructor(
    private readonly notifications: SalesNotificationRepository,
    private readonly clock: Clock,
  ) {}

  async inbox(
    principal: Principal,
    page: { unreadOnly: boolean; limit: number; offset: number },
  ): Promise<InboxPage> {
    const [items, unread] = await Promise.all([
      this.notifications.inbox(principal.subject, page),
      this.notifications.unreadCount(principal.subject),
    ]);
    return { items, unread, limit: page.limit, offset: page.offset };
  }

  async markRead(principal: Principal, id: string): Promise<SalesNotification> {
    const notification = await this.notifications.markRead(principal.subject, id, this.clock.now());
    if (!notification) throw new NotFoundError('notification', id);
    return notification;
  }
}
