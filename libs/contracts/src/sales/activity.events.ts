import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { isoDate } from '../shared-schemas';
import { ACTIVITY_TYPES } from './sales.schemas';

export const ActivityLogged = defineEvent({
  type: 'activity.logged',
  version: 1,
  aggregateType: 'activity',
  description:
    "A salesperson's call, visit, meeting, test drive, email or task with what was discussed and the next step; shown on the customer's timeline.",
  payload: z.object({
    activityId: z.uuid(),
    type: z.enum(ACTIVITY_TYPES),
    customerId: z.uuid().nullable(),
    leadId: z.uuid().nullable(),
    opportunityId: z.uuid().nullable(),
    ownerId: z.string(),
    ownerName: z.string().nullable(),
    partnerId: z.uuid().nullable(),
    subject: z.string(),
    discussed: z.string(),
    nextStep: z.string().nullable(),
    nextStepDue: isoDate.nullable(),
    occurredAt: z.iso.datetime(),
  }),
});
