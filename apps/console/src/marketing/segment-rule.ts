/**
 * The builder's editable form of the segment rule DSL (see CreateSegmentDto.rule): a flat list of conditions joined by
 * all/any, each turned into the DSL's condition when it is complete.
 */
export const RULE_FIELDS = [
  'valueTier',
  'ownedModel',
  'orderedModel',
  'browsedModel',
  'browsingInterest',
  'purchaseDate',
  'orderPlaced',
  'lastService',
  'monthsSinceService',
  'satisfaction',
  'province',
  'city',
  'consent',
  'birthdayMonth',
  'gender',
  'tag',
] as const;
export type RuleField = (typeof RULE_FIELDS)[number];

export const VALUE_TIERS = ['platinum', 'gold', 'iron', 'lead'] as const;
export const GENDERS = ['female', 'male', 'other', 'unknown'] as const;
export const CONSENT_CHANNELS = ['email', 'sms', 'phone'] as const;

/** How each field's value is edited. */
export type RuleEditor = 'choices' | 'values' | 'dates' | 'range' | 'channel' | 'month' | 'text';
export const EDITOR_OF: Record<RuleField, RuleEditor> = {
  valueTier: 'choices',
  gender: 'choices',
  ownedModel: 'values',
  orderedModel: 'values',
  browsedModel: 'values',
  browsingInterest: 'values',
  province: 'values',
  city: 'values',
  purchaseDate: 'dates',
  orderPlaced: 'dates',
  lastService: 'dates',
  monthsSinceService: 'range',
  satisfaction: 'range',
  consent: 'channel',
  birthdayMonth: 'month',
  tag: 'text',
};

export interface Condition {
  key: number;
  field: RuleField;
  values: string[];
  from?: string;
  to?: string;
  min?: number;
  max?: number;
  text?: string;
}

export type Combinator = 'all' | 'any';
/** A node of the service's rule tree. */
export type SegmentRule = Record<string, unknown>;

/** The DSL condition, or null while the marketer has not said enough for one. */
export function toRuleCondition(condition: Condition): SegmentRule | null {
  const { field, values, from, to, min, max, text } = condition;
  switch (EDITOR_OF[field]) {
    case 'choices':
    case 'values':
      return values.length > 0 ? { field, in: values } : null;
    case 'dates':
      return from || to ? { field, ...(from && { from }), ...(to && { to }) } : null;
    case 'range':
      return min !== undefined || max !== undefined
        ? { field, ...(min !== undefined && { min }), ...(max !== undefined && { max }) }
        : null;
    case 'channel':
      return values[0] ? { field, channel: values[0] } : null;
    case 'month':
      return values[0] ? { field, month: values[0] === 'current' ? 'current' : Number(values[0]) } : null;
    case 'text':
      return text?.trim() ? { field, has: text.trim() } : null;
  }
}

/** The rule tree of the complete conditions, or null when none is complete yet. */
export function toRule(combinator: Combinator, conditions: Condition[]): SegmentRule | null {
  const complete = conditions.map(toRuleCondition).filter((rule) => rule !== null);
  if (complete.length === 0) return null;
  return complete.length === 1 ? complete[0] : { [combinator]: complete };
}
