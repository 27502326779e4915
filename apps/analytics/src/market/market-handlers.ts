import { OrderPlaced, RepairRecorded } from '@crm/contracts';
import { EventSubscriber } from '@crm/messaging';
import { MarketStore, modelsOf } from './market-store';
import { MARKET_CONSUMERS } from './market-tables';

type Consumer = (name: keyof typeof MARKET_CONSUMERS) => string;

/** Hands the orders and repairs to the market store; the live consumer and a rebuild share it. */
export function registerMarketHandlers(
  subscriber: EventSubscriber,
  store: MarketStore,
  consumer: Consumer,
): void {
  subscriber.onBatch(consumer('marketOrders'), OrderPlaced, (events, tx) =>
    store.addOrders(
      tx,
      events.map(({ id, payload, occurredAt }) => ({
        orderId: payload.orderId,
        ownerId: payload.ownerId,
        dealerId: payload.dealerId,
        amount: payload.total.amount,
        currency: payload.total.currency,
        placedAt: payload.placedAt,
        models: modelsOf(payload.items),
        eventAt: occurredAt,
        eventId: id,
      })),
    ),
  );
  subscriber.onBatch(consumer('marketRepairs'), RepairRecorded, (events, tx) =>
    store.addRepairs(
      tx,
      events.map(({ id, payload, occurredAt }) => ({
        repairId: payload.repairId,
        ticketId: payload.ticketId,
        stationId: payload.stationId,
        vehicleId: payload.vehicleId,
        repairedAt: payload.repairedAt,
        eventAt: occurredAt,
        eventId: id,
      })),
    ),
  );
}
