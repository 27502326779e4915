import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';

export interface SurveyLink {
  ticketId: string;
  ticketNumber: string;
  qualityType: string;
  brand: string | null;
  resolvedAt: Date | null;
  stationName: string | null;
  sentAt: Date;
  usedAt: Date | null;
}

/** Survey tokens are stored hashed: the link is the only copy of the token. */
@Injectable()
export class SurveyTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    tokenHash: string,
    ticketId: string,
    at: Date,
    tx: EntityManager = this.dataSource.manager,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO service.survey_token (token_hash, ticket_id, created_at) VALUES ($1, $2, $3)`,
      [tokenHash, ticketId, at],
    );
  }

  /** The link whether used or not, with what the survey page shows: no personal data. */
  async find(tokenHash: string): Promise<SurveyLink | null> {
    const rows = await this.dataSource.query(
      `SELECT t.id AS "ticketId", t.number AS "ticketNumber", t.quality_type AS "qualityType", t.brand,
              t.resolved_at AS "resolvedAt", st.name AS "stationName", s.created_at AS "sentAt", s.used_at AS "usedAt"
         FROM service.survey_token s JOIN service.ticket t ON t.id = s.ticket_id
         LEFT JOIN service.station st ON st.id = t.station_id
        WHERE s.token_hash = $1`,
      [tokenHash],
    );
    return rows[0] ?? null;
  }

  /** False when the token was used meanwhile: one answer per link. */
  async use(tx: EntityManager, tokenHash: string, at: Date): Promise<boolean> {
    const [rows] = await tx.query(
      `UPDATE service.survey_token SET used_at = $2 WHERE token_hash = $1 AND used_at IS NULL RETURNING ticket_id`,
      [tokenHash, at],
    );
    return rows.length > 0;
  }
}
