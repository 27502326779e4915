import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { LIVE_TABLES } from '../projections/projection-tables';

/** Contacts and complaints recorded in [from, to), of one agent when given. */
export interface AgentFilter {
  from: Date;
  to: Date;
  agentId?: string;
}

export interface AgentKpiRow {
  agentId: string;
  contacts: number;
  calls: number;
  timedCalls: number;
  averageHandlingSeconds: number | null;
  inboundWithCustomer: number;
  resolvedAtFirstContact: number;
  complaints: number;
  ratedComplaints: number;
  complaintSatisfaction: number | null;
}

/** A customer's inbound contact is resolved at first contact when they do not contact us again within this. */
export const REPEAT_CONTACT_DAYS = 7;
const PHONE = `i.channel = 'phone'`;
const RESOLVABLE = `i.direction = 'inbound' AND i.customer_id IS NOT NULL`;
const NO_REPEAT = `NOT EXISTS (SELECT 1 FROM ${LIVE_TABLES.agentInteraction} n
  WHERE n.customer_id = i.customer_id AND n.direction = 'inbound'
    AND n.occurred_at > i.occurred_at AND n.occurred_at <= i.occurred_at + interval '${REPEAT_CONTACT_DAYS} days')`;

const KPIS_SQL = `
  WITH contacts AS (
    SELECT i.agent_id AS key, count(*) AS contacts, count(*) FILTER (WHERE ${PHONE}) AS calls,
      count(i.duration_seconds) FILTER (WHERE ${PHONE}) AS timed_calls,
      avg(i.duration_seconds) FILTER (WHERE ${PHONE}) AS average_handling_seconds,
      count(*) FILTER (WHERE ${RESOLVABLE}) AS inbound_with_customer,
      count(*) FILTER (WHERE ${RESOLVABLE} AND ${NO_REPEAT}) AS resolved_at_first_contact
    FROM ${LIVE_TABLES.agentInteraction} i
    WHERE i.occurred_at >= $1 AND i.occurred_at < $2 AND ($3::text IS NULL OR i.agent_id = $3)
    GROUP BY 1),
  complaints AS (
    SELECT c.agent_id AS key, count(*) AS complaints, count(t.satisfaction_score) AS rated_complaints,
      avg(t.satisfaction_score) AS complaint_satisfaction
    FROM ${LIVE_TABLES.agentComplaint} c LEFT JOIN ${LIVE_TABLES.ticketFact} t ON t.ticket_id = c.ticket_id
    WHERE c.recorded_at >= $1 AND c.recorded_at < $2 AND ($3::text IS NULL OR c.agent_id = $3)
    GROUP BY 1)
  SELECT key AS "agentId", coalesce(contacts, 0)::int AS contacts, coalesce(calls, 0)::int AS calls,
    coalesce(timed_calls, 0)::int AS "timedCalls", average_handling_seconds::float8 AS "averageHandlingSeconds",
    coalesce(inbound_with_customer, 0)::int AS "inboundWithCustomer",
    coalesce(resolved_at_first_contact, 0)::int AS "resolvedAtFirstContact",
    coalesce(complaints, 0)::int AS complaints, coalesce(rated_complaints, 0)::int AS "ratedComplaints",
    complaint_satisfaction::float8 AS "complaintSatisfaction"
  FROM contacts FULL JOIN complaints USING (key)`;

const params = (filter: AgentFilter) => [filter.from, filter.to, filter.agentId ?? null];

/** The agent KPIs' reads; only this class and the store know the tables. */
@Injectable()
export class AgentKpiRepository {
  constructor(private readonly db: DataSource) {}

  /** A page of agents, most contacts first. */
  async rows(
    filter: AgentFilter,
    page: { limit: number; offset: number },
  ): Promise<{ items: AgentKpiRow[]; total: number }> {
    const rows: Array<AgentKpiRow & { total: number }> = await this.db.query(
      `SELECT *, count(*) OVER ()::int AS total FROM (${KPIS_SQL}) k
       ORDER BY contacts DESC, complaints DESC, "agentId" LIMIT $4 OFFSET $5`,
      [...params(filter), page.limit, page.offset],
    );
    const total = rows[0]?.total ?? (page.offset > 0 ? await this.count(filter) : 0);
    return { items: rows.map(({ total: _total, ...row }) => row), total };
  }

  /** Agents after `afterId` in id order (keyset batches for the CSV export). */
  rowsAfter(filter: AgentFilter, afterId: string | null, limit: number): Promise<AgentKpiRow[]> {
    return this.db.query(
      `SELECT * FROM (${KPIS_SQL}) k WHERE $4::text IS NULL OR "agentId" > $4 ORDER BY "agentId" LIMIT $5`,
      [...params(filter), afterId, limit],
    );
  }

  async newestEventAt(): Promise<Date | null> {
    const [row] = await this.db.query(
      `SELECT greatest((SELECT max(event_at) FROM ${LIVE_TABLES.agentInteraction}),
         (SELECT max(recorded_at) FROM ${LIVE_TABLES.agentComplaint})) AS newest`,
    );
    return row.newest;
  }

  private async count(filter: AgentFilter): Promise<number> {
    const [row] = await this.db.query(`SELECT count(*)::int AS total FROM (${KPIS_SQL}) k`, params(filter));
    return row.total;
  }
}
