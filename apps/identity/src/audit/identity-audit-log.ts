import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '@crm/core';

export const IdentityAuditActions = {
  userDisabled: 'user.disabled',
  userEnabled: 'user.enabled',
  userPasswordReset: 'user.password-reset',
  clientDisabled: 'partner-client.disabled',
  clientEnabled: 'partner-client.enabled',
  clientSecretRotated: 'partner-client.secret-rotated',
  signingKeyRotated: 'signing-key.rotated',
  loginLockCleared: 'login-lock.cleared',
} as const;
export type IdentityAuditAction = (typeof IdentityAuditActions)[keyof typeof IdentityAuditActions];

export interface IdentityAuditEntry {
  action: IdentityAuditAction;
  entityType: 'user' | 'partner-client' | 'signing-key';
  entityId: string;
}

export interface IdentityAuditRecord extends IdentityAuditEntry {
  actorId: string;
  actorKind: string;
  correlationId: string | null;
  at: string;
}

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
}
