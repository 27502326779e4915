import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { moneySchema } from '../sales/sales.schemas';

/**
 * Records a dealer's or station's DMS owns, as integration last received them (ADR 0042). Each event carries the
 * record's state as it stands now: a record sent again with other data is published again, latest wins.
 */
const dmsRecordSchema = z.object({
  /** The source system: `dms:<partner id>` (a DMS's ids are unique only within it). */
  source: z.string(),
  /** The record's id in the source system. */
  externalId: z.string(),
});

export const DmsOrderRecorded = defineEvent({
  type: 'dms-order.recorded',
  version: 1,
  aggregateType: 'dms-order',
  description:
    "An order as a dealer's DMS reports it (integration, ADR 0042): who bought what through which dealer, for how much. Counted by analytics like sales' order.placed.",
  payload: dmsRecordSchema.extend({
    orderId: z.uuid(),
    customerId: z.uuid(),
    dealerId: z.uuid(),
    items: z
      .array(
        z.object({
          model: z.string(),
          quantity: z.number().int().positive(),
          lineTotal: z.number().nonnegative(),
        }),
      )
      .min(1),
    total: moneySchema,
    placedAt: z.iso.datetime(),
  }),
});

export const DmsOrderInvoiced = defineEvent({
  type: 'dms-order.invoiced',
  version: 1,
  aggregateType: 'dms-order',
  description: "An invoice a dealer's DMS issued for one of its orders (integration, ADR 0042).",
  payload: dmsRecordSchema.extend({
    invoiceId: z.uuid(),
    orderId: z.uuid(),
    dealerId: z.uuid(),
    amount: moneySchema,
    issuedOn: z.iso.date(),
  }),
});

export const DmsOrderPaid = defineEvent({
  type: 'dms-order.paid',
  version: 1,
  aggregateType: 'dms-order',
  description: "A payment a dealer's DMS received for one of its orders (integration, ADR 0042).",
  payload: dmsRecordSchema.extend({
    paymentId: z.uuid(),
    orderId: z.uuid(),
    dealerId: z.uuid(),
    amount: moneySchema,
    method: z.string().nullable(),
    paidAt: z.iso.datetime(),
  }),
});

export const DmsRepairRecorded = defineEvent({
  type: 'dms-repair.recorded',
  version: 1,
  aggregateType: 'dms-repair',
  description:
    "A paid repair as a repair station's DMS reports it (integration, ADR 0042). Counted by analytics like service's repair.recorded.",
  payload: dmsRecordSchema.extend({
    repairId: z.uuid(),
    customerId: z.uuid(),
    stationId: z.uuid(),
    vin: z.string().nullable(),
    workDone: z.string(),
    cost: moneySchema,
    repairedAt: z.iso.datetime(),
  }),
});

export const DMS_RECORD_EVENTS = [
  DmsOrderRecorded,
  DmsOrderInvoiced,
  DmsOrderPaid,
  DmsRepairRecorded,
] as const;
