import {
  CustomerErased,
  CustomerMerged,
  CustomerState,
  CustomerRegistered,
  CustomerUpdated,
  DmsOrderCancelled,
  DmsOrderRecorded,
  DmsRepairCancelled,
  DmsRepairRecorded,
  OrderPlaced,
  PayloadOf,
  RepairRecorded,
} from '@crm/contracts';
import { EntityManager } from 'typeorm';
import { EventSubscriber } from '@crm/messaging';
import { CustomerValueStore, ValueCustomer } from './customer-value-store';

/** Consumer groups (and processed-id namespaces) of the customer-value projections. */
export const CUSTOMER_VALUE_CONSUMERS = {
  orderFacts: 'order-facts',
  repairFacts: 'repair-facts',
  valueCustomers: 'value-customers',
} as const;

type Consumer = (name: keyof typeof CUSTOMER_VALUE_CONSUMERS) => string;

/**
 * Hands orders, paid repairs and customers to the store; the live consumer and a rebuild share it. Orders and paid
 * repairs a DMS reported (integration's `dms-order.recorded`, `dms-repair.recorded`, ADR 0042) count like native ones
 * until the DMS cancels them (`dms-order.cancelled`, `dms-repair.cancelled`, ADR 0054).
 */
export function registerCustomerValueHandlers(
  subscriber: EventSubscriber,
  store: CustomerValueStore,
  consumer: Consumer,
): void {
  subscriber.onBatch(consumer('orderFacts'), OrderPlaced, (events, tx) =>
    store.addOrders(
      tx,
      orderFacts(events, (item) => item.modelName),
    ),
  );
  subscriber.onBatch(consumer('orderFacts'), DmsOrderRecorded, (events, tx) =>
    store.addOrders(
      tx,
      orderFacts(events, (item) => item.model),
    ),
  );
  subscriber.onBatch(consumer('orderFacts'), DmsOrderCancelled, (events, tx) =>
    store.cancelOrders(
      tx,
      events.map(({ payload }) => ({ purchaseId: payload.orderId, cancelledAt: payload.cancelledAt })),
    ),
  );
  subscriber.onBatch(consumer('repairFacts'), RepairRecorded, (events, tx) =>
    addPaidRepairs(store, tx, events),
  );
  subscriber.onBatch(consumer('repairFacts'), DmsRepairRecorded, (events, tx) =>
    addPaidRepairs(store, tx, events),
  );
  subscriber.onBatch(consumer('repairFacts'), DmsRepairCancelled, (events, tx) =>
    store.cancelRepairs(
      tx,
      events.map(({ payload }) => ({ purchaseId: payload.repairId, cancelledAt: payload.cancelledAt })),
    ),
  );
  for (const definition of [CustomerRegistered, CustomerUpdated])
    subscriber.on(consumer('valueCustomers'), definition, ({ type, payload, occurredAt }, tx) =>
      store.upsertCustomer(tx, valueCustomer(payload, occurredAt, type === CustomerRegistered.type)),
    );
  subscriber.on(consumer('valueCustomers'), CustomerMerged, async ({ payload, occurredAt }, tx) => {
    await store.merge(tx, payload.mergedId, payload.survivorId);
    await store.upsertCustomer(tx, valueCustomer(payload.survivor, occurredAt, false));
  });
  subscriber.on(consumer('valueCustomers'), CustomerErased, ({ payload }, tx) =>
    store.erase(tx, payload.customerId),
  );
}

function valueCustomer(state: CustomerState, at: string, registered: boolean): ValueCustomer {
  return {
    customerId: state.customerId,
    province: state.address?.province ?? null,
    city: state.address?.city ?? null,
    birthday: state.birthday,
    registeredAt: registered ? at : null,
    at,
  };
}

interface OrderEvent<Item> {
  id: string;
  occurredAt: string;
  payload: Pick<
    PayloadOf<typeof OrderPlaced>,
    'orderId' | 'customerId' | 'dealerId' | 'total' | 'placedAt'
  > & {
    items: Item[];
  };
}

/** Native and DMS orders as the store keeps them; only where their items name the model differs. */
function orderFacts<Item>(events: OrderEvent<Item>[], modelOf: (item: Item) => string) {
  return events.map(({ id, payload, occurredAt }) => ({
    orderId: payload.orderId,
    customerId: payload.customerId,
    dealerId: payload.dealerId,
    amount: payload.total.amount,
    currency: payload.total.currency,
    models: [...new Set(payload.items.map(modelOf))],
    placedAt: payload.placedAt,
    eventAt: occurredAt,
    eventId: id,
  }));
}

interface RepairEvent {
  id: string;
  occurredAt: string;
  payload: Pick<
    PayloadOf<typeof RepairRecorded>,
    'repairId' | 'customerId' | 'stationId' | 'cost' | 'repairedAt'
  >;
}

/** A repair nobody paid for (warranty, goodwill) is no purchase. */
async function addPaidRepairs(
  store: CustomerValueStore,
  tx: EntityManager,
  events: RepairEvent[],
): Promise<void> {
  const paid = events.filter(({ payload }) => payload.cost.amount > 0);
  if (paid.length === 0) return;
  await store.addRepairs(
    tx,
    paid.map(({ id, payload, occurredAt }) => ({
      repairId: payload.repairId,
      customerId: payload.customerId,
      stationId: payload.stationId,
      amount: payload.cost.amount,
      currency: payload.cost.currency,
      repairedAt: payload.repairedAt,
      eventAt: occurredAt,
      eventId: id,
    })),
  );
}
