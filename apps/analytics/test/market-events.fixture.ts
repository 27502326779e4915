import { randomUUID } from 'node:crypto';
import {
  ALL_QUALITY_TYPES,
  ComplaintRecorded,
  EventEnvelope,
  InteractionRecorded,
  OrderPlaced,
  RepairRecorded,
} from '@crm/contracts';
import { stampedEvent } from '@crm/testing';

export interface OrderLine {
  model: string;
  quantity: number;
  lineTotal: number;
}

/** An order as sales publishes it; `occurredAt` defaults to the placing time. */
export function orderEvent(
  order: {
    ownerId: string;
    dealerId: string | null;
    placedAt: string;
    lines: OrderLine[];
    currency?: string;
  },
  orderId: string = randomUUID(),
  occurredAt = order.placedAt,
): EventEnvelope {
  const items = order.lines.map((line) => ({
    trimId: randomUUID(),
    trimName: 'Standard',
    modelId: randomUUID(),
    modelName: line.model,
    quantity: line.quantity,
    unitPrice: line.lineTotal / line.quantity,
    discount: 0,
    lineTotal: line.lineTotal,
  }));
  const total = order.lines.reduce((sum, line) => sum + line.lineTotal, 0);
  const payload = {
    orderId,
    number: `O-${orderId.slice(0, 8)}`,
    opportunityId: randomUUID(),
    quoteId: null,
    customerId: null,
    dealerId: order.dealerId,
    ownerId: order.ownerId,
    items,
    total: { amount: total, currency: order.currency ?? 'CNY' },
    placedAt: order.placedAt,
  };
  return stampedEvent(OrderPlaced, orderId, payload, { occurredAt });
}

/** A repair as the service app publishes it, at a station on a vehicle for a ticket. */
export function repairEvent(repair: {
  ticketId?: string;
  stationId: string;
  vehicleId: string | null;
  repairedAt: string;
}): EventEnvelope {
  const repairId = randomUUID();
  const ticketId = repair.ticketId ?? randomUUID();
  const payload = {
    repairId,
    ticketId,
    ticketNumber: `T-${ticketId.slice(0, 8)}`,
    customerId: randomUUID(),
    vehicleId: repair.vehicleId,
    vin: null,
    stationId: repair.stationId,
    stationName: 'Pudong',
    qualityType: ALL_QUALITY_TYPES[0],
    severity: 'low' as const,
    workDone: 'Replaced brake pads',
    parts: [],
    cost: { amount: 0, currency: 'CNY' },
    technician: 'Liu',
    repairedAt: repair.repairedAt,
  };
  return stampedEvent(RepairRecorded, repairId, payload, { occurredAt: repair.repairedAt });
}

/** A contact the call center recorded. */
export function interactionEvent(contact: {
  agentId: string;
  customerId: string | null;
  at: string;
  channel?: 'phone' | 'email' | 'sms' | 'web';
  direction?: 'inbound' | 'outbound';
  durationSeconds?: number | null;
}): EventEnvelope {
  const interactionId = randomUUID();
  const payload = {
    interactionId,
    customerId: contact.customerId,
    channel: contact.channel ?? 'phone',
    direction: contact.direction ?? 'inbound',
    agentId: contact.agentId,
    subject: 'question',
    notes: null,
    outcome: null,
    durationSeconds: contact.durationSeconds === undefined ? 300 : contact.durationSeconds,
    occurredAt: contact.at,
  };
  return stampedEvent(InteractionRecorded, interactionId, payload, { occurredAt: contact.at });
}

/** A complaint an agent recorded; the service app opens the ticket with `ticketId`. */
export function complaintEvent(
  agentId: string,
  customerId: string,
  ticketId: string,
  at: string,
): EventEnvelope {
  const interactionId = randomUUID();
  const payload = {
    interactionId,
    ticketId,
    customerId,
    vehicleId: null,
    vin: null,
    brand: null,
    sellingDealerId: null,
    qualityType: 'engine' as const,
    description: 'engine noise',
    channel: 'phone' as const,
    location: null,
    agentId,
  };
  return stampedEvent(ComplaintRecorded, interactionId, payload, { occurredAt: at });
}
