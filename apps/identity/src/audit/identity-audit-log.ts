import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '@crm/core';

export const IdentityAuditActions = {
  userCreated: 'user.created',
  userRolesChanged: 'user.roles-changed',
  userDisabled: 'user.disabled',
  userEnabled: 'user.enabled',
  userPasswordReset: 'user.password-reset',
  clientDisabled: 'partner-client.disabled',
  clientEnabled: 'partner-client.enabled',
  clientSecretRotated: 'partner-client.secret-rotated',
  systemClientDisabled: 'system-client.disabled',
  systemClientEnabled: 'system-client.enabled',
  systemClientSecretRotated: 'system-client.secret-rotated',
  signingKeyRotated: 'signing-key.rotated',
  loginLockCleared: 'login-lock.cleared',
} as const;
export const IDENTITY_AUDIT_ACTIONS = Object.values(IdentityAuditActions);
export type IdentityAuditAction = (typeof IdentityAuditActions)[keyof typeof IdentityAuditActions];

export interface IdentityAuditEntry {
  action: IdentityAuditAction;
  entityType: 'user' | 'partner-client' | 'system-client' | 'signing-key';
  entityId: string;
}

export interface IdentityAuditRecord extends IdentityAuditEntry {
  actorId: string;
  actorKind: string;
  correlationId: string | null;
  at: string;
}

/** An entry as the admin console lists it: the actor's display name when the actor is a user here. */
export interface IdentityAuditListing extends IdentityAuditRecord {
  id: string;
  actorName: string | null;
}

export interface IdentityAuditFilter {
  actorId?: string;
  action?: IdentityAuditAction;
  entityId?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

type AuditRow = Omit<IdentityAuditListing, 'at'> & { at: Date };

/** Who changed whose access, and when; written in the same transaction as the change. */
@Injectable()
export class IdentityAuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, entry: IdentityAuditEntry): Promise<void> {
    const { actor, correlationId } = RequestContext.current();
    await tx.query(
      `INSERT INTO identity.audit_log (actor_id, actor_kind, action, entity_type, entity_id, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [actor.id, actor.kind, entry.action, entry.entityType, entry.entityId, correlationId],
    );
  }

  async forEntity(entityId: string): Promise<IdentityAuditRecord[]> {
    const rows: (Omit<IdentityAuditRecord, 'at'> & { at: Date })[] = await this.dataSource.query(
      `SELECT actor_id AS "actorId", actor_kind AS "actorKind", action, entity_type AS "entityType",
              entity_id AS "entityId", correlation_id AS "correlationId", at
         FROM identity.audit_log WHERE entity_id = $1 ORDER BY at, id`,
      [entityId],
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }

  /** Newest first; `from` inclusive, `to` exclusive. */
  async list(f: IdentityAuditFilter): Promise<IdentityAuditListing[]> {
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.id::text AS id, a.actor_id AS "actorId", a.actor_kind AS "actorKind", u.display_name AS "actorName",
              a.action, a.entity_type AS "entityType", a.entity_id AS "entityId", a.correlation_id AS "correlationId",
              a.at
         FROM identity.audit_log a LEFT JOIN identity.user_account u ON u.id::text = a.actor_id
        WHERE ($1::text IS NULL OR a.actor_id = $1) AND ($2::text IS NULL OR a.action = $2)
          AND ($3::text IS NULL OR a.entity_id = $3)
          AND ($4::timestamptz IS NULL OR a.at >= $4) AND ($5::timestamptz IS NULL OR a.at < $5)
        ORDER BY a.at DESC, a.id DESC LIMIT $6 OFFSET $7`,
      [f.actorId, f.action, f.entityId, f.from, f.to, f.limit, f.offset].map((v) => v ?? null),
    );
    return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
  }
}
