import { EntityManager } from 'typeorm';
import { changingCustomerIds, currentCustomerId, resolvingCustomerIds } from './customer-identity';
import {
  CANCELLED_PURCHASES,
  CUSTOMER_VALUES,
  CustomerValueTables,
  ERASED_CUSTOMERS,
  MERGED_CUSTOMERS,
} from './customer-value-tables';

export interface OrderFact {
  orderId: string;
  customerId: string | null;
  dealerId: string | null;
  amount: number;
  currency: string;
  models: string[];
  placedAt: string;
  eventAt: string;
  eventId: string;
}

export interface RepairFact {
  repairId: string;
  customerId: string;
  stationId: string;
  amount: number;
  currency: string;
  repairedAt: string;
  eventAt: string;
  eventId: string;
}

/** An order or paid repair a DMS cancelled, by its CRM id. */
export interface CancelledPurchase {
  purchaseId: string;
  cancelledAt: string;
}

export interface ValueCustomer {
  customerId: string;
  province: string | null;
  city: string | null;
  birthday: string | null;
  /** Set by customer.registered only; the earliest wins. */
  registeredAt: string | null;
  at: string;
}

/** A copy of a fact from a later event (by time, then event id) replaces it; an earlier one changes nothing. */
const LATEST_FACT_WINS = (columns: string[]) =>
  [...columns, 'event_at', 'event_id']
    .map(
      (column) => `${column} = CASE WHEN (t.event_at, t.event_id) < (EXCLUDED.event_at, EXCLUDED.event_id)
         THEN EXCLUDED.${column} ELSE t.${column} END`,
    )
    .join(', ');

/**
 * The customer-value projections in PostgreSQL. An order and a repair are facts the latest event of wins (a
 * duplicate or an older copy changes nothing); a profile is latest-wins; an erasure is remembered, so an event about the person that
 * arrives after it (late, or in a rebuild's replay) finds them erased too.
 */
export class CustomerValueStore {
  constructor(private readonly tables: CustomerValueTables) {}

  /** Set-based (ADR 0045): per order the latest copy in the batch, then one multi-row upsert in order-id order. */
  async addOrders(tx: EntityManager, orders: OrderFact[]): Promise<void> {
    await resolvingCustomerIds(tx);
    await tx.query(
      `INSERT INTO ${this.tables.orderFact} AS t (order_id, customer_id, dealer_id, amount, currency, models, placed_at,
         event_at, event_id)
       SELECT DISTINCT ON (o.order_id) o.order_id, ${currentCustomerId('o.customer_id')}, o.dealer_id, o.amount,
         o.currency, o.models, o.placed_at, o.event_at, o.event_id
       FROM jsonb_to_recordset($1::jsonb) AS o (order_id uuid, customer_id uuid, dealer_id uuid, amount numeric,
         currency text, models text[], placed_at timestamptz, event_at timestamptz, event_id uuid)
       WHERE NOT EXISTS (SELECT 1 FROM ${CANCELLED_PURCHASES} WHERE purchase_id = o.order_id)
       ORDER BY o.order_id, o.event_at DESC, o.event_id DESC
       ON CONFLICT (order_id) DO UPDATE SET ${LATEST_FACT_WINS(['customer_id', 'dealer_id', 'amount', 'currency', 'models', 'placed_at'])}`,
      [
        JSON.stringify(
          orders.map((order) => ({
            order_id: order.orderId,
            customer_id: order.customerId,
            dealer_id: order.dealerId,
            amount: order.amount,
            currency: order.currency,
            models: order.models,
            placed_at: order.placedAt,
            event_at: order.eventAt,
            event_id: order.eventId,
          })),
        ),
      ],
    );
  }

  /** Set-based like `addOrders`. */
  async addRepairs(tx: EntityManager, repairs: RepairFact[]): Promise<void> {
    await resolvingCustomerIds(tx);
    await tx.query(
      `INSERT INTO ${this.tables.repairFact} AS t (repair_id, customer_id, station_id, amount, currency, repaired_at,
         event_at, event_id)
       SELECT DISTINCT ON (r.repair_id) r.repair_id, ${currentCustomerId('r.customer_id')}, r.station_id, r.amount,
         r.currency, r.repaired_at, r.event_at, r.event_id
       FROM jsonb_to_recordset($1::jsonb) AS r (repair_id uuid, customer_id uuid, station_id uuid, amount numeric,
         currency text, repaired_at timestamptz, event_at timestamptz, event_id uuid)
       WHERE NOT EXISTS (SELECT 1 FROM ${CANCELLED_PURCHASES} WHERE purchase_id = r.repair_id)
       ORDER BY r.repair_id, r.event_at DESC, r.event_id DESC
       ON CONFLICT (repair_id) DO UPDATE SET ${LATEST_FACT_WINS(['customer_id', 'station_id', 'amount', 'currency', 'repaired_at'])}`,
      [
        JSON.stringify(
          repairs.map((repair) => ({
            repair_id: repair.repairId,
            customer_id: repair.customerId,
            station_id: repair.stationId,
            amount: repair.amount,
            currency: repair.currency,
            repaired_at: repair.repairedAt,
            event_at: repair.eventAt,
            event_id: repair.eventId,
          })),
        ),
      ],
    );
  }

  /**
   * Orders a DMS cancelled stop counting (ADR 0054): remembered first, so a copy of the order that arrives later (late,
   * or replayed by a rebuild) is not added again; then removed. Set-based like `addOrders`.
   */
  async cancelOrders(tx: EntityManager, cancelled: CancelledPurchase[]): Promise<void> {
    await this.cancel(tx, this.tables.orderFact, 'order_id', cancelled);
  }

  /** Like `cancelOrders`, for paid repairs. */
  async cancelRepairs(tx: EntityManager, cancelled: CancelledPurchase[]): Promise<void> {
    await this.cancel(tx, this.tables.repairFact, 'repair_id', cancelled);
  }

  async upsertCustomer(tx: EntityManager, customer: ValueCustomer): Promise<void> {
    await resolvingCustomerIds(tx);
    await tx.query(
      `INSERT INTO ${this.tables.valueCustomer} AS t (customer_id, province, city, birthday, registered_at, updated_at)
       SELECT $1, $2, $3, $4, $5, $6 WHERE NOT EXISTS (SELECT 1 FROM ${ERASED_CUSTOMERS} WHERE customer_id = $1)
         AND NOT EXISTS (SELECT 1 FROM ${MERGED_CUSTOMERS} WHERE merged_id = $1)
       ON CONFLICT (customer_id) DO UPDATE SET
         province = CASE WHEN t.updated_at < EXCLUDED.updated_at THEN EXCLUDED.province ELSE t.province END,
         city = CASE WHEN t.updated_at < EXCLUDED.updated_at THEN EXCLUDED.city ELSE t.city END,
         birthday = CASE WHEN t.updated_at < EXCLUDED.updated_at THEN EXCLUDED.birthday ELSE t.birthday END,
         registered_at = LEAST(t.registered_at, EXCLUDED.registered_at),
         updated_at = GREATEST(t.updated_at, EXCLUDED.updated_at)`,
      [
        customer.customerId,
        customer.province,
        customer.city,
        customer.birthday,
        customer.registeredAt,
        customer.at,
      ],
    );
  }

  /** Forgets the person: their profile and value go, their orders and repairs stay without their id. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    await changingCustomerIds(tx);
    await tx.query(`INSERT INTO ${ERASED_CUSTOMERS} (customer_id) VALUES ($1) ON CONFLICT DO NOTHING`, [
      customerId,
    ]);
    // The records merged into theirs were theirs too: erased with them, and no mapping names them any more.
    await tx.query(
      `INSERT INTO ${ERASED_CUSTOMERS} (customer_id) SELECT merged_id FROM ${MERGED_CUSTOMERS} WHERE survivor_id = $1
       ON CONFLICT DO NOTHING`,
      [customerId],
    );
    await tx.query(`DELETE FROM ${MERGED_CUSTOMERS} WHERE survivor_id = $1 OR merged_id = $1`, [customerId]);
    await tx.query(`DELETE FROM ${this.tables.valueCustomer} WHERE customer_id = $1`, [customerId]);
    await tx.query(`DELETE FROM ${CUSTOMER_VALUES} WHERE customer_id = $1`, [customerId]);
    for (const table of [this.tables.orderFact, this.tables.repairFact])
      await tx.query(`UPDATE ${table} SET customer_id = NULL WHERE customer_id = $1`, [customerId]);
  }

  private async cancel(
    tx: EntityManager,
    table: string,
    idColumn: 'order_id' | 'repair_id',
    cancelled: CancelledPurchase[],
  ): Promise<void> {
    const ids = cancelled.map((c) => c.purchaseId);
    await tx.query(
      `INSERT INTO ${CANCELLED_PURCHASES} (purchase_id, cancelled_at)
       SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING`,
      [ids, cancelled.map((c) => c.cancelledAt)],
    );
    await tx.query(`DELETE FROM ${table} WHERE ${idColumn} = ANY($1::uuid[])`, [ids]);
  }

  /**
   * The merged-away customer's purchases count for the survivor from now on, and every later event about the
   * merged id lands there too (ADR 0036); their profile and value go (the next recompute values the survivor).
   */
  async merge(tx: EntityManager, mergedId: string, survivorId: string): Promise<void> {
    await changingCustomerIds(tx);
    await tx.query(
      `INSERT INTO ${MERGED_CUSTOMERS} (merged_id, survivor_id) VALUES ($1, $2)
       ON CONFLICT (merged_id) DO UPDATE SET survivor_id = EXCLUDED.survivor_id`,
      [mergedId, survivorId],
    );
    // A survivor merged in turn: the ids merged into it move on with it.
    await tx.query(`UPDATE ${MERGED_CUSTOMERS} SET survivor_id = $2 WHERE survivor_id = $1`, [
      mergedId,
      survivorId,
    ]);
    await tx.query(`DELETE FROM ${this.tables.valueCustomer} WHERE customer_id = $1`, [mergedId]);
    await tx.query(`DELETE FROM ${CUSTOMER_VALUES} WHERE customer_id = $1`, [mergedId]);
    for (const table of [this.tables.orderFact, this.tables.repairFact])
      await tx.query(`UPDATE ${table} SET customer_id = $2 WHERE customer_id = $1`, [mergedId, survivorId]);
  }
}
