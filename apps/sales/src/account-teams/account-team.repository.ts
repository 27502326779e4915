import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { accountsOfTeamSql, SalesScope } from '../hierarchy/sales-scope';
import { AccountTeam, AccountTeamMember } from './account-team';

/** Account team members by customer account. */
@Injectable()
export class AccountTeamRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Serializes changes to one account's team, also while it has no rows to lock yet. */
  async lock(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('sales.account_team:' || $1, 0))`, [
      customerId,
    ]);
  }

  async find(customerId: string, tx: EntityManager = this.dataSource.manager): Promise<AccountTeam> {
    const rows: (AccountTeamMember & { updatedBy: string; updatedAt: string })[] = await tx.query(
      `SELECT user_id AS "userId", role, split_percent AS "splitPercent", updated_by AS "updatedBy",
              ${isoTimestampSql('updated_at')} AS "updatedAt"
         FROM sales.account_team_member WHERE customer_id = $1
        ORDER BY split_percent DESC, user_id`,
      [customerId],
    );
    return {
      customerId,
      members: rows.map(({ userId, role, splitPercent }) => ({ userId, role, splitPercent })),
      updatedBy: rows[0]?.updatedBy ?? null,
      updatedAt: rows[0]?.updatedAt ?? null,
    };
  }

  async replace(
    tx: EntityManager,
    team: AccountTeam & { updatedBy: string; updatedAt: string },
  ): Promise<void> {
    await tx.query(`DELETE FROM sales.account_team_member WHERE customer_id = $1`, [team.customerId]);
    for (const member of team.members)
      await tx.query(
        `INSERT INTO sales.account_team_member (customer_id, user_id, role, split_percent, updated_by, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [team.customerId, member.userId, member.role, member.splitPercent, team.updatedBy, team.updatedAt],
      );
  }

  /** The first of `candidates` with opportunities, all owned by `userIds`: an account only those people work. */
  async accountWorkedOnlyBy(candidates: string[], userIds: string[]): Promise<string | null> {
    const [row] = await this.dataSource.query(
      `SELECT customer_id AS "customerId" FROM sales.opportunity WHERE customer_id = ANY($1::uuid[])
        GROUP BY customer_id HAVING bool_and(owner_id = ANY($2::text[])) ORDER BY min(created_at), customer_id LIMIT 1`,
      [candidates, userIds],
    );
    return row?.customerId ?? null;
  }

  /** True when the scope may see the account's team: admin, or someone at or below the caller is on it. */
  async isVisibleTo(scope: SalesScope, customerId: string): Promise<boolean> {
    if (scope.kind === 'all') return true;
    if (scope.kind === 'partner') return false;
    const [row] = await this.dataSource.query(`SELECT $2::uuid IN (${accountsOfTeamSql('$1')}) AS visible`, [
      scope.userId,
      customerId,
    ]);
    return row.visible === true;
  }
}
