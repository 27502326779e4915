import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  PayloadOf,
  RepairRecorded,
  TICKET_EVENTS,
  TicketSatisfactionRecorded,
  TicketSummary,
} from '@crm/contracts';
import { EventHandler, EventSubscriber, eventOrderOf } from '@crm/messaging';
import { READ_MODEL_CONSUMER } from '../call-center.constants';
import { Customer360Invalidator } from './customer-360.invalidator';
import { ErasedCustomerRepository } from './erased-customer.repository';
import { TicketReplicaRepository } from './ticket-replica.repository';

type TicketPayload = TicketSummary & { acceptedBy?: string };

/** Tickets and repair history, as the service app announces them. */
@Injectable()
export class ServiceEventsConsumer implements OnModuleInit {
  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly tickets: TicketReplicaRepository,
    private readonly invalidator: Customer360Invalidator,
    private readonly erased: ErasedCustomerRepository,
  ) {}

  onModuleInit(): void {
    for (const definition of TICKET_EVENTS) {
      this.subscriber.on(READ_MODEL_CONSUMER, definition, this.onTicketEvent as EventHandler);
    }
    this.subscriber.on(READ_MODEL_CONSUMER, RepairRecorded, async (event, tx) => {
      if (await this.erased.isErased(tx, event.payload.customerId)) return;
      await this.tickets.insertRepair(tx, event.payload);
      this.invalidator.afterCommit(tx, event.payload.customerId);
    });
  }

  private readonly onTicketEvent: EventHandler = async (event, tx) => {
    const ticket = event.payload as TicketPayload;
    if (await this.erased.isErased(tx, ticket.customerId)) return;
    await this.tickets.upsertTicket(tx, ticket, eventOrderOf(event), ticket.acceptedBy ?? null);
    if (event.type === TicketSatisfactionRecorded.type) {
      const rating = event.payload as PayloadOf<typeof TicketSatisfactionRecorded>;
      await this.tickets.recordSatisfaction(tx, rating, eventOrderOf(event));
    }
    this.invalidator.afterCommit(tx, ticket.customerId);
  };
}
