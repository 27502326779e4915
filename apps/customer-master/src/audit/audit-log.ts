import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { RequestContext } from '@crm/core';

export interface AuditEntry {
  action: string;
  entityType: 'customer' | 'vehicle' | 'partner';
  entityId: string;
  changedFields?: string[];
}

/** Who changed which personal data, and when; written in the same transaction as the change. */
@Injectable()
export class AuditLog {
  constructor(private readonly dataSource: DataSource) {}

  async record(tx: EntityManager, entry: AuditEntry): Promise<void> {
    const { actor, correlationId } = RequestContext.current();
    await tx.query(
      `INSERT INTO customer_master.audit_log (actor_id, actor_kind, action, entity_type, entity_id, changed_fields, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        actor.id,
        actor.kind,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.changedFields ?? [],
        correlationId,
      ],
    );
  }

  async forEntity(entityId: string, limit: number, offset: number) {
    return this.dataSource.query(
      `SELECT actor_id AS "actorId", actor_kind AS "actorKind", action, entity_type AS "entityType",
              entity_id AS "entityId", changed_fields AS "changedFields", correlation_id AS "correlationId", at
         FROM customer_master.audit_log WHERE entity_id = $1 ORDER BY at DESC, id DESC LIMIT $2 OFFSET $3`,
      [entityId, limit, offset],
    );
  }
}
