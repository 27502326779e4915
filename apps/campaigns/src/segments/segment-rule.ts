import { z } from 'zod';
import { parsedOrCollect } from '@crm/http';
import { ALL_CONTACT_CHANNELS, VALUE_TIERS } from '@crm/contracts';
import { FieldError, InvalidInputError } from '@crm/core';

const MAX_DEPTH = 5;
const MAX_CHILDREN = 20;
/** A real calendar day (YYYY-MM-DD): 2025-02-30 is refused here rather than failing in SQL. */
const day = z.iso.date();
const values = z.array(z.string().trim().min(1).max(100)).min(1).max(50);

const fromNotAfterTo = (c: { from?: string; to?: string }) => !c.from || !c.to || c.from <= c.to;
const REVERSED_DAYS = { message: 'from must not be after to', path: ['to'] };

/** A range of days (YYYY-MM-DD, in China's calendar), open at either end but not both. */
const dateRange = <F extends string>(field: F) =>
  z
    .strictObject({ field: z.literal(field), from: day.optional(), to: day.optional() })
    .refine((c) => c.from !== undefined || c.to !== undefined, { message: 'needs from, to or both' })
    .refine(fromNotAfterTo, REVERSED_DAYS);

/** A range of whole numbers, open at either end but not both. */
const numberRange = <F extends string>(field: F, lowest: number, highest: number) => {
  const bound = z.number().int().min(lowest).max(highest).optional();
  return z
    .strictObject({ field: z.literal(field), min: bound, max: bound })
    .refine((c) => c.min !== undefined || c.max !== undefined, { message: 'needs min, max or both' })
    .refine((c) => c.min === undefined || c.max === undefined || c.min <= c.max, {
      message: 'min must not be above max',
      path: ['max'],
    });
};

/** The conditions a segment rule combines, each answered by an indexed column of a replica. */
const conditionSchema = z.discriminatedUnion('field', [
  z.strictObject({ field: z.literal('city'), in: values }),
  /** The region: a province, autonomous region or municipality. */
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
  dateRange('purchaseDate'),
  /** Placed at least one order in the range. */
  dateRange('orderPlaced'),
  /** Ordered one of these models, in the range when one is given. */
  z
    .strictObject({ field: z.literal('orderedModel'), in: values, from: day.optional(), to: day.optional() })
    .refine(fromNotAfterTo, REVERSED_DAYS),
  /** The last service visit (repair) fell in the range. */
  dateRange('lastService'),
  /** Whole months since the last service visit; customers never serviced do not match. */
  numberRange('monthsSinceService', 0, 600),
  /** The score (1–5) of the customer's latest satisfaction rating. */
  numberRange('satisfaction', 1, 5),
  /** The customer's tier in analytics' customer pyramid; customers never valued do not match. */
  z.strictObject({ field: z.literal('valueTier'), in: z.array(z.enum(VALUE_TIERS)).min(1) }),
  /** Looked at one of these models on the website (their browsing profile, ADR 0044). */
  z.strictObject({ field: z.literal('browsedModel'), in: values }),
  /** Browsed pages of one of these categories on the website (`models`, `financing`, `service`...). */
  z.strictObject({
    field: z.literal('browsingInterest'),
    in: z
      .array(
        z
          .string()
          .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'a page category: lower-case letters, digits and dashes'),
      )
      .min(1)
      .max(50),
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
  if (!key) return parsedOrCollect(conditionSchema.safeParse(value), path, errors);
  if (depth >= MAX_DEPTH) {
    errors.push({ field: path, message: `rules nest at most ${MAX_DEPTH} levels` });
    return null;
  }
  const group = parsedOrCollect(groupSchema(key).safeParse(value), path, errors) as Record<
    string,
    unknown[]
  > | null;
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
