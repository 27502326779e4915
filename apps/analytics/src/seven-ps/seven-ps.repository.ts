import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { SevenPsRow } from './dto/seven-ps.response';
import { bindNamed, SevenPReport, SevenPsGrouping } from './seven-p-report';

export type SevenPsValues = Record<string, unknown>;

const cellOf = (value: unknown) => (value instanceof Date ? value.toISOString() : value);
const rowOf = (row: Record<string, unknown>): SevenPsRow =>
  Object.fromEntries(Object.entries(row).map(([column, value]) => [column, cellOf(value)])) as SevenPsRow;

/** Runs a P's SQL: a page ordered by its keys, its columns, and the newest event it includes. */
@Injectable()
export class SevenPsRepository {
  constructor(private readonly db: DataSource) {}

  async page(
    report: SevenPReport,
    by: SevenPsGrouping,
    values: SevenPsValues,
    page: { limit: number; offset: number },
  ): Promise<{ columns: string[]; items: SevenPsRow[]; total: number }> {
    const rows: Array<Record<string, unknown> & { __total: number }> = await this.run(
      `SELECT *, count(*) OVER ()::int AS "__total" FROM (${report.sql(by)}) r
       ORDER BY ${keyOrder(report, by)} LIMIT :limit OFFSET :offset`,
      { ...values, ...page },
    );
    const derive = report.derive ?? ((row: SevenPsRow) => row);
    const items = rows.map(({ __total: _total, ...row }) => derive(rowOf(row)));
    if (items.length > 0) return { columns: Object.keys(items[0]), items, total: rows[0].__total };
    return {
      columns: await this.columns(report, by, values),
      items,
      total: await this.count(report, by, values),
    };
  }

  /** The newest event the P's projections applied. */
  async newestEventAt(report: SevenPReport): Promise<Date | null> {
    const newest = report.newestEvent.map((column) => {
      const dot = column.lastIndexOf('.');
      return `(SELECT max(${column.slice(dot + 1)}) FROM ${column.slice(0, dot)})`;
    });
    const [row] = await this.db.query(`SELECT GREATEST(${newest.join(', ')}) AS newest`);
    return row.newest;
  }

  /** An empty report still names its columns: the row of nulls a left join to nothing gives. */
  private async columns(report: SevenPReport, by: SevenPsGrouping, values: SevenPsValues): Promise<string[]> {
    const [row] = await this.run(
      `SELECT r.* FROM (SELECT 1) one LEFT JOIN (${report.sql(by)}) r ON true LIMIT 1`,
      values,
    );
    return Object.keys(report.derive ? report.derive(rowOf(row)) : row);
  }

  private async count(report: SevenPReport, by: SevenPsGrouping, values: SevenPsValues): Promise<number> {
    const [row] = await this.run<{ total: number }>(
      `SELECT count(*)::int AS total FROM (${report.sql(by)}) r`,
      values,
    );
    return row.total;
  }

  private run<T = Record<string, unknown>>(sql: string, values: SevenPsValues): Promise<T[]> {
    return this.db.query(...bindNamed(sql, values));
  }
}

function keyOrder(report: SevenPReport, by: SevenPsGrouping): string {
  return Array.from({ length: report.keys(by) }, (_, index) => `${index + 1} NULLS LAST`).join(', ');
}
