import { z } from 'zod';
import { defineEvent } from '../event-definition';

/** What a customer looked at on the manufacturer's website, over the page views web-tracking keeps (ADR 0044). */
export const browsingProfileSchema = z.object({
  /** Model names the customer's page views were about, most viewed first (at most 10). */
  models: z.array(z.string().min(1)).max(10),
  /** Page categories (e.g. `models`, `financing`, `service`), most viewed first (at most 5). */
  interests: z.array(z.string().min(1)).max(5),
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
    "A customer's website browsing profile changed (another model or interest ranks in, a new visit), or is gone (profile null: their consent to tracking was withdrawn, or they were merged away); keyed by customer id, published only on a change.",
  payload: z.object({
    customerId: z.uuid(),
    profile: browsingProfileSchema.nullable(),
    changedAt: z.iso.datetime(),
  }),
});
