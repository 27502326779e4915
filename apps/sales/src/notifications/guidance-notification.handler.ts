import { Injectable, OnModuleInit } from '@nestjs/common';
import { GuidanceDomainEvents } from '../guidance/guidance-domain-events';
import { SalesNotifier } from './sales-notifier';

const RECORD_NAMES = { lead: 'lead', opportunity: 'opportunity', activity: 'activity' } as const;

/** Tells the owner about a manager's guidance, and the managers about the owner's reply. */
@Injectable()
export class GuidanceNotificationHandler implements OnModuleInit {
  constructor(
    private readonly guidance: GuidanceDomainEvents,
    private readonly notifier: SalesNotifier,
  ) {}

  onModuleInit(): void {
    this.guidance.on('commented', async ({ comment, audience }, tx) => {
      const author = comment.authorName ?? comment.authorId;
      const record = RECORD_NAMES[comment.recordType];
      for (const recipientId of audience)
        await this.notifier.notify(tx, {
          recipientId,
          kind: comment.kind === 'reply' ? 'guidance_reply' : 'guidance',
          title:
            comment.kind === 'reply'
              ? `${author} replied to your guidance on a ${record}`
              : `${author} left guidance on your ${record}`,
          body: comment.body,
          recordType: comment.recordType,
          recordId: comment.recordId,
        });
    });
  }
}
