import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OfferKind, ValueTier } from '@crm/contracts';
import { OfferRule } from './offer-rule';

interface RuleRow {
  rule_id: string;
  name: string;
  tier: ValueTier;
  months_since_service: number;
  title: string;
  kind: OfferKind;
  value: string;
  currency: string | null;
  applies_to: string;
  validity_days: number;
  enabled: boolean;
  created_at: Date;
  updated_at: Date;
}

/** The offer rules (admin-configured). */
@Injectable()
export class OfferRuleRepository {
  constructor(private readonly db: DataSource) {}

  async save(rule: OfferRule, tx: EntityManager = this.db.manager): Promise<void> {
    await tx.query(
      `INSERT INTO integration.offer_rule (rule_id, name, tier, months_since_service, title, kind, value, currency,
         applies_to, validity_days, enabled, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (rule_id) DO UPDATE SET name = EXCLUDED.name, tier = EXCLUDED.tier,
         months_since_service = EXCLUDED.months_since_service, title = EXCLUDED.title, kind = EXCLUDED.kind,
         value = EXCLUDED.value, currency = EXCLUDED.currency, applies_to = EXCLUDED.applies_to,
         validity_days = EXCLUDED.validity_days, enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at`,
      [
        rule.ruleId,
        rule.name,
        rule.tier,
        rule.monthsSinceService,
        rule.title,
        rule.kind,
        rule.value,
        rule.currency,
        rule.appliesTo,
        rule.validityDays,
        rule.enabled,
        rule.createdAt,
        rule.updatedAt,
      ],
    );
  }

  async find(ruleId: string): Promise<OfferRule | null> {
    const [row]: RuleRow[] = await this.db.query(
      `SELECT * FROM integration.offer_rule WHERE rule_id = $1 AND deleted_at IS NULL`,
      [ruleId],
    );
    return row ? toRule(row) : null;
  }

  async list(limit: number, offset: number): Promise<OfferRule[]> {
    const rows: RuleRow[] = await this.db.query(
      `SELECT * FROM integration.offer_rule WHERE deleted_at IS NULL ORDER BY created_at, rule_id LIMIT $1 OFFSET $2`,
      [limit, offset],
    );
    return rows.map(toRule);
  }

  /** False when there is no such rule (or it was deleted before). */
  async markDeleted(tx: EntityManager, ruleId: string, at: Date): Promise<boolean> {
    const [rows]: [unknown[]] = await tx.query(
      `UPDATE integration.offer_rule SET enabled = false, deleted_at = $2, updated_at = $2
        WHERE rule_id = $1 AND deleted_at IS NULL RETURNING rule_id`,
      [ruleId, at],
    );
    return rows.length > 0;
  }

  async enabled(tx: EntityManager): Promise<OfferRule[]> {
    const rows: RuleRow[] = await tx.query(
      `SELECT * FROM integration.offer_rule WHERE enabled AND deleted_at IS NULL ORDER BY created_at, rule_id`,
    );
    return rows.map(toRule);
  }
}

function toRule(row: RuleRow): OfferRule {
  return {
    ruleId: row.rule_id,
    name: row.name,
    tier: row.tier,
    monthsSinceService: row.months_since_service,
    title: row.title,
    kind: row.kind,
    value: Number(row.value),
    currency: row.currency,
    appliesTo: row.applies_to,
    validityDays: row.validity_days,
    enabled: row.enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
