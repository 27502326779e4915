import { randomUUID } from 'node:crypto';
import {
  ActivityLogged,
  ActivityType,
  ALL_QUALITY_TYPES,
  LeadCaptured,
  LeadConverted,
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

/** A lead as sales captures it; `customerId` null when it matched no customer yet. */
export function leadCaptured(
  customerId: string | null,
  capturedAt: string,
  leadId: string = randomUUID(),
): PayloadOf<typeof LeadCaptured> {
  return {
    leadId,
    source: 'web_form',
    status: 'new',
    name: '李雷',
    phone: null,
    email: null,
    customerId,
    ownerId: null,
    partnerId: null,
    score: 50,
    interest: { model: 'Aurora S7', budget: null, timeframe: null },
    campaignId: null,
    capturedAt,
  };
}

/** The lead became an opportunity of the customer named. */
export function leadConverted(
  leadId: string,
  customerId: string,
  convertedAt: string,
): PayloadOf<typeof LeadConverted> {
  return {
    leadId,
    opportunityId: randomUUID(),
    customerId,
    ownerId: 'u-rep',
    partnerId: null,
    source: 'web_form',
    convertedAt,
  };
}

/** A salesperson's activity with the customer, e.g. a test drive. */
export function activityLogged(
  customerId: string | null,
  type: ActivityType,
  occurredAt: string,
): PayloadOf<typeof ActivityLogged> {
  return {
    activityId: randomUUID(),
    type,
    customerId,
    leadId: null,
    opportunityId: null,
    ownerId: 'u-rep',
    ownerName: '张销售',
    partnerId: null,
    subject: type,
    discussed: 'Aurora S7',
    nextStep: null,
    nextStepDue: null,
    occurredAt,
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
