import { EntityManager } from 'typeorm';
import { MarketTables } from './market-tables';

/** An order as the market view counts it: who sold it, through which dealer, which models for how much. */
export interface MarketOrder {
  orderId: string;
  ownerId: string;
  dealerId: string | null;
  amount: number;
  currency: string;
  placedAt: string;
  /** Per model: units and the sum of its line totals (the order's currency). */
  models: Array<{ model: string; quantity: number; amount: number }>;
  eventAt: string;
  eventId: string;
}

/** A repair as the market view counts it: where (the station), on what (the vehicle), for which ticket. */
export interface MarketRepair {
  repairId: string;
  ticketId: string;
  stationId: string;
  vehicleId: string | null;
  repairedAt: string;
  eventAt: string;
  eventId: string;
}

const latestWins = (columns: string[]) =>
  [...columns, 'event_at', 'event_id']
    .map(
      (column) => `${column} = CASE WHEN (t.event_at, t.event_id) < (EXCLUDED.event_at, EXCLUDED.event_id)
       THEN EXCLUDED.${column} ELSE t.${column} END`,
    )
    .join(', ');
const LATEST_WINS = latestWins(['owner_id', 'dealer_id', 'amount', 'currency', 'placed_at']);
const LATEST_REPAIR_WINS = latestWins(['ticket_id', 'station_id', 'vehicle_id', 'repaired_at']);

/** Sums an order's lines per model (an order may list a model in several trims). */
export function modelsOf(items: Array<{ modelName: string; quantity: number; lineTotal: number }>) {
  const byModel = new Map<string, { model: string; quantity: number; amount: number }>();
  for (const item of items) {
    const entry = byModel.get(item.modelName) ?? { model: item.modelName, quantity: 0, amount: 0 };
    entry.quantity += item.quantity;
    entry.amount += item.lineTotal;
    byModel.set(item.modelName, entry);
  }
  return [...byModel.values()];
}

/**
 * The market projections in PostgreSQL: an order row and its models, and a repair row, are the latest event's about
 * them (by time, then event id); an older copy changes nothing, a duplicate writes the same rows again.
 */
export class MarketStore {
  constructor(private readonly tables: MarketTables) {}

  async addRepair(tx: EntityManager, repair: MarketRepair): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.tables.marketRepair} AS t (repair_id, ticket_id, station_id, vehicle_id, repaired_at, event_at, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (repair_id) DO UPDATE SET ${LATEST_REPAIR_WINS}`,
      [
        repair.repairId,
        repair.ticketId,
        repair.stationId,
        repair.vehicleId,
        repair.repairedAt,
        repair.eventAt,
        repair.eventId,
      ],
    );
  }

  async addOrder(tx: EntityManager, order: MarketOrder): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.tables.marketOrder} AS t (order_id, owner_id, dealer_id, amount, currency, placed_at, event_at, event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (order_id) DO UPDATE SET ${LATEST_WINS}`,
      [
        order.orderId,
        order.ownerId,
        order.dealerId,
        order.amount,
        order.currency,
        order.placedAt,
        order.eventAt,
        order.eventId,
      ],
    );
    const won = `EXISTS (SELECT 1 FROM ${this.tables.marketOrder} WHERE order_id = $1 AND event_id = $2)`;
    await tx.query(`DELETE FROM ${this.tables.marketOrderModel} WHERE order_id = $1 AND ${won}`, [
      order.orderId,
      order.eventId,
    ]);
    await tx.query(
      `INSERT INTO ${this.tables.marketOrderModel} (order_id, model, quantity, amount)
       SELECT $1, m.model, m.quantity, m.amount
       FROM jsonb_to_recordset($3::jsonb) AS m (model text, quantity int, amount numeric)
       WHERE ${won}`,
      [order.orderId, order.eventId, JSON.stringify(order.models)],
    );
  }
}
