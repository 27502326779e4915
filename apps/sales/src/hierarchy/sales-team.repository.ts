import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { subtreeSql } from './sales-scope';
import { SalesUser, TeamMember } from './sales-user';

/** The sales tree: who reports to whom. */
@Injectable()
export class SalesTeamRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(tx: EntityManager, user: SalesUser): Promise<void> {
    await tx.query(
      `INSERT INTO sales.sales_user (user_id, name, manager_id) VALUES ($1, $2, $3)
       ON CONFLICT (user_id) DO UPDATE SET name = EXCLUDED.name, manager_id = EXCLUDED.manager_id, updated_at = now()`,
      [user.userId, user.name, user.managerId],
    );
  }

  async find(userId: string, tx: EntityManager = this.dataSource.manager): Promise<SalesUser | null> {
    const [row] = await tx.query(
      `SELECT user_id AS "userId", name, manager_id AS "managerId" FROM sales.sales_user WHERE user_id = $1`,
      [userId],
    );
    return row ?? null;
  }

  /** True when `userId` is `rootId` or anywhere below it. */
  async isWithin(
    rootId: string,
    userId: string,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    const [row] = await tx.query(`SELECT $2::text IN (${subtreeSql('$1')}) AS within`, [rootId, userId]);
    return row.within === true;
  }

  /** Everyone below `rootId` (depth 1 = direct reports), or the whole tree from its roots when rootId is null. */
  async below(rootId: string | null): Promise<TeamMember[]> {
    const rows = await this.dataSource.query(
      `WITH RECURSIVE team (user_id, depth) AS (
         SELECT user_id, CASE WHEN $1::text IS NULL THEN 1 ELSE 0 END FROM sales.sales_user
          WHERE ($1::text IS NULL AND manager_id IS NULL) OR user_id = $1
         UNION SELECT u.user_id, t.depth + 1 FROM sales.sales_user u JOIN team t ON u.manager_id = t.user_id)
       SELECT u.user_id AS "userId", u.name, u.manager_id AS "managerId", t.depth,
              (SELECT count(*)::int FROM sales.sales_user r WHERE r.manager_id = u.user_id) AS "directReports"
         FROM team t JOIN sales.sales_user u ON u.user_id = t.user_id
        WHERE t.depth > 0 ORDER BY t.depth, u.name`,
      [rootId],
    );
    return rows;
  }
}
