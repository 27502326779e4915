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

  /** Set-based (ADR 0045): the latest copy per repair upserted. */
  async addRepairs(tx: EntityManager, repairs: MarketRepair[]): Promise<void> {
    const rows = repairs.map((repair) => ({
      repair_id: repair.repairId,
      ticket_id: repair.ticketId,
      station_id: repair.stationId,
      vehicle_id: repair.vehicleId,
      repaired_at: repair.repairedAt,
      event_at: repair.eventAt,
      event_id: repair.eventId,
    }));
    await tx.query(
      `INSERT INTO ${this.tables.marketRepair} AS t (repair_id, ticket_id, station_id, vehicle_id, repaired_at, event_at, event_id)
       SELECT DISTINCT ON (r.repair_id) r.*
       FROM jsonb_to_recordset($1::jsonb) AS r (repair_id uuid, ticket_id uuid, station_id uuid, vehicle_id uuid,
         repaired_at timestamptz, event_at timestamptz, event_id uuid)
       ORDER BY r.repair_id, r.event_at DESC, r.event_id DESC
       ON CONFLICT (repair_id) DO UPDATE SET ${LATEST_REPAIR_WINS}`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * Set-based (ADR 0045), one statement: the orders upserted (the latest copy per order), then the models of each
   * order whose winning event is one of these set to that event's; an order seen before loses the models the
   * winning event no longer lists.
   */
  async addOrders(tx: EntityManager, orders: MarketOrder[]): Promise<void> {
    const rows = orders.map((order) => ({
      order_id: order.orderId,
      owner_id: order.ownerId,
      dealer_id: order.dealerId,
      amount: order.amount,
      currency: order.currency,
      placed_at: order.placedAt,
      models: order.models,
      event_at: order.eventAt,
      event_id: order.eventId,
    }));
    await tx.query(
      `WITH incoming AS MATERIALIZED (
         SELECT DISTINCT ON (o.order_id) o.*
         FROM jsonb_to_recordset($1::jsonb) AS o (order_id uuid, owner_id text, dealer_id uuid, amount numeric,
           currency text, placed_at timestamptz, models jsonb, event_at timestamptz, event_id uuid)
         ORDER BY o.order_id, o.event_at DESC, o.event_id DESC),
       upserted AS (
         INSERT INTO ${this.tables.marketOrder} AS t (order_id, owner_id, dealer_id, amount, currency, placed_at,
           event_at, event_id)
         SELECT order_id, owner_id, dealer_id, amount, currency, placed_at, event_at, event_id FROM incoming
         ON CONFLICT (order_id) DO UPDATE SET ${LATEST_WINS}
         RETURNING t.order_id, t.event_id, t.xmax = 0 AS fresh),
       won AS (
         SELECT i.order_id, i.models, u.fresh FROM incoming i
         JOIN upserted u ON u.order_id = i.order_id AND u.event_id = i.event_id),
       dropped AS (
         DELETE FROM ${this.tables.marketOrderModel} m USING won w
         WHERE m.order_id = w.order_id AND NOT w.fresh
           AND NOT jsonb_path_exists(w.models, '$[*] ? (@.model == $model)', jsonb_build_object('model', m.model)))
       INSERT INTO ${this.tables.marketOrderModel} AS t (order_id, model, quantity, amount)
       SELECT w.order_id, m.model, m.quantity, m.amount
       FROM won w CROSS JOIN LATERAL jsonb_to_recordset(w.models) AS m (model text, quantity int, amount numeric)
       ORDER BY w.order_id, m.model
       ON CONFLICT (order_id, model) DO UPDATE SET quantity = EXCLUDED.quantity, amount = EXCLUDED.amount`,
      [JSON.stringify(rows)],
    );
  }
}
