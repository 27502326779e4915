import { SegmentCondition, SegmentRule } from './segment-rule';

/** A WHERE clause over `campaigns.customer c`; every value is a bind parameter, never part of the text. */
export interface SegmentSql {
  where: string;
  params: unknown[];
}

/** What a rule depends on beyond itself: `birthdayMonth: current` is the month it is evaluated in. */
export interface EvaluationContext {
  currentMonth: number;
}

export function compileSegmentRule(rule: SegmentRule, context: EvaluationContext): SegmentSql {
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { where: compileNode(rule, bind, context), params };
}

type Bind = (value: unknown) => string;

function compileNode(rule: SegmentRule, bind: Bind, context: EvaluationContext): string {
  if ('all' in rule) return `(${rule.all.map((child) => compileNode(child, bind, context)).join(' AND ')})`;
  if ('any' in rule) return `(${rule.any.map((child) => compileNode(child, bind, context)).join(' OR ')})`;
  return compileCondition(rule, bind, context);
}

const ownsVehicleWhere = (condition: string) =>
  `EXISTS (SELECT 1 FROM campaigns.vehicle v WHERE v.owner_customer_id = c.id AND ${condition})`;

function compileCondition(condition: SegmentCondition, bind: Bind, context: EvaluationContext): string {
  switch (condition.field) {
    case 'city':
      return `c.city = ANY(${bind(condition.in)}::text[])`;
    case 'province':
      return `c.province = ANY(${bind(condition.in)}::text[])`;
    case 'tag':
      return `c.tags @> ARRAY[${bind(condition.has)}::text]`;
    case 'birthdayMonth':
      return `c.birth_month = ${bind(condition.month === 'current' ? context.currentMonth : condition.month)}::smallint`;
    case 'gender':
      return `c.gender = ANY(${bind(condition.in)}::text[])`;
    case 'consent':
      return `EXISTS (SELECT 1 FROM campaigns.customer_consent k
                       WHERE k.customer_id = c.id AND k.channel = ${bind(condition.channel)} AND k.granted)`;
    case 'ownedModel':
      return ownsVehicleWhere(`v.model = ANY(${bind(condition.in)}::text[])`);
    case 'purchaseDate':
      return ownsVehicleWhere(
        [
          condition.from ? `v.purchase_date >= ${bind(condition.from)}::date` : null,
          condition.to ? `v.purchase_date <= ${bind(condition.to)}::date` : null,
        ]
          .filter((part) => part !== null)
          .join(' AND '),
      );
  }
}

/** The month (1–12) in China at a moment: a birthday-this-month segment follows the customers' calendar. */
export function monthInShanghai(at: Date): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Shanghai', month: 'numeric' }).format(at));
}
