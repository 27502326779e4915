import { SegmentCondition, SegmentRule } from './segment-rule';
import { Segment } from './segment';

/** A WHERE clause over `campaigns.customer c`; every value is a bind parameter, never part of the text. */
export interface SegmentSql {
  where: string;
  params: unknown[];
}

/** What a rule depends on beyond itself: the month (for `birthdayMonth: current`) and moment it is evaluated at. */
export interface EvaluationContext {
  currentMonth: number;
  now: Date;
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

/** The customers' calendar: day ranges and `birthdayMonth: current` follow China's time. */
const CUSTOMER_TIME_ZONE = 'Asia/Shanghai';

function compileNode(rule: SegmentRule, bind: Bind, context: EvaluationContext): string {
  if ('all' in rule) return `(${rule.all.map((child) => compileNode(child, bind, context)).join(' AND ')})`;
  if ('any' in rule) return `(${rule.any.map((child) => compileNode(child, bind, context)).join(' OR ')})`;
  return compileCondition(rule, bind, context);
}

const exists = (table: string, alias: string, customerColumn: string, conditions: string[]) =>
  `EXISTS (SELECT 1 FROM campaigns.${table} ${alias} WHERE ${[`${alias}.${customerColumn} = c.id`, ...conditions].join(' AND ')})`;
const hasOrder = (...conditions: string[]) => exists('customer_order', 'o', 'customer_id', conditions);
const serviceHistory = (...conditions: string[]) =>
  exists('customer_service', 's', 'customer_id', conditions);

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
      return `c.consented_channels @> ARRAY[${bind(condition.channel)}::text]`;
    case 'ownedModel':
      return `c.owned_models && ${bind(condition.in)}::text[]`;
    case 'purchaseDate':
      return `c.purchase_dates && ${purchaseDays(condition, bind)}`;
    case 'orderPlaced':
      return hasOrder(...dayRange('o.placed_at', condition, bind));
    case 'orderedModel':
      return hasOrder(
        `o.models && ${bind(condition.in)}::text[]`,
        ...dayRange('o.placed_at', condition, bind),
      );
    case 'lastService':
      return serviceHistory(...dayRange('s.last_service_at', condition, bind));
    case 'monthsSinceService':
      return serviceHistory(...monthsBefore('s.last_service_at', condition, bind, context.now));
    case 'satisfaction':
      return serviceHistory(
        ...[
          condition.min !== undefined ? `s.last_rating_score >= ${bind(condition.min)}::smallint` : null,
          condition.max !== undefined ? `s.last_rating_score <= ${bind(condition.max)}::smallint` : null,
        ].filter((part) => part !== null),
      );
    case 'valueTier':
      return exists('customer_value_tier', 't', 'customer_id', [
        `t.tier = ANY(${bind(condition.in)}::text[])`,
      ]);
    case 'browsedModel':
      return exists('browsing_profile', 'b', 'customer_id', [`b.models && ${bind(condition.in)}::text[]`]);
    case 'browsingInterest':
      return exists('browsing_profile', 'b', 'customer_id', [`b.interests && ${bind(condition.in)}::text[]`]);
  }
}

/**
 * The days from `from` to `to`, both included, open where one is absent: overlapping the customer's purchase
 * days means some vehicle of theirs was bought in it (ADR 0060).
 */
function purchaseDays(range: { from?: string; to?: string }, bind: Bind): string {
  const day = (value?: string) => (value ? `${bind(value)}::date` : 'NULL');
  return `daterange(${day(range.from)}, ${day(range.to)}, '[]')`;
}

/** A moment within whole days of China's calendar: from the start of `from` to the end of `to`. */
function dayRange(column: string, range: { from?: string; to?: string }, bind: Bind): string[] {
  const startOf = (day: string) => `(${day}::date)::timestamp AT TIME ZONE '${CUSTOMER_TIME_ZONE}'`;
  return [
    range.from ? `${column} >= ${startOf(bind(range.from))}` : null,
    range.to ? `${column} < ${startOf(`(${bind(range.to)}::date + 1)`)}` : null,
  ].filter((part) => part !== null);
}

/** Whole months between the moment in `column` and now: at least `min`, at most `max` (so under max + 1). */
function monthsBefore(
  column: string,
  range: { min?: number; max?: number },
  bind: Bind,
  now: Date,
): string[] {
  const monthsAgo = (months: number) =>
    `(${bind(now.toISOString())}::timestamptz - make_interval(months => ${bind(months)}::int))`;
  return [
    range.min !== undefined ? `${column} <= ${monthsAgo(range.min)}` : null,
    range.max !== undefined ? `${column} > ${monthsAgo(range.max + 1)}` : null,
  ].filter((part) => part !== null);
}

/** The month (1–12) in China at a moment: a birthday-this-month segment follows the customers' calendar. */
export function monthInShanghai(at: Date): number {
  return Number(
    new Intl.DateTimeFormat('en-US', { timeZone: CUSTOMER_TIME_ZONE, month: 'numeric' }).format(at),
  );
}

/** Who a segment selects: its rule, or the members imported into a static list. */
export function compileSegment(
  segment: Pick<Segment, 'id' | 'rule'>,
  context: EvaluationContext,
): SegmentSql {
  if (segment.rule) return compileSegmentRule(segment.rule, context);
  return {
    where: `EXISTS (SELECT 1 FROM campaigns.segment_member m WHERE m.segment_id = $1 AND m.customer_id = c.id)`,
    params: [segment.id],
  };
}
