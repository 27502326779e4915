import { z } from 'zod';
import { defineEvent } from '../event-definition';

export const SubscriptionPaused = defineEvent({
  type: 'subscription.paused',
  version: 1,
  aggregateType: 'subscription',
  description:
    "An event subscription's receiver kept failing (N consecutive failed attempts over at least T, integration's settings), so its deliveries stopped; new events wait as pending until its owner resumes it (integration, ADR 0037). The alert for the owner: partnerId names the partner whose subscription it is, null for a platform client's.",
  payload: z.object({
    subscriptionId: z.uuid(),
    ownerId: z.string(),
    partnerId: z.uuid().nullable(),
    url: z.string(),
    consecutiveFailures: z.number().int().positive(),
    failingSince: z.iso.datetime(),
    pausedAt: z.iso.datetime(),
    lastError: z.string().nullable(),
  }),
});
