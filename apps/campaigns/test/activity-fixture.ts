import { randomUUID } from 'node:crypto';
import {
  ALL_QUALITY_TYPES,
  OrderPlaced,
  PayloadOf,
  RepairRecorded,
  TicketSatisfactionRecorded,
  TicketSummary,
} from '@crm/contracts';

/** An order as sales publishes it: one line per model, in CNY. */
export function orderPlaced(
  customerId: string | null,
  models: string[],
  placedAt: string,
  orderId: string = randomUUID(),
): PayloadOf<typeof OrderPlaced> {
  const items = models.map((modelName) => ({
    trimId: randomUUID(),
    trimName: `${modelName} Pro`,
    modelId: randomUUID(),
    modelName,
    quantity: 1,
    unitPrice: 200_000,
    discount: 0,
    lineTotal: 200_000,
  }));
  return {
    orderId,
    number: `SO-${orderId.slice(0, 8)}`,
    opportunityId: randomUUID(),
    quoteId: null,
    customerId,
    dealerId: null,
    ownerId: 'u-rep',
    items,
    total: { amount: 200_000 * models.length, currency: 'CNY' },
    placedAt,
  };
}

function ticketSummary(customerId: string): TicketSummary {
  const ticketId = randomUUID();
  return {
    ticketId,
    ticketNumber: `T-${ticketId.slice(0, 8)}`,
    customerId,
    vehicleId: null,
    vin: null,
    sellingDealerId: null,
    qualityType: ALL_QUALITY_TYPES[0],
    severity: 'low',
    status: 'closed',
    description: 'Brake noise',
    channel: 'phone',
    stationId: null,
    location: null,
    openedAt: '2024-01-01T00:00:00.000Z',
  };
}

/** A repair done for a customer: a service visit at `repairedAt`. */
export function repairRecorded(customerId: string, repairedAt: string): PayloadOf<typeof RepairRecorded> {
  const ticket = ticketSummary(customerId);
  return {
    repairId: randomUUID(),
    ticketId: ticket.ticketId,
    ticketNumber: ticket.ticketNumber,
    customerId,
    vehicleId: null,
    vin: null,
    stationId: randomUUID(),
    stationName: '上海浦东服务站',
    qualityType: ticket.qualityType,
    severity: 'low',
    workDone: 'Replaced brake pads',
    parts: [],
    cost: { amount: 800, currency: 'CNY' },
    technician: '刘师傅',
    repairedAt,
  };
}

/** A customer's rating of a ticket; the rating's time is its event's occurredAt. */
export function satisfactionRecorded(
  customerId: string,
  score: number,
): PayloadOf<typeof TicketSatisfactionRecorded> {
  return { ...ticketSummary(customerId), score, comment: null };
}

/** A moment `months` months and `days` days before now. */
export function monthsAgo(months: number, days = 0): string {
  const at = new Date();
  at.setUTCMonth(at.getUTCMonth() - months);
  at.setUTCDate(at.getUTCDate() - days);
  return at.toISOString();
}
