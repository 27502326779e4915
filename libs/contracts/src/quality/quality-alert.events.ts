import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { ALL_QUALITY_TYPES } from '../quality-types';

/** A calendar month (UTC), `YYYY-MM`. */
export const qualityMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);

export const QualityAlertRaised = defineEvent({
  type: 'quality.alert-raised',
  version: 1,
  aggregateType: 'quality',
  description:
    "Complaints about one model and quality type in one month rose above the cell's seasonal baseline (analytics, for R&D); raised once per cell and month.",
  payload: z.object({
    alertId: z.uuid(),
    model: z.string(),
    qualityType: z.enum(ALL_QUALITY_TYPES),
    month: qualityMonth,
    complaints: z.number().int().nonnegative(),
    vehicles: z.number().int().positive(),
    complaintsPer1000: z.number().nonnegative(),
    /** The baseline's mean complaints for the month, and the bound the month went above. */
    expected: z.number().nonnegative(),
    upperBound: z.number().nonnegative(),
    baselineMonths: z.array(qualityMonth),
    raisedAt: z.iso.datetime(),
  }),
});
