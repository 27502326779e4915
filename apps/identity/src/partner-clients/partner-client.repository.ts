import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { PartnerKind, Role } from '@crm/contracts';
import { ApiClient, ApiClientKind } from './partner-client';

const CLIENT_COLUMNS = 'client_id, partner_id, partner_kind, name, roles, active, created_at';

interface ApiClientRow {
  client_id: string;
  partner_id: string | null;
  partner_kind: PartnerKind | null;
  name: string;
  roles: Role[];
  active: boolean;
  created_at: Date;
}

function toApiClient(row: ApiClientRow): ApiClient {
  return {
    clientId: row.client_id,
    partnerId: row.partner_id,
    partnerKind: row.partner_kind,
    name: row.name,
    roles: row.roles,
    active: row.active,
    createdAt: row.created_at.toISOString(),
  };
}

export interface ApiClientCredentials {
  client: ApiClient;
  secretHash: string;
}

/** The SQL condition choosing one kind of client. */
function ofKind(kind: ApiClientKind): string {
  return kind === 'system' ? 'partner_id IS NULL' : 'partner_id IS NOT NULL';
}

/** API clients of both kinds, partners' and systems' (ADR 0054), in one table: a client id is unique across them. */
@Injectable()
export class PartnerClientRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** False when the client id is taken. */
  async insert(client: ApiClient, secretHash: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO identity.partner_client (client_id, secret_hash, partner_id, partner_kind, name, roles, active,
         created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT DO NOTHING RETURNING client_id`,
      [
        client.clientId,
        secretHash,
        client.partnerId,
        client.partnerKind,
        client.name,
        client.roles,
        client.active,
        client.createdAt,
      ],
    );
    return rows.length === 1;
  }

  async findById(clientId: string): Promise<ApiClientCredentials | null> {
    const rows = await this.dataSource.query(
      `SELECT ${CLIENT_COLUMNS}, secret_hash FROM identity.partner_client WHERE client_id = $1`,
      [clientId],
    );
    return rows[0] ? { client: toApiClient(rows[0]), secretHash: rows[0].secret_hash } : null;
  }

  async list(kind: ApiClientKind, limit: number, offset: number): Promise<ApiClient[]> {
    const rows: ApiClientRow[] = await this.dataSource.query(
      `SELECT ${CLIENT_COLUMNS} FROM identity.partner_client WHERE ${ofKind(kind)}
        ORDER BY client_id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(toApiClient);
  }

  /** The client after the change, or null when there is no such client of this kind. */
  async setActive(
    tx: EntityManager,
    kind: ApiClientKind,
    clientId: string,
    active: boolean,
  ): Promise<ApiClient | null> {
    const rows: ApiClientRow[] = await tx.query(
      `WITH changed AS (
         UPDATE identity.partner_client SET active = $2 WHERE client_id = $1 AND ${ofKind(kind)}
         RETURNING ${CLIENT_COLUMNS}
       ) SELECT * FROM changed`,
      [clientId, active],
    );
    return rows[0] ? toApiClient(rows[0]) : null;
  }

  /** False when there is no such client of this kind. */
  async setSecretHash(
    tx: EntityManager,
    kind: ApiClientKind,
    clientId: string,
    secretHash: string,
  ): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `WITH changed AS (
         UPDATE identity.partner_client SET secret_hash = $2 WHERE client_id = $1 AND ${ofKind(kind)}
         RETURNING client_id
       ) SELECT client_id FROM changed`,
      [clientId, secretHash],
    );
    return rows.length === 1;
  }
}
