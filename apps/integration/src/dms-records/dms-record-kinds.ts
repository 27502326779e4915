import { ClassConstructor } from 'class-transformer';
import {
  DmsOrderCancelled,
  DmsOrderInvoiced,
  DmsOrderInvoiceVoided,
  DmsOrderPaymentReversed,
  DmsRepairCancelled,
  DmsOrderPaid,
  DmsOrderRecorded,
  DmsRepairRecorded,
  EventEnvelope,
  PartnerKind,
  PartnerKinds,
} from '@crm/contracts';
import { EventFactory } from '@crm/messaging';
import { ExternalType } from '../external-refs/external-ref.repository';
import {
  DmsInvoiceRowDto,
  DmsOrderRowDto,
  DmsPaymentRowDto,
  DmsRepairRowDto,
} from './dto/dms-record-rows.dto';
import { DmsDealerCancellationRowDto, DmsStationCancellationRowDto } from './dto/dms-cancellation.dto';

/** What integration found out about a row before writing it: its ids in the CRM. */
export interface ResolvedRow {
  /** The record's own CRM id (minted on first sight, kept by its mapping). */
  id: string;
  source: string;
  partnerId: string;
  /** The customer (orders, repairs) or the order (invoices, payments) the row is about. */
  referenceId: string;
}

/** A record cancelled just now (ADR 0054). */
export interface CancelledRow {
  id: string;
  /** The order of an invoice or payment; null for orders and repairs. */
  parentId: string | null;
  source: string;
  partnerId: string;
  externalId: string;
  cancelledAt: string;
  reason: string | null;
}

/** One kind of DMS record: its row, who may send it, what it refers to and the event that publishes it. */
export interface DmsRecordKind<Row extends { externalId: string } = { externalId: string }> {
  type: Extract<ExternalType, 'order' | 'invoice' | 'payment' | 'repair'>;
  /** The rows' plural, for messages. */
  what: string;
  rowType: ClassConstructor<Row>;
  /** The partner that sends the rows and the row field naming it (admins must, partners may). */
  partner: { kind: PartnerKind; field: 'dealerId' | 'stationId' };
  refers: 'customer' | 'order';
  event(events: EventFactory, row: Row, resolved: ResolvedRow): EventEnvelope;
  cancellation: {
    rowType: ClassConstructor<DmsDealerCancellationRowDto | DmsStationCancellationRowDto>;
    event(events: EventFactory, cancelled: CancelledRow): EventEnvelope;
  };
}

const utc = (at: string) => new Date(at).toISOString();
const dealers = { kind: PartnerKinds.dealer, field: 'dealerId' } as const;
const cancellationOf = ({ source, externalId, cancelledAt, reason }: CancelledRow) => ({
  source,
  externalId,
  cancelledAt,
  reason,
});
/** An invoice's or payment's cancellation, published on its order's stream. */
const orderDocumentCancellation = (cancelled: CancelledRow) => ({
  ...cancellationOf(cancelled),
  orderId: cancelled.parentId as string,
  dealerId: cancelled.partnerId,
});

export const DMS_ORDERS: DmsRecordKind<DmsOrderRowDto> = {
  type: 'order',
  what: 'orders',
  rowType: DmsOrderRowDto,
  partner: dealers,
  refers: 'customer',
  event: (events, row, { id, source, partnerId, referenceId }) =>
    events.create(DmsOrderRecorded, id, {
      orderId: id,
      source,
      externalId: row.externalId,
      customerId: referenceId,
      dealerId: partnerId,
      items: row.items.map(({ model, quantity, lineTotal }) => ({ model, quantity, lineTotal })),
      total: { amount: row.total.amount, currency: row.total.currency },
      placedAt: utc(row.placedAt),
    }),
  cancellation: {
    rowType: DmsDealerCancellationRowDto,
    event: (events, cancelled) =>
      events.create(DmsOrderCancelled, cancelled.id, {
        ...cancellationOf(cancelled),
        orderId: cancelled.id,
        dealerId: cancelled.partnerId,
      }),
  },
};

export const DMS_INVOICES: DmsRecordKind<DmsInvoiceRowDto> = {
  type: 'invoice',
  what: 'invoices',
  rowType: DmsInvoiceRowDto,
  partner: dealers,
  refers: 'order',
  event: (events, row, { id, source, partnerId, referenceId }) =>
    events.create(DmsOrderInvoiced, referenceId, {
      invoiceId: id,
      orderId: referenceId,
      source,
      externalId: row.externalId,
      dealerId: partnerId,
      amount: { amount: row.amount.amount, currency: row.amount.currency },
      issuedOn: row.issuedOn,
    }),
  cancellation: {
    rowType: DmsDealerCancellationRowDto,
    event: (events, cancelled) =>
      events.create(DmsOrderInvoiceVoided, cancelled.parentId as string, {
        ...orderDocumentCancellation(cancelled),
        invoiceId: cancelled.id,
      }),
  },
};

export const DMS_PAYMENTS: DmsRecordKind<DmsPaymentRowDto> = {
  type: 'payment',
  what: 'payments',
  rowType: DmsPaymentRowDto,
  partner: dealers,
  refers: 'order',
  event: (events, row, { id, source, partnerId, referenceId }) =>
    events.create(DmsOrderPaid, referenceId, {
      paymentId: id,
      orderId: referenceId,
      source,
      externalId: row.externalId,
      dealerId: partnerId,
      amount: { amount: row.amount.amount, currency: row.amount.currency },
      method: row.method ?? null,
      paidAt: utc(row.paidAt),
    }),
  cancellation: {
    rowType: DmsDealerCancellationRowDto,
    event: (events, cancelled) =>
      events.create(DmsOrderPaymentReversed, cancelled.parentId as string, {
        ...orderDocumentCancellation(cancelled),
        paymentId: cancelled.id,
      }),
  },
};

export const DMS_REPAIRS: DmsRecordKind<DmsRepairRowDto> = {
  type: 'repair',
  what: 'repairs',
  rowType: DmsRepairRowDto,
  partner: { kind: PartnerKinds.repairStation, field: 'stationId' },
  refers: 'customer',
  event: (events, row, { id, source, partnerId, referenceId }) =>
    events.create(DmsRepairRecorded, id, {
      repairId: id,
      source,
      externalId: row.externalId,
      customerId: referenceId,
      stationId: partnerId,
      vin: row.vin?.trim().toUpperCase() ?? null,
      workDone: row.workDone,
      cost: { amount: row.cost.amount, currency: row.cost.currency },
      repairedAt: utc(row.repairedAt),
    }),
  cancellation: {
    rowType: DmsStationCancellationRowDto,
    event: (events, cancelled) =>
      events.create(DmsRepairCancelled, cancelled.id, {
        ...cancellationOf(cancelled),
        repairId: cancelled.id,
        stationId: cancelled.partnerId,
      }),
  },
};
