import { z } from 'zod';
import { defineEvent } from '../event-definition';

export const SalesUserPlaced = defineEvent({
  type: 'sales-user.placed',
  version: 1,
  aggregateType: 'sales-user',
  description:
    "A person was placed in the sales tree (added, renamed or moved under another manager); readers roll reps up to their managers' teams with it (ADR 0046).",
  payload: z.object({
    /** The identity user id (`sub`). */
    userId: z.string(),
    name: z.string(),
    /** Whom userId now reports to; null at the top of the tree. */
    managerId: z.string().nullable(),
    setBy: z.string(),
    setAt: z.iso.datetime(),
  }),
});
