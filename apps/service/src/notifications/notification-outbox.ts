import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, IdGenerator } from '@crm/core';
import { afterCommit } from '@crm/messaging';
import { NotificationDispatcher } from './notification-dispatcher';
import { NewNotification, NotificationRepository } from './notification.repository';

export type NotificationDraft = Omit<NewNotification, 'notificationId' | 'createdAt'>;

/** Writes customer notifications in the transition's transaction; the dispatcher sends them after commit. */
@Injectable()
export class NotificationOutbox {
  constructor(
    private readonly notifications: NotificationRepository,
    private readonly dispatcher: NotificationDispatcher,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async add(tx: EntityManager, drafts: NotificationDraft[]): Promise<void> {
    const createdAt = this.clock.now();
    for (const draft of drafts)
      await this.notifications.insert(tx, { ...draft, notificationId: this.ids.next(), createdAt });
    if (drafts.some((draft) => !draft.skipReason)) afterCommit(tx, () => this.dispatcher.wake());
  }
}
