import { z } from 'zod';
import { ALL_CONTACT_CHANNELS, isoDate } from '@crm/contracts';
import { FieldError, InvalidInputError } from '@crm/core';

const MAX_DEPTH = 5;
const MAX_CHILDREN = 20;
const values = z.array(z.string().trim().min(1).max(100)).min(1).max(50);

/** The conditions a segment rule combines, one per indexed column of the replica. */
const conditionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('city'), in: values }),
  z.strictObject({ field: z.literal('province'), in: values }),
  z.strictObject({ field: z.literal('tag'), has: z.string().trim().min(1).max(100) }),
  z.strictObject({
    field: z.literal('birthdayMonth'),
    /** 1–12, or `current`: the month the segment is evaluated in (Asia/Shanghai). */
    month: z.union([z.number().int().min(1).max(12), z.literal('current')]),
  }),
  z.strictObject({
    field: z.literal('gender'),
    in: z.array(z.enum(['female', 'male', 'other', 'unknown'])).min(1),
  }),
  /** The person granted consent on this channel and has not withdrawn it. */
  z.strictObject({ field: z.literal('consent'), channel: z.enum(ALL_CONTACT_CHANNELS) }),
  z.strictObject({ field: z.literal('ownedModel'), in: values }),
  z
    .strictObject({ field: z.literal('purchaseDate'), from: isoDate.optional(), to: isoDate.optional() })
    .refine((c) => c.from !== undefined || c.to !== undefined, { message: 'needs from, to or both' })
    .refine((c) => !c.from || !c.to || c.from <= c.to, {
      message: 'from must not be after to',
      path: ['to'],
    }),
]);
export type SegmentCondition = z.infer<typeof conditionSchema>;

export type SegmentRule = { all: SegmentRule[] } | { any: SegmentRule[] } | SegmentCondition;

const groupSchema = (key: 'all' | 'any') =>
  z.strictObject({ [key]: z.array(z.unknown()).min(1).max(MAX_CHILDREN) });

/**
 * A rule tree from a request: `{ all: [...] }`, `{ any: [...] }` or a condition, at most five levels deep.
 * A bad node is a 400 naming its path, e.g. `rule.all[1].field`.
 */
export function parseSegmentRule(value: unknown, path = 'rule'): SegmentRule {
  const errors: FieldError[] = [];
  const rule = parseNode(value, path, 1, errors);
  if (errors.length > 0 || !rule) throw new InvalidInputError(errors);
  return rule;
}

function parseNode(value: unknown, path: string, depth: number, errors: FieldError[]): SegmentRule | null {
  const key = groupKey(value);
  if (!key) return collect(conditionSchema.safeParse(value), path, errors);
  if (depth >= MAX_DEPTH) {
    errors.push({ field: path, message: `rules nest at most ${MAX_DEPTH} levels` });
    return null;
  }
  const group = collect(groupSchema(key).safeParse(value), path, errors) as Record<string, unknown[]> | null;
  if (!group) return null;
  const children = group[key].map((child, index) =>
    parseNode(child, `${path}.${key}[${index}]`, depth + 1, errors),
  );
  return children.every((child) => child !== null) ? ({ [key]: children } as SegmentRule) : null;
}

function groupKey(value: unknown): 'all' | 'any' | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  if ('all' in value) return 'all';
  return 'any' in value ? 'any' : null;
}

function collect<T>(result: z.ZodSafeParseResult<T>, path: string, errors: FieldError[]): T | null {
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys)
      errors.push({
        field: fieldPath(path, key === undefined ? issue.path : [...issue.path, key]),
        message: issue.message,
      });
  }
  return null;
}

function fieldPath(base: string, path: PropertyKey[]): string {
  return path.reduce<string>(
    (field, part) => (typeof part === 'number' ? `${field}[${part}]` : `${field}.${String(part)}`),
    base,
  );
}
