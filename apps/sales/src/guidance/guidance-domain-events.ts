import { Injectable } from '@nestjs/common';
import { DomainEvents } from '@crm/messaging';
import { GuidanceComment, GuidedRecord } from './guidance-comment';

export interface GuidanceDomainEventMap {
  /** A comment was posted; `audience` are the people it is for (the owner, or the guides an owner replied to). */
  commented: { comment: GuidanceComment; record: GuidedRecord; audience: string[] };
}

/** In-process events of guidance comments; side concerns (notifications) react to them in the same transaction. */
@Injectable()
export class GuidanceDomainEvents extends DomainEvents<GuidanceDomainEventMap> {}
