import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { SalesScope, visibleTo } from '../hierarchy/sales-scope';
import { Order } from './order';

/** An order is seen by whoever sees its opportunity (ADR 0011); owner and dealer are the opportunity's. */
const FROM = `sales.sales_order so JOIN sales.opportunity o ON o.id = so.opportunity_id`;
const COLUMNS = `so.id, so.number, so.opportunity_id AS "opportunityId", so.quote_id AS "quoteId",
  so.customer_id AS "customerId", o.partner_id AS "dealerId", o.owner_id AS "ownerId", so.items,
  json_build_object('amount', so.total::float8, 'currency', so.currency) AS total, so.placed_by AS "placedBy",
  ${isoTimestampSql('so.placed_at')} AS "placedAt"`;

export interface OrderFilter {
  customerId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class OrderRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, order: Order): Promise<void> {
    await tx.query(
      `INSERT INTO sales.sales_order (id, number, opportunity_id, quote_id, customer_id, items, total, currency,
         placed_by, placed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        order.id,
        order.number,
        order.opportunityId,
        order.quoteId,
        order.customerId,
        JSON.stringify(order.items),
        order.total.amount,
        order.total.currency,
        order.placedBy,
        order.placedAt,
      ],
    );
  }

  async nextNumber(tx: EntityManager, year: number): Promise<string> {
    const [{ n }] = await tx.query(`SELECT nextval('sales.order_number_seq')::int AS n`);
    return `SO${year}-${String(n).padStart(6, '0')}`;
  }

  async numberFor(tx: EntityManager, opportunityId: string): Promise<string | null> {
    const [row] = await tx.query(`SELECT number FROM sales.sales_order WHERE opportunity_id = $1`, [
      opportunityId,
    ]);
    return row?.number ?? null;
  }

  async find(scope: SalesScope, id: string): Promise<Order | null> {
    const params: unknown[] = [id];
    const visible = visibleTo(scope, 'o', params);
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE so.id = $1 AND ${visible}`,
      params,
    );
    return row ?? null;
  }

  list(scope: SalesScope, filter: OrderFilter): Promise<Order[]> {
    const params: unknown[] = [];
    const where = [visibleTo(scope, 'o', params)];
    if (filter.customerId) {
      params.push(filter.customerId);
      where.push(`so.customer_id = $${params.length}`);
    }
    params.push(filter.limit, filter.offset);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY so.placed_at DESC, so.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  async isAssignedToPartner(partnerId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM ${FROM} WHERE so.id = $1 AND o.partner_id = $2`, [
      id,
      partnerId,
    ]);
    return rows.length > 0;
  }
}
