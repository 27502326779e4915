import { z } from 'zod';
import { defineEvent } from '../event-definition';
import { isoDate } from '../shared-schemas';

/** What raised a sales user's in-app notification. */
export const SALES_NOTIFICATION_KINDS = ['guidance', 'guidance_reply', 'next_step_due'] as const;
export type SalesNotificationKind = (typeof SALES_NOTIFICATION_KINDS)[number];

/** The sales records a notification, a guidance comment or an account team can be about. */
export const SALES_RECORD_TYPES = ['lead', 'opportunity', 'activity'] as const;
export type SalesRecordType = (typeof SALES_RECORD_TYPES)[number];

export const SalesNotificationRaised = defineEvent({
  type: 'sales-notification.raised',
  version: 1,
  aggregateType: 'sales-notification',
  description:
    "A sales user's in-app notification (a manager's guidance, a reply to it, a next step falling due); the console shows it live.",
  payload: z.object({
    notificationId: z.uuid(),
    recipientId: z.string(),
    kind: z.enum(SALES_NOTIFICATION_KINDS),
    title: z.string(),
    body: z.string(),
    recordType: z.enum(SALES_RECORD_TYPES),
    recordId: z.uuid(),
    partnerId: z.uuid().nullable(),
    raisedAt: z.iso.datetime(),
  }),
});

export const ActivityNextStepDue = defineEvent({
  type: 'activity.next-step-due',
  version: 1,
  aggregateType: 'activity',
  description:
    'The next step of an activity fell due and no later activity on the same record has followed it up; raised once per next step.',
  payload: z.object({
    activityId: z.uuid(),
    ownerId: z.string(),
    nextStep: z.string(),
    nextStepDue: isoDate,
    customerId: z.uuid().nullable(),
    leadId: z.uuid().nullable(),
    opportunityId: z.uuid().nullable(),
    partnerId: z.uuid().nullable(),
    remindedAt: z.iso.datetime(),
  }),
});

export const SALES_COLLABORATION_EVENTS = [SalesNotificationRaised, ActivityNextStepDue] as const;
