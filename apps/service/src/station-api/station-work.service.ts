import { Injectable } from '@nestjs/common';
import { TicketAppointmentProposed, TicketProgressUpdated, TicketResolved } from '@crm/contracts';
import { RepairLog } from '../repairs/repair-log';
import { RepairInput } from '../repairs/repair-record';
import { StationRepository } from '../stations/station.repository';
import { Ticket } from '../tickets/ticket';
import { TicketEvents } from '../tickets/ticket-events';
import { TicketJournal } from '../tickets/ticket-journal';
import { assertCanStep } from '../tickets/ticket-lifecycle';
import { TicketTransaction } from '../tickets/ticket-transaction';

/** The station's work on an accepted ticket: an appointment, progress notes, and the repair that resolves it. */
@Injectable()
export class StationWorkService {
  constructor(
    private readonly transaction: TicketTransaction,
    private readonly journal: TicketJournal,
    private readonly events: TicketEvents,
    private readonly repairs: RepairLog,
    private readonly stations: StationRepository,
  ) {}

  proposeAppointment(ticketId: string, stationId: string | null, at: string): Promise<Ticket> {
    return this.transaction.runAsStation(ticketId, stationId, async (tx, ticket) => {
      assertCanStep(ticket.status, 'propose');
      const appointmentAt = new Date(at).toISOString();
      const updated: Ticket = { ...ticket, appointmentAt };
      const event = this.events.of(TicketAppointmentProposed, updated, { appointmentAt });
      return this.journal.record(tx, updated, { step: 'appointment-proposed', note: appointmentAt }, event);
    });
  }

  updateProgress(ticketId: string, stationId: string | null, note: string): Promise<Ticket> {
    return this.transaction.runAsStation(ticketId, stationId, async (tx, ticket) => {
      assertCanStep(ticket.status, 'progress');
      const updated: Ticket = { ...ticket, status: 'in_progress' };
      const event = this.events.of(TicketProgressUpdated, updated, { note });
      return this.journal.record(tx, updated, { step: 'progress', note }, event);
    });
  }

  resolve(ticketId: string, stationId: string | null, input: RepairInput): Promise<Ticket> {
    return this.transaction.runAsStation(ticketId, stationId, async (tx, ticket) => {
      assertCanStep(ticket.status, 'resolve');
      const station = await this.stations.findById(ticket.stationId as string, tx);
      if (!station) throw new Error(`ticket ${ticketId} is assigned to an unknown station`);
      const repair = await this.repairs.record(tx, ticket, station, input);
      await this.stations.releaseSlot(tx, station.stationId);
      const resolved: Ticket = { ...ticket, status: 'resolved', resolvedAt: repair.repairedAt };
      const event = this.events.of(TicketResolved, resolved, { repairId: repair.repairId });
      return this.journal.record(tx, resolved, { step: 'resolved', note: input.workDone }, event);
    });
  }
}
