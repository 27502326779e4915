import { Injectable } from '@nestjs/common';
import { Clock, NotFoundError } from '@crm/core';
import { StationRepository } from '../stations/station.repository';
import { BoardFilter, BoardRepository, BoardTicket } from './board.repository';
import { slaViewOf } from './sla-clock-view';

const toRow = (now: Date) => (entry: BoardTicket) => ({
  ...entry.ticket,
  station: entry.station,
  customerName: entry.customerName,
  technician: entry.technician,
  sla: slaViewOf(entry.ticket, now),
});

/** What the service manager's board and map show, read at one instant so every SLA clock agrees. */
@Injectable()
export class BoardService {
  constructor(
    private readonly board: BoardRepository,
    private readonly stations: StationRepository,
    private readonly clock: Clock,
  ) {}

  async tickets(filter: BoardFilter) {
    const now = this.clock.now();
    const { items, total } = await this.board.tickets(filter, now);
    return {
      items: items.map(toRow(now)),
      total,
      limit: filter.limit,
      offset: filter.offset,
      asOf: now.toISOString(),
    };
  }

  /** One ticket's board row, its clocks read now. */
  async ticket(ticketId: string) {
    const now = this.clock.now();
    const entry = await this.board.ticket(ticketId);
    if (!entry) throw new NotFoundError('ticket', ticketId);
    return { ...toRow(now)(entry), asOf: now.toISOString() };
  }

  async escalations(region: string | undefined, page: { limit: number; offset: number }) {
    const now = this.clock.now();
    const { items, total } = await this.board.escalations(region, page, now);
    return {
      items: items.map(toRow(now)),
      total,
      limit: page.limit,
      offset: page.offset,
      asOf: now.toISOString(),
    };
  }

  async stationMap(filter: { region?: string; limit: number; offset: number }) {
    const now = this.clock.now();
    const stations = await this.stations.list(filter);
    const loads = await this.board.stationLoads(
      stations.map((s) => s.stationId),
      now,
    );
    const items = stations.map((station) => ({
      stationId: station.stationId,
      code: station.code,
      name: station.name,
      phone: station.phone,
      province: station.address.province,
      city: station.address.city,
      location: station.location,
      brands: station.brands,
      skills: station.skills,
      active: station.active,
      capacity: station.capacity,
      slotsTaken: station.openTickets,
      load: station.capacity > 0 ? station.openTickets / station.capacity : null,
      openTickets: loads.get(station.stationId)?.openTickets ?? 0,
      breachedTickets: loads.get(station.stationId)?.breachedTickets ?? 0,
    }));
    return { items, limit: filter.limit, offset: filter.offset, asOf: now.toISOString() };
  }
}
