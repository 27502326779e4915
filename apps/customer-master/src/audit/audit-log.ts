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
    await this.recordMany(tx, [entry]);
  }

  /** Any number of entries by the current actor, in one statement. */
  async recordMany(tx: EntityManager, entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const { actor, correlationId } = RequestContext.current();
    await tx.query(
      `INSERT INTO customer_master.audit_log (actor_id, actor_kind, action, entity_type, entity_id, changed_fields, correlation_id)
       SELECT $1, $2, e.action, e.entity_type, e.entity_id, e.changed_fields, $3
         FROM jsonb_to_recordset($4::jsonb) AS e(action text, entity_type text, entity_id uuid, changed_fields text[])`,
      [
        actor.id,
        actor.kind,
        correlationId,
        JSON.stringify(
          entries.map((entry) => ({
            action: entry.action,
            entity_type: entry.entityType,
            entity_id: entry.entityId,
            changed_fields: entry.changedFields ?? [],
          })),
        ),
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
