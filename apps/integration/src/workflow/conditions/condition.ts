/** The comparisons a condition makes on one payload field. */
export const CONDITION_OPS = ['eq', 'ne', 'in', 'gt', 'gte', 'lt', 'lte', 'contains', 'exists'] as const;
export type ConditionOp = (typeof CONDITION_OPS)[number];

export type Scalar = string | number | boolean | null;

export interface Comparison {
  /** A dotted path over the event's payload, e.g. `vehicle.model`. */
  field: string;
  op: ConditionOp;
  value?: Scalar | Scalar[];
}

export type Condition = { all: Condition[] } | { any: Condition[] } | { not: Condition } | Comparison;

/** Whether an event's payload meets the condition; a field the payload lacks meets nothing but `exists: false`. */
export function conditionHolds(condition: Condition, payload: unknown): boolean {
  if ('all' in condition) return condition.all.every((child) => conditionHolds(child, payload));
  if ('any' in condition) return condition.any.some((child) => conditionHolds(child, payload));
  if ('not' in condition) return !conditionHolds(condition.not, payload);
  return compare(condition, readPath(payload, condition.field));
}

/** The value at a dotted path, or undefined where the path leaves the object. */
export function readPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (typeof current !== 'object' || current === null || Array.isArray(current)) return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

function compare({ op, value }: Comparison, actual: unknown): boolean {
  if (op === 'exists') return (actual !== undefined && actual !== null) === (value ?? true);
  if (actual === undefined) return false;
  switch (op) {
    case 'eq':
      return actual === value;
    case 'ne':
      return actual !== value;
    case 'in':
      return (value as Scalar[]).includes(actual as Scalar);
    case 'contains':
      if (Array.isArray(actual)) return actual.includes(value);
      return typeof actual === 'string' && typeof value === 'string' && actual.includes(value);
    default:
      return ordered(op, actual, value);
  }
}

/** Numbers compare as numbers, strings (ISO dates among them) in code-point order; mixed kinds never match. */
function ordered(op: 'gt' | 'gte' | 'lt' | 'lte', actual: unknown, value: unknown): boolean {
  if (typeof actual !== typeof value || (typeof actual !== 'number' && typeof actual !== 'string'))
    return false;
  const [a, b] = [actual as number | string, value as number | string];
  if (op === 'gt') return a > b;
  if (op === 'gte') return a >= b;
  if (op === 'lt') return a < b;
  return a <= b;
}
