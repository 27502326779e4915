import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketAssignmentRequested } from '@crm/contracts';
import { DomainError } from '@crm/core';
import { EventSubscriber } from '@crm/messaging';
import { TicketRepository } from '../tickets/ticket.repository';
import { TicketRoutingService } from './ticket-routing.service';

export const REQUESTED_ASSIGNMENT_CONSUMER = 'workflow-ticket-assignments';

/**
 * Workflow rules' assign-ticket commands (ADR 0043), applied here because the service app owns tickets: the ticket
 * goes to the named station as a service manager's re-route sends it. What a re-route refuses (a finished ticket, the
 * station it is at, an inactive, full or unknown station) changes nothing and is logged; the stream goes on.
 */
@Injectable()
export class RequestedAssignmentConsumer implements OnModuleInit {
  private readonly logger = new Logger(RequestedAssignmentConsumer.name);

  constructor(
    private readonly subscriber: EventSubscriber,
    private readonly tickets: TicketRepository,
    private readonly routing: TicketRoutingService,
  ) {}

  onModuleInit(): void {
    this.subscriber.on(REQUESTED_ASSIGNMENT_CONSUMER, TicketAssignmentRequested, ({ payload }, tx) =>
      this.assign(tx, payload.ticketId, payload.stationId, payload.note),
    );
  }

  private async assign(tx: EntityManager, ticketId: string, stationId: string, note: string): Promise<void> {
    // A savepoint: a refusal half-way (the old slot freed, the new station full) must leave nothing behind.
    await tx
      .transaction(async (inner) => {
        const ticket = await this.tickets.findById(ticketId, inner, true);
        if (ticket) await this.routing.rerouteByHand(inner, ticket, stationId, `workflow: ${note}`);
      })
      .catch((error: unknown) => {
        if (!(error instanceof DomainError)) throw error;
        this.logger.warn(
          `workflow assignment of ticket ${ticketId} to ${stationId} skipped: ${error.message}`,
        );
      });
  }
}
