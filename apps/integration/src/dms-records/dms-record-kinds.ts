import { ClassConstructor } from 'class-transformer';
import {
  DmsOrderInvoiced,
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

/** What integration found out about a row before writing it: its ids in the CRM. */
export interface ResolvedRow {
  /** The record's own CRM id (minted on first sight, kept by its mapping). */
  id: string;
  source: string;
  partnerId: string;
  /** The customer (orders, repairs) or the order (invoices, payments) the row is about. */
  referenceId: string;
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
}

const utc = (at: string) => new Date(at).toISOString();
const dealers = { kind: PartnerKinds.dealer, field: 'dealerId' } as const;

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
};
