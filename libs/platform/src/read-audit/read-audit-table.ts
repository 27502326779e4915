/** DDL of `<schema>.read_audit`, the table ReadAuditModule writes; each service's migration runs it once. */
export function readAuditTableDdl(schema: string): string[] {
  if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`not a schema name: ${schema}`);
  return [
    `CREATE TABLE ${schema}.read_audit (
      id bigserial PRIMARY KEY,
      actor_id text NOT NULL,
      roles text[] NOT NULL,
      partner_id text,
      action text NOT NULL,
      entity_id text,
      result_ids text[] NOT NULL DEFAULT '{}',
      correlation_id text,
      at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE INDEX read_audit_entity_idx ON ${schema}.read_audit (entity_id, at)`,
    `CREATE INDEX read_audit_actor_idx ON ${schema}.read_audit (actor_id, at)`,
  ];
}
