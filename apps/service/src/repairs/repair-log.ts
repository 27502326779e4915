import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RepairRecorded } from '@crm/contracts';
import { Clock, IdGenerator } from '@crm/core';
import { EventFactory, Outbox } from '@crm/messaging';
import { Station } from '../stations/station';
import { Ticket } from '../tickets/ticket';
import { RepairInput, RepairRecord } from './repair-record';
import { RepairRecordRepository } from './repair-record.repository';

/** Stores a repair and publishes it, so it joins the vehicle's repair history in every service. */
@Injectable()
export class RepairLog {
  constructor(
    private readonly repairs: RepairRecordRepository,
    private readonly outbox: Outbox,
    private readonly events: EventFactory,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async record(
    tx: EntityManager,
    ticket: Ticket,
    station: Station,
    input: RepairInput,
  ): Promise<RepairRecord> {
    const repair: RepairRecord = {
      repairId: this.ids.next(),
      ticketId: ticket.ticketId,
      ticketNumber: ticket.ticketNumber,
      customerId: ticket.customerId,
      vehicleId: ticket.vehicleId,
      vin: ticket.vin,
      stationId: station.stationId,
      stationName: station.name,
      qualityType: ticket.qualityType,
      severity: ticket.severity,
      workDone: input.workDone,
      parts: input.parts,
      cost: input.cost,
      technician: input.technician,
      repairedAt: this.clock.now().toISOString(),
    };
    await this.repairs.insert(tx, repair);
    await this.outbox.add(tx, this.events.create(RepairRecorded, repair.repairId, repair));
    return repair;
  }
}
