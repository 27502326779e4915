import { z } from 'zod';
import { zodFieldErrors } from '@crm/http';
import { InvalidInputError } from '@crm/core';

const DAY_MS = 86_400_000;

/** A page category as the site names it (`models`, `financing`): lower-case words and dashes. */
const category = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes, at most 40');
const printable = /^[^\p{Cc}\p{Cf}]+$/u;

const view = z.strictObject({
  type: z.literal('view'),
  consent: z.literal(true),
  visitorId: z.uuid(),
  viewId: z.uuid(),
  /** The visitor's n-th page view (their browser counts). */
  seq: z.number().int().min(1).max(10_000_000),
  path: z
    .string()
    .max(512)
    .regex(/^\/[^\s]*$/, 'a path starting with /, no spaces'),
  category: category.optional(),
  model: z.string().trim().min(1).max(80).regex(printable, 'printable text').optional(),
  /** The click token of the campaign link the visitor arrived by (`crm_ct`). */
  campaignToken: z.string().max(200).optional(),
});

const leave = z.strictObject({
  type: z.literal('leave'),
  consent: z.literal(true),
  visitorId: z.uuid(),
  viewId: z.uuid(),
  seq: z.number().int().min(1).max(10_000_000),
  path: z.string().max(512).optional(),
  /** Time the page was visible, up to a day. */
  dwellMs: z.number().int().min(0).max(DAY_MS),
});

/** The visitor withdrew consent on the site: their anonymous page views go. Needs no consent flag. */
const forget = z.strictObject({ type: z.literal('forget'), visitorId: z.uuid() });

const beaconSchema = z.discriminatedUnion('type', [view, leave, forget]);
export type PageBeacon = z.infer<typeof beaconSchema>;
export type PageViewBeacon = z.infer<typeof view>;

/**
 * A beacon from the script: null when it carries no consent flag (nothing is stored, and nothing more is
 * checked); otherwise valid or a 400 naming the field (`body.path`).
 */
export function parsePageBeacon(raw: unknown): PageBeacon | null {
  const body = typeof raw === 'string' ? parseJson(raw) : raw;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new InvalidInputError([{ field: 'body', message: 'a JSON object' }]);
  const record = body as Record<string, unknown>;
  if (record.type !== 'forget' && record.consent !== true) return null;
  const result = beaconSchema.safeParse(body);
  if (!result.success) throw new InvalidInputError(zodFieldErrors(result.error, 'body'));
  return result.data;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new InvalidInputError([{ field: 'body', message: 'not JSON' }]);
  }
}
