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

/** What every DMS cancellation carries besides the record's ids (ADR 0054). */
const dmsCancellationSchema = dmsRecordSchema.extend({
  /** When integration received the cancellation. */
  cancelledAt: z.iso.datetime(),
  /** The DMS's reason, as sent. */
  reason: z.string().nullable(),
});

export const DmsOrderCancelled = defineEvent({
  type: 'dms-order.cancelled',
  version: 1,
  aggregateType: 'dms-order',
  description:
    "A dealer's DMS cancelled or deleted one of its orders (integration, ADR 0054). Analytics stops counting it, whenever it arrives; the DMS id is never reused. Published once per order.",
  payload: dmsCancellationSchema.extend({ orderId: z.uuid(), dealerId: z.uuid() }),
});

export const DmsOrderInvoiceVoided = defineEvent({
  type: 'dms-order.invoice-voided',
  version: 1,
  aggregateType: 'dms-order',
  description:
    "A dealer's DMS voided or deleted an invoice of one of its orders (integration, ADR 0054), on the order's stream. Published once per invoice.",
  payload: dmsCancellationSchema.extend({ invoiceId: z.uuid(), orderId: z.uuid(), dealerId: z.uuid() }),
});

export const DmsOrderPaymentReversed = defineEvent({
  type: 'dms-order.payment-reversed',
  version: 1,
  aggregateType: 'dms-order',
  description:
    "A dealer's DMS reversed or deleted a payment for one of its orders (integration, ADR 0054), on the order's stream. Published once per payment.",
  payload: dmsCancellationSchema.extend({ paymentId: z.uuid(), orderId: z.uuid(), dealerId: z.uuid() }),
});

export const DmsRepairCancelled = defineEvent({
  type: 'dms-repair.cancelled',
  version: 1,
  aggregateType: 'dms-repair',
  description:
    "A repair station's DMS cancelled or deleted one of its paid repairs (integration, ADR 0054). Analytics stops counting it, whenever it arrives. Published once per repair.",
  payload: dmsCancellationSchema.extend({ repairId: z.uuid(), stationId: z.uuid() }),
});

export const DMS_RECORD_EVENTS = [
  DmsOrderRecorded,
  DmsOrderInvoiced,
  DmsOrderPaid,
  DmsRepairRecorded,
  DmsOrderCancelled,
  DmsOrderInvoiceVoided,
  DmsOrderPaymentReversed,
  DmsRepairCancelled,
] as const;
