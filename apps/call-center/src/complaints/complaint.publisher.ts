import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintRecorded, PayloadOf } from '@crm/contracts';
import { IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';

export type Complaint = Omit<PayloadOf<typeof ComplaintRecorded>, 'ticketId'>;

/** Announces a complaint with the ticket id the service app will open it under (ADR 0005). */
@Injectable()
export class ComplaintPublisher {
  constructor(
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly ids: IdGenerator,
  ) {}

  newTicketId(): string {
    return this.ids.next();
  }

  async publish(tx: EntityManager, ticketId: string, complaint: Complaint): Promise<void> {
    const event = this.events.create(ComplaintRecorded, complaint.interactionId, { ...complaint, ticketId });
    await this.outbox.add(tx, event);
  }
}
