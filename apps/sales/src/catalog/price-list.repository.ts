import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Price } from './catalog';

const COLUMNS = `p.id, p.trim_id AS "trimId", p.region,
  json_build_object('amount', p.amount::float8, 'currency', p.currency) AS price,
  to_char(p.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(p.valid_to, 'YYYY-MM-DD') AS "validTo"`;

/** Regional prices of trims with their validity periods. */
@Injectable()
export class PriceListRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, p: Price): Promise<void> {
    await tx.query(
      `INSERT INTO sales.catalog_price (id, trim_id, region, amount, currency, valid_from, valid_to)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [p.id, p.trimId, p.region, p.price.amount, p.price.currency, p.validFrom, p.validTo],
    );
  }

  async updateValidTo(tx: EntityManager, p: Price): Promise<void> {
    await tx.query(`UPDATE sales.catalog_price SET valid_to = $2 WHERE id = $1`, [p.id, p.validTo]);
  }

  async find(id: string, tx: EntityManager = this.dataSource.manager): Promise<Price | null> {
    const [row] = await tx.query(`SELECT ${COLUMNS} FROM sales.catalog_price p WHERE p.id = $1`, [id]);
    return row ?? null;
  }

  pricesOf(trimId: string, tx: EntityManager = this.dataSource.manager): Promise<Price[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM sales.catalog_price p WHERE p.trim_id = $1 ORDER BY p.region, p.valid_from`,
      [trimId],
    );
  }

  /** The price of a trim in a region on a day (validity periods never overlap, so at most one). */
  async priceOn(
    trimId: string,
    region: string,
    day: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<Price | null> {
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM sales.catalog_price p
        WHERE p.trim_id = $1 AND p.region = $2 AND p.valid_from <= $3::date
          AND (p.valid_to IS NULL OR p.valid_to >= $3::date)`,
      [trimId, region, day],
    );
    return row ?? null;
  }
}
