import { z } from 'zod';
import { FieldError } from '@crm/core';
import { payloadHasField } from '../rules/event-fields';
import { parsedOrCollect } from '@crm/http';
import { Condition, CONDITION_OPS } from './condition';

const MAX_DEPTH = 5;
const MAX_CHILDREN = 20;
export const FIELD_PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;

const scalar = z.union([z.string().max(500), z.number(), z.boolean(), z.null()]);
const comparisonSchema = z
  .strictObject({
    field: z.string().max(200).regex(FIELD_PATH, 'a dotted path over the payload, e.g. vehicle.model'),
    op: z.enum(CONDITION_OPS),
    value: z.union([scalar, z.array(scalar).min(1).max(100)]).optional(),
  })
  .superRefine((comparison, ctx) => {
    const problem = valueProblem(comparison.op, comparison.value);
    if (problem) ctx.addIssue({ code: 'custom', path: ['value'], message: problem });
  });

function valueProblem(op: string, value: unknown): string | null {
  if (op === 'exists')
    return value === undefined || typeof value === 'boolean' ? null : 'true, false or absent';
  if (op === 'in') return Array.isArray(value) ? null : 'a list of values';
  if (value === undefined || Array.isArray(value)) return 'one value';
  if (['gt', 'gte', 'lt', 'lte'].includes(op) && typeof value !== 'number' && typeof value !== 'string')
    return 'a number or a string';
  return null;
}

const GROUPS = ['all', 'any', 'not'] as const;
type Group = (typeof GROUPS)[number];

/**
 * A condition tree from a request, its fields checked against the event's payload schema: a bad node or a field the
 * event does not have is an error naming its path, e.g. `condition.all[1].field`.
 */
export function parseCondition(
  value: unknown,
  eventType: string,
  path: string,
  errors: FieldError[],
  depth = 1,
): Condition | null {
  const group = groupOf(value);
  if (!group) return comparison(value, eventType, path, errors);
  if (depth >= MAX_DEPTH) {
    errors.push({ field: path, message: `conditions nest at most ${MAX_DEPTH} levels` });
    return null;
  }
  if (group === 'not') {
    const inner = parsedOrCollect(z.strictObject({ not: z.unknown() }).safeParse(value), path, errors);
    const child = inner && parseCondition(inner.not, eventType, `${path}.not`, errors, depth + 1);
    return child ? { not: child } : null;
  }
  const schema = z.strictObject({ [group]: z.array(z.unknown()).min(1).max(MAX_CHILDREN) });
  const parsed = parsedOrCollect(schema.safeParse(value), path, errors) as Record<string, unknown[]> | null;
  if (!parsed) return null;
  const children = parsed[group].map((child, index) =>
    parseCondition(child, eventType, `${path}.${group}[${index}]`, errors, depth + 1),
  );
  if (!children.every((child) => child !== null)) return null;
  return group === 'all' ? { all: children } : { any: children };
}

function comparison(value: unknown, eventType: string, path: string, errors: FieldError[]): Condition | null {
  const parsed = parsedOrCollect(comparisonSchema.safeParse(value), path, errors);
  if (!parsed) return null;
  if (!payloadHasField(eventType, parsed.field)) {
    errors.push({ field: `${path}.field`, message: `${eventType} has no field ${parsed.field}` });
    return null;
  }
  return parsed as Condition;
}

function groupOf(value: unknown): Group | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  return GROUPS.find((group) => group in value) ?? null;
}
