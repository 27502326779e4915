import { z } from 'zod';
import { defineEvent } from '../event-definition';

const seconds = z.number().int().nonnegative();

/**
 * What a customer looked at on the manufacturer's website, over the page views web-tracking keeps (ADR 0044).
 * Rankings weigh each view by its visible time, capped at 10 minutes; a view left within 2 seconds is a bounce and
 * counts for nothing (ADR 0055).
 */
export const browsingProfileSchema = z.object({
  /** Model names the customer's page views were about, longest looked at first, then most viewed (at most 10). */
  models: z.array(z.string().min(1)).max(10),
  /** Page categories (e.g. `models`, `financing`, `service`), ranked as the models (at most 5). */
  interests: z.array(z.string().min(1)).max(5),
  /** Added later (ADR 0055): visible time over the kept views, each capped, bounces left out. Absent from older events. */
  dwellSeconds: seconds.optional(),
  /** Added later (ADR 0055): that time per model of `models`, in the same order. Absent from older events. */
  modelDwell: z
    .array(z.object({ model: z.string().min(1), dwellSeconds: seconds }))
    .max(10)
    .optional(),
  /** Visits: runs of page views with no gap over 30 minutes. */
  visits: z.number().int().nonnegative(),
  /** When the latest visit began. */
  lastVisitAt: z.iso.datetime(),
});
export type BrowsingProfile = z.infer<typeof browsingProfileSchema>;

export const BrowsingProfileChanged = defineEvent({
  type: 'browsing-profile.changed',
  version: 1,
  aggregateType: 'browsing-profile',
  description:
    "A customer's website browsing profile changed (another model or interest ranks in, a new visit, a dwell total crossed a whole minute), or is gone (profile null: their consent to tracking was withdrawn, or they were merged away); keyed by customer id, published only on a change. Rankings weigh views by capped time on page; `dwellSeconds` and `modelDwell` were added later (ADR 0055).",
  payload: z.object({
    customerId: z.uuid(),
    profile: browsingProfileSchema.nullable(),
    changedAt: z.iso.datetime(),
  }),
});
