import { CronExpressionParser } from 'cron-parser';
import { z } from 'zod';
import { FieldError, InvalidInputError } from '@crm/core';
import { parsedOrCollect } from '@crm/http';
import { CUSTOMER_TIME_ZONE } from './calendar-day';
import { ALL_HOLIDAYS, HolidayKey } from './holiday-calendar';

export const TriggerKinds = {
  birthday: 'birthday',
  purchaseAnniversary: 'purchase-anniversary',
  serviceDue: 'service-due',
  holiday: 'holiday',
} as const;

const cron = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .refine((expression) => isCron(expression), 'not a cron expression (minute hour day month weekday)');

const trigger = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal(TriggerKinds.birthday) }),
  z.strictObject({
    kind: z.literal(TriggerKinds.purchaseAnniversary),
    /** Absent: every anniversary. */
    years: z.number().int().min(1).max(50).optional(),
  }),
  z.strictObject({ kind: z.literal(TriggerKinds.serviceDue), months: z.number().int().min(1).max(120) }),
  z.strictObject({
    kind: z.literal(TriggerKinds.holiday),
    holiday: z.enum(ALL_HOLIDAYS as [HolidayKey, ...HolidayKey[]]),
    daysBefore: z.number().int().min(0).max(60).default(0),
  }),
]);

const scheduleSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('recurring'), cron }),
  z.strictObject({ kind: z.literal('triggered'), trigger }),
]);

/** How a campaign repeats: on a cron in China's time, or each day a trigger selects customers. Null: one-off. */
export type CampaignSchedule = z.infer<typeof scheduleSchema>;
export type CampaignTrigger = z.infer<typeof trigger>;

export function parseCampaignSchedule(value: unknown, path = 'schedule'): CampaignSchedule {
  const errors: FieldError[] = [];
  const schedule = parsedOrCollect(scheduleSchema.safeParse(value), path, errors);
  if (!schedule) throw new InvalidInputError(errors);
  return schedule;
}

function isCron(expression: string): boolean {
  if (expression.split(/\s+/).length !== 5) return false;
  try {
    CronExpressionParser.parse(expression, { tz: CUSTOMER_TIME_ZONE });
    return true;
  } catch {
    return false;
  }
}
