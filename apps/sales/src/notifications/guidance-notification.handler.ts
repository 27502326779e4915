import { Injectable, OnModuleInit } from '@nestjs/common';
import { GuidanceDomainEvents } from '../guidance/guidance-domain-events';
import { SalesNotifier } from './sales-notifier';

/** Tells the owner about a manager's guidance, and the managers about the owner's reply. */
@Injectable()
export class GuidanceNotificationHandler implements OnModuleInit {
  constructor(
    private readonly guidance: GuidanceDomainEvents,
    private readonly notifier: SalesNotifier,
  ) {}

  onModuleInit(): void {
    this.guidance.on('commented', async ({ comment, record, audience }, tx) => {
      const author = comment.authorName ?? comment.authorId;
      const reply = comment.kind === 'reply';
      for (const recipientId of audience)
        await this.notifier.notify(tx, {
          recipientId,
          kind: reply ? 'guidance_reply' : 'guidance',
          title: reply
            ? `${author} replied to your guidance on a ${record.type}`
            : `${author} left guidance on your ${record.type}`,
          body: comment.body,
          recordType: record.type,
          recordId: record.id,
          partnerId: record.partnerId,
        });
    });
  }
}
