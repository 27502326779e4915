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

  /**
   * Set-based (ADR 0045): the orders upserted (the latest copy per order), then the models of each order whose
   * winning event is one of these replaced by that event's.
   */
  async addOrders(tx: EntityManager, orders: MarketOrder[]): Promise<void> {
    const rows = JSON.stringify(
      orders.map((order) => ({
        order_id: order.orderId,
        owner_id: order.ownerId,
        dealer_id: order.dealerId,
        amount: order.amount,
        currency: order.currency,
        placed_at: order.placedAt,
        models: order.models,
        event_at: order.eventAt,
        event_id: order.eventId,
      })),
    );
    const incoming = `jsonb_to_recordset($1::jsonb) AS o (order_id uuid, owner_id text, dealer_id uuid, amount numeric,
      currency text, placed_at timestamptz, models jsonb, event_at timestamptz, event_id uuid)`;
    await tx.query(
      `INSERT INTO ${this.tables.marketOrder} AS t (order_id, owner_id, dealer_id, amount, currency, placed_at, event_at, event_id)
       SELECT DISTINCT ON (o.order_id) o.order_id, o.owner_id, o.dealer_id, o.amount, o.currency, o.placed_at,
         o.event_at, o.event_id
       FROM ${incoming} ORDER BY o.order_id, o.event_at DESC, o.event_id DESC
       ON CONFLICT (order_id) DO UPDATE SET ${LATEST_WINS}`,
      [rows],
    );
    const won = `JOIN ${this.tables.marketOrder} w ON w.order_id = o.order_id AND w.event_id = o.event_id`;
    await tx.query(
      `DELETE FROM ${this.tables.marketOrderModel} m USING ${incoming} ${won} WHERE m.order_id = o.order_id`,
      [rows],
    );
    await tx.query(
      `INSERT INTO ${this.tables.marketOrderModel} (order_id, model, quantity, amount)
       SELECT o.order_id, m.model, m.quantity, m.amount
       FROM ${incoming} ${won}
         CROSS JOIN LATERAL jsonb_to_recordset(o.models) AS m (model text, quantity int, amount numeric)
       ORDER BY o.order_id, m.model`,
      [rows],
    );
  }
}
